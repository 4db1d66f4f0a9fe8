import type { PersonView } from '@countersign/contracts/people';
import { Button, EmptyState, Paper, Skeleton, Stack } from '@mantine/core';
import { IconUserPlus, IconUserSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorState } from '../../../components/ui/error-state';
import { ListPager } from '../../../components/ui/list-pager';
import { PageHeader } from '../../../components/ui/page-header';
import { usePeople } from '../api/people';
import { DeactivateDialog } from '../components/deactivate-dialog';
import { DepartmentsSection } from '../components/departments-section';
import { PeopleFilters, usePeopleFilters } from '../components/people-filters';
import { PeopleTable } from '../components/people-table';
import { PersonFormDialog } from '../components/person-form-dialog';

const PAGE_SIZE = 25;

type Dialog = { kind: 'form'; person: PersonView | null } | { kind: 'active'; person: PersonView } | null;

/** Administrators add, edit, deactivate and reactivate the organisation's people. */
export function PeopleAdminPage() {
  const [filters, setFilters] = usePeopleFilters();
  const list = usePeople({ ...filters, pageSize: PAGE_SIZE });
  const page = list.data;
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  return (
    <>
      <PageHeader
        title="Manage people"
        description="Everyone in the organisation — their department, role, manager and sensitivity tier — and the departments."
        actions={
          <Button
            leftSection={<IconUserPlus size={16} aria-hidden />}
            onClick={() => setDialog({ kind: 'form', person: null })}
          >
            Add a person
          </Button>
        }
      />
      <Paper withBorder radius="lg" p="lg">
        <PeopleFilters filters={filters} onChange={setFilters} />
        {list.isPending && (
          <Stack gap="sm" role="status" aria-label="Loading people">
            {Array.from({ length: 8 }, (_, index) => (
              <Skeleton key={index} h={40} />
            ))}
          </Stack>
        )}
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
            <PeopleTable
              people={page.items}
              onEdit={(person) => setDialog({ kind: 'form', person })}
              onToggleActive={(person) => setDialog({ kind: 'active', person })}
            />
            <ListPager page={page} onChange={(next) => setFilters({ page: next })} />
          </Stack>
        )}
      </Paper>
      <DepartmentsSection />
      {dialog?.kind === 'form' && (
        <PersonFormDialog key={dialog.person?.id ?? 'new'} person={dialog.person} opened onClose={close} />
      )}
      {dialog?.kind === 'active' && (
        <DeactivateDialog key={dialog.person.id} person={dialog.person} opened onClose={close} />
      )}
    </>
  );
}
