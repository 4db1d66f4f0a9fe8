import { Stack, type MantineSpacing, type StackProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface PlainListProps extends StackProps {
  ordered?: boolean;
  gap?: MantineSpacing;
  children: ReactNode;
}

/** A semantic list (so screen readers announce "list, N items") without bullets or indent. */
export function PlainList({ ordered = false, children, ...stackProps }: PlainListProps) {
  return (
    <Stack component={ordered ? 'ol' : 'ul'} m={0} p={0} style={{ listStyle: 'none' }} {...stackProps}>
      {children}
    </Stack>
  );
}
