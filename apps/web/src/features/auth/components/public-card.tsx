import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** The frame of the pages people reach without a session: choosing a password, asking for a reset. */
export function PublicCard({
  title,
  children,
  width = 460,
}: {
  title: string;
  children: ReactNode;
  /** The card's largest width in px. */
  width?: number;
}) {
  return (
    <Box component="main" mih="100vh" bg="var(--mantine-color-gray-0)">
      <Center mih="100vh" p="md">
        <Paper withBorder shadow="sm" radius="lg" p="xl" w="100%" maw={width}>
          <Stack gap="lg">
            <Group gap="xs">
              <IconShieldCheck size={24} aria-hidden />
              <Text fw={700}>Countersign</Text>
            </Group>
            <Title order={1} fz="h2">
              {title}
            </Title>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
