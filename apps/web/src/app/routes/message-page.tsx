import { Button, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface MessagePageProps {
  icon: ReactNode;
  title: string;
  children: ReactNode;
}

/** A full-page message (not found, no access, crash) with a way back home. */
export function MessagePage({ icon, title, children }: MessagePageProps) {
  useDocumentTitle(`${title} · Countersign`);
  return (
    <Stack align="center" gap="md" py={80} ta="center" maw={520} mx="auto">
      <ThemeIcon size={64} radius="xl" variant="light" aria-hidden>
        {icon}
      </ThemeIcon>
      <Title order={1} fz="h2">
        {title}
      </Title>
      <Text c="dimmed">{children}</Text>
      <Button component={Link} to="/">
        Go to the start page
      </Button>
    </Stack>
  );
}
