import { Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}

/**
 * The page's one h1, which also names the browser tab. Titles carry authored text (a module's
 * title), so a long one, even an unbroken 200-character word, wraps to two lines at most instead
 * of widening the page; the whole title is its tooltip (and what screen readers read).
 */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  useDocumentTitle(`${title} · Countersign`);
  return (
    <Group justify="space-between" align="flex-end" mb="xl" gap="md">
      <Stack gap={4} style={{ flex: '1 1 20rem', minWidth: 0 }}>
        <Title order={1} fz="h2" lineClamp={2} title={title} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {description && <Text c="dimmed">{description}</Text>}
      </Stack>
      {actions}
    </Group>
  );
}
