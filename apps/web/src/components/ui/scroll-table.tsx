import { Box, Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface ScrollTableProps extends TableProps {
  /** Names the table and its scroll region for assistive technology. */
  label: string;
  minWidth?: number;
  children: ReactNode;
}

/** A data table that scrolls sideways on narrow screens; the scroll region is keyboard reachable. */
export function ScrollTable({ label, minWidth = 720, children, ...tableProps }: ScrollTableProps) {
  return (
    // position: relative keeps absolutely positioned content (VisuallyHidden headers) inside the scroll box.
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto', position: 'relative' }}>
      <Table miw={minWidth} verticalSpacing="sm" highlightOnHover aria-label={label} {...tableProps}>
        {children}
      </Table>
    </Box>
  );
}

/** For cells that must stay on one line (dates, badges). */
export const noWrap = { whiteSpace: 'nowrap' } as const;
