import { Group, Paper, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';

interface StatCardProps {
  label: string;
  value: string;
  detail: string;
  icon: ReactNode;
  color: string;
}

/** One headline figure on a dashboard, with its label and a line of context. */
export function StatCard({ label, value, detail, icon, color }: StatCardProps) {
  return (
    <Paper withBorder radius="lg" p="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text size="sm" fw={600} c="dimmed">
            {label}
          </Text>
          <Text fz={32} fw={700} lh={1.2} mt={4}>
            {value}
          </Text>
          <Text size="sm" c="dimmed" mt={4}>
            {detail}
          </Text>
        </div>
        <ThemeIcon variant="light" color={color} size={44} radius="md" aria-hidden>
          {icon}
        </ThemeIcon>
      </Group>
    </Paper>
  );
}
