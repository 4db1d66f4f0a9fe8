import type { PersonView } from '@countersign/contracts/people';
import { Button, Group, Paper } from '@mantine/core';
import { IconFileImport, IconUserPlus, IconUserSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { PagedList } from '../../../components/ui/paged-list';
import { usePeople } from '../api/people';
import { DeactivateDialog } from '../components/deactivate-dialog';
import { InvitationDialog } from '../components/invitation-dialog';
import { DepartmentsSection } from '../components/departments-section';
import { PeopleFilters, usePeopleFilters } from '../components/people-filters';
import { PeopleTable } from '../components/people-table';
import { PersonFormDialog } from '../components/person-form-dialog';

const PAGE_SIZE = 25;

type Dialog =
  | { kind: 'form'; person: PersonView | null }
  | { kind: 'active'; person: PersonView }
  | { kind: 'invite'; person: PersonView }
  | null;

/** Administrators add, edit, deactivate and reactivate the organisation's people. */
export function PeopleAdminPage() {
  const [filters, setFilters] = usePeopleFilters();
  const list = usePeople({ ...filters, pageSize: PAGE_SIZE });
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  return (
    <>
      <PageHeader
        title="Manage people"
        description="Everyone in the organisation — their department, role, manager and sensitivity tier — and the departments."
        actions={
          <Group gap="sm">
            <Button
              variant="default"
              component={Link}
              to="/admin/people/import"
              leftSection={<IconFileImport size={16} aria-hidden />}
            >
              Import from CSV
            </Button>
            <Button
              leftSection={<IconUserPlus size={16} aria-hidden />}
              onClick={() => setDialog({ kind: 'form', person: null })}
            >
              Add a person
            </Button>
          </Group>
        }
      />
      <Paper withBorder radius="lg" p="lg">
        <PeopleFilters filters={filters} onChange={setFilters} />
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
          {(page) => (
            <PeopleTable
              people={page.items}
              onEdit={(person) => setDialog({ kind: 'form', person })}
              onToggleActive={(person) => setDialog({ kind: 'active', person })}
              onInvite={(person) => setDialog({ kind: 'invite', person })}
            />
          )}
        </PagedList>
      </Paper>
      <DepartmentsSection />
      {dialog?.kind === 'form' && (
        <PersonFormDialog key={dialog.person?.id ?? 'new'} person={dialog.person} opened onClose={close} />
      )}
      {dialog?.kind === 'active' && (
        <DeactivateDialog key={dialog.person.id} person={dialog.person} opened onClose={close} />
      )}
      {dialog?.kind === 'invite' && (
        <InvitationDialog key={dialog.person.id} person={dialog.person} opened onClose={close} />
      )}
    </>
  );
}
