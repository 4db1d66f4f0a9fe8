import type { Page } from '@countersign/contracts/common';
import { Button, Group, Text } from '@mantine/core';
import { formatCount } from '../../lib/format';
import { LabelledPagination } from './labelled-pagination';

interface ListPagerProps {
  /** The page of a paged list the API returned. */
  page: Page<unknown>;
  onChange: (page: number) => void;
}

/** Under a paged table: which rows are shown ("Showing 26–50 of 1,234") and the page buttons. */
export function ListPager({ page, onChange }: ListPagerProps) {
  const pages = Math.ceil(page.total / page.pageSize);
  const first = (page.page - 1) * page.pageSize + 1;
  if (page.items.length === 0 && page.total > 0) {
    // A bookmarked or hand-edited link can point past the end of a list that has since shrunk.
    return (
      <Group justify="space-between">
        <Text size="sm" aria-live="polite">
          There is no page {formatCount(page.page)}: the list has {formatCount(page.total)} rows on{' '}
          {formatCount(pages)} {pages === 1 ? 'page' : 'pages'}.
        </Text>
        <Button size="xs" variant="light" onClick={() => onChange(pages)}>
          Go to page {formatCount(pages)}
        </Button>
      </Group>
    );
  }
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed" aria-live="polite">
        Showing {formatCount(first)}–{formatCount(first + page.items.length - 1)} of {formatCount(page.total)}
      </Text>
      <LabelledPagination page={page.page} pages={pages} onChange={onChange} />
    </Group>
  );
}
