import { Group, Paper, Title, type PaperProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionCardProps extends Omit<PaperProps, 'title'> {
  title: string;
  /** Heading level; pages use 2 for their sections, 3 inside a section. */
  order?: 2 | 3;
  actions?: ReactNode;
  children: ReactNode;
}

/** A bordered section of a page with its heading. */
export function SectionCard({ title, order = 2, actions, children, ...paperProps }: SectionCardProps) {
  return (
    <Paper withBorder radius="lg" p="lg" component="section" {...paperProps}>
      <Group justify="space-between" align="center" mb="md" gap="sm">
        <Title order={order} fz="h4">
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}
