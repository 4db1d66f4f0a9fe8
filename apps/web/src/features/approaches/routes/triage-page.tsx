import { Paper, Stack } from '@mantine/core';
import { IconInboxOff } from '@tabler/icons-react';
import { PageHeader } from '../../../components/ui/page-header';
import { PagedList } from '../../../components/ui/paged-list';
import { useTriageList } from '../api/triage-list';
import { toTriageQuery, TriageFilters, useTriageFilters } from '../components/triage-filters';
import { TriageStatCards } from '../components/triage-stat-cards';
import { TriageTable } from '../components/triage-table';

const PAGE_SIZE = 25;

/** The officers' queue of approach reports: figures, filters and a paged table. */
export function TriagePage() {
  const [filters, setFilters] = useTriageFilters();
  const list = useTriageList(toTriageQuery(filters, PAGE_SIZE));

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
          <PagedList
            query={list}
            loadingLabel="Loading reports"
            rowHeight={44}
            errorTitle="The reports could not be loaded"
            empty={{
              icon: <IconInboxOff size={32} aria-hidden />,
              title: filters.status === 'open' ? 'No open reports match' : 'No reports match these filters',
              description: 'Try other filters, or clear them to see the whole open queue.',
            }}
            onPageChange={(next) => setFilters({ page: next })}
          >
            {(page) => <TriageTable rows={page.items} />}
          </PagedList>
        </Paper>
      </Stack>
    </>
  );
}
