import { Box, Pagination } from '@mantine/core';

const CONTROL_LABELS = {
  first: 'First page',
  previous: 'Previous page',
  next: 'Next page',
  last: 'Last page',
} as const;

interface LabelledPaginationProps {
  page: number;
  pages: number;
  onChange: (page: number) => void;
}

/** Mantine's Pagination inside a nav landmark, with names on its icon-only buttons. */
export function LabelledPagination({ page, pages, onChange }: LabelledPaginationProps) {
  if (pages <= 1) return null;
  return (
    <Box component="nav" aria-label="Pagination">
      <Pagination
        total={pages}
        value={page}
        onChange={onChange}
        withEdges
        getControlProps={(control) => ({ 'aria-label': CONTROL_LABELS[control] })}
        getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
      />
    </Box>
  );
}
