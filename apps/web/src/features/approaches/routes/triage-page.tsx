import { EmptyState, Paper, Skeleton, Stack } from '@mantine/core';
import { IconInboxOff } from '@tabler/icons-react';
import { ErrorState } from '../../../components/ui/error-state';
import { ListPager } from '../../../components/ui/list-pager';
import { PageHeader } from '../../../components/ui/page-header';
import { useTriageList } from '../api/triage-list';
import { toTriageQuery, TriageFilters, useTriageFilters } from '../components/triage-filters';
import { TriageStatCards } from '../components/triage-stat-cards';
import { TriageTable } from '../components/triage-table';

const PAGE_SIZE = 25;

/** The officers' queue of approach reports: figures, filters and a paged table. */
export function TriagePage() {
  const [filters, setFilters] = useTriageFilters();
  const list = useTriageList(toTriageQuery(filters, PAGE_SIZE));
  const page = list.data;

  return (
    <>
      <PageHeader
        title="Approach reports"
        description="Approaches reported by staff: triage them, keep notes, and tell the reporter the outcome."
      />
      <Stack gap="lg">
        <TriageStatCards />
        <Paper withBorder radius="lg" p="lg">
          <TriageFilters filters={filters} onChange={setFilters} />
          {list.isPending && (
            <Stack gap="sm" role="status" aria-label="Loading reports">
              {Array.from({ length: 8 }, (_, index) => (
                <Skeleton key={index} h={44} />
              ))}
            </Stack>
          )}
          {list.isError && (
            <ErrorState
              error={list.error}
              title="The reports could not be loaded"
              onRetry={() => list.refetch()}
            />
          )}
          {page && page.total === 0 && (
            <EmptyState
              icon={<IconInboxOff size={32} aria-hidden />}
              withIndicatorBackground
              title={filters.status === 'open' ? 'No open reports match' : 'No reports match these filters'}
              description="Try other filters, or clear them to see the whole open queue."
              py={48}
            />
          )}
          {page && page.total > 0 && (
            <Stack gap="md" aria-busy={list.isPlaceholderData}>
              <TriageTable rows={page.items} />
              <ListPager page={page} onChange={(next) => setFilters({ page: next })} />
            </Stack>
          )}
        </Paper>
      </Stack>
    </>
  );
}
