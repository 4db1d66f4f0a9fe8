import { Button, Group } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface FilterBarProps {
  /** Names the search landmark for screen readers, e.g. "Filter the reports". */
  label: string;
  /** Whether any filter is set: only then is "Clear filters" offered. */
  filtered: boolean;
  onClear: () => void;
  children: ReactNode;
}

/** The row of filters above a list, with "Clear filters" once any is set. */
export function FilterBar({ label, filtered, onClear, children }: FilterBarProps) {
  return (
    <Group align="flex-end" gap="md" mb="lg" role="search" aria-label={label}>
      {children}
      {filtered && (
        <Button variant="subtle" leftSection={<IconX size={16} aria-hidden />} onClick={onClear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
