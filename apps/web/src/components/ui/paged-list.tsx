import type { Page } from '@countersign/contracts/common';
import { EmptyState, Skeleton, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorState } from './error-state';
import { ListPager } from './list-pager';

/** What a paged list's query offers (a TanStack Query result over a `Page`). */
interface PagedQuery<T> {
  data: Page<T> | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  isPlaceholderData: boolean;
  refetch: () => unknown;
}

interface PagedListProps<T> {
  query: PagedQuery<T>;
  /** Read out while the first page loads, e.g. "Loading people". */
  loadingLabel: string;
  /** Height of a skeleton row: that of the table's rows. */
  rowHeight?: number;
  errorTitle: string;
  empty: { icon: ReactNode; title: string; description: string };
  onPageChange: (page: number) => void;
  /** The table for a page with rows. */
  children: (page: Page<T>) => ReactNode;
}

/**
 * The states of a paged list under its filters: skeleton rows while the first page loads, the
 * error with a retry, an empty state that says what to try, or the table with its pager (marked
 * busy while the next page replaces it).
 */
export function PagedList<T>({
  query,
  loadingLabel,
  rowHeight = 40,
  errorTitle,
  empty,
  onPageChange,
  children,
}: PagedListProps<T>) {
  const page = query.data;
  return (
    <>
      {query.isPending && (
        <Stack gap="sm" role="status" aria-label={loadingLabel}>
          {Array.from({ length: 8 }, (_, index) => (
            <Skeleton key={index} h={rowHeight} />
          ))}
        </Stack>
      )}
      {query.isError && (
        <ErrorState error={query.error} title={errorTitle} onRetry={() => void query.refetch()} />
      )}
      {page && page.total === 0 && (
        <EmptyState
          icon={empty.icon}
          withIndicatorBackground
          title={empty.title}
          description={empty.description}
          py={48}
        />
      )}
      {page && page.total > 0 && (
        <Stack gap="md" aria-busy={query.isPlaceholderData}>
          {children(page)}
          <ListPager page={page} onChange={onPageChange} />
        </Stack>
      )}
    </>
  );
}
