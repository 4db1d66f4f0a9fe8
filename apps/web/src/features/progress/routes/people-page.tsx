import { Group, Paper } from '@mantine/core';
import { IconUserSearch } from '@tabler/icons-react';
import { PageHeader } from '../../../components/ui/page-header';
import { PagedList } from '../../../components/ui/paged-list';
import { CertificatesZipButton } from '../../certificates/components/certificates-zip-button';
import { useProgressList } from '../api/progress-list';
import { ProgressFilters, useProgressFilters } from '../components/progress-filters';
import { ComplianceReportButton } from '../components/compliance-report-dialog';
import { ExportCsvButton } from '../components/export-button';
import { ProgressTable } from '../components/progress-table';

const PAGE_SIZE = 25;

/** Everyone's assignments, one row per person and module, filterable and paged. */
export function PeoplePage() {
  const [filters, setFilters] = useProgressFilters();
  const list = useProgressList({ ...filters, pageSize: PAGE_SIZE });

  return (
    <>
      <PageHeader
        title="People"
        description="Who has completed which module, and who is overdue."
        actions={
          <Group gap="sm" align="flex-start">
            <ComplianceReportButton departmentId={filters.departmentId} />
            <ExportCsvButton filters={filters} />
            <CertificatesZipButton filters={filters} />
          </Group>
        }
      />
      <Paper withBorder radius="lg" p="lg">
        <ProgressFilters filters={filters} onChange={setFilters} />
        <PagedList
          query={list}
          loadingLabel="Loading people"
          errorTitle="The list could not be loaded"
          empty={{
            icon: <IconUserSearch size={32} aria-hidden />,
            title: 'No one matches these filters',
            description: 'Try a different search or clear the filters.',
          }}
          onPageChange={(next) => setFilters({ page: next })}
        >
          {(page) => <ProgressTable rows={page.items} />}
        </PagedList>
      </Paper>
    </>
  );
}
