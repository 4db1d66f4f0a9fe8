import { EmptyState, Paper, Skeleton, Stack } from '@mantine/core';
import { IconUserSearch } from '@tabler/icons-react';
import { ErrorState } from '../../../components/ui/error-state';
import { ListPager } from '../../../components/ui/list-pager';
import { PageHeader } from '../../../components/ui/page-header';
import { useProgressList } from '../api/progress-list';
import { ProgressFilters, useProgressFilters } from '../components/progress-filters';
import { ProgressTable } from '../components/progress-table';

const PAGE_SIZE = 25;

function TableSkeleton() {
  return (
    <Stack gap="sm" role="status" aria-label="Loading people">
      {Array.from({ length: 8 }, (_, index) => (
        <Skeleton key={index} h={40} />
      ))}
    </Stack>
  );
}

/** Everyone's assignments, one row per person and module, filterable and paged. */
export function PeoplePage() {
  const [filters, setFilters] = useProgressFilters();
  const list = useProgressList({ ...filters, pageSize: PAGE_SIZE });
  const page = list.data;

  return (
    <>
      <PageHeader title="People" description="Who has completed which module, and who is overdue." />
      <Paper withBorder radius="lg" p="lg">
        <ProgressFilters filters={filters} onChange={setFilters} />
        {list.isPending && <TableSkeleton />}
        {list.isError && (
          <ErrorState
            error={list.error}
            title="The list could not be loaded"
            onRetry={() => list.refetch()}
          />
        )}
        {page && page.total === 0 && (
          <EmptyState
            icon={<IconUserSearch size={32} aria-hidden />}
            withIndicatorBackground
            title="No one matches these filters"
            description="Try a different search or clear the filters."
            py={48}
          />
        )}
        {page && page.total > 0 && (
          <Stack gap="md" aria-busy={list.isPlaceholderData}>
            <ProgressTable rows={page.items} />
            <ListPager page={page} onChange={(next) => setFilters({ page: next })} />
          </Stack>
        )}
      </Paper>
    </>
  );
}
