import { EmptyState, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconInboxOff } from '@tabler/icons-react';
import { ErrorState } from '../../../components/ui/error-state';
import { LabelledPagination } from '../../../components/ui/labelled-pagination';
import { PageHeader } from '../../../components/ui/page-header';
import { formatCount } from '../../../lib/format';
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
  const pages = page ? Math.ceil(page.total / page.pageSize) : 0;
  const first = page ? (page.page - 1) * page.pageSize + 1 : 0;

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
              <Group justify="space-between">
                <Text size="sm" c="dimmed" aria-live="polite">
                  Showing {formatCount(first)}–{formatCount(first + page.items.length - 1)} of{' '}
                  {formatCount(page.total)}
                </Text>
                <LabelledPagination
                  page={page.page}
                  pages={pages}
                  onChange={(next) => setFilters({ page: next })}
                />
              </Group>
            </Stack>
          )}
        </Paper>
      </Stack>
    </>
  );
}
