import type { DepartmentView } from '@countersign/contracts/directory';
import { Alert, Button, Group, Modal, Select, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorState } from '../../../components/ui/error-state';
import { ScrollTable } from '../../../components/ui/scroll-table';
import { SectionCard } from '../../../components/ui/section-card';
import { isApiError } from '../../../lib/api-client';
import { formatCount, plural } from '../../../lib/format';
import { useDepartments } from '../../directory/api/departments';
import { type DepartmentChange, useChangeDepartment } from '../api/departments';

type Mode = 'create' | 'rename' | 'merge' | 'delete';
type Dialog = { mode: Mode; department: DepartmentView | null } | null;

const TITLES: Record<Mode, (d: DepartmentView | null) => string> = {
  create: () => 'Add a department',
  rename: (d) => `Rename ${d?.name ?? ''}`,
  merge: (d) => `Merge ${d?.name ?? ''} into another department`,
  delete: (d) => `Delete ${d?.name ?? ''}?`,
};

function DepartmentDialog({
  mode,
  department,
  departments,
  onClose,
}: {
  mode: Mode;
  department: DepartmentView | null;
  departments: DepartmentView[];
  onClose: () => void;
}) {
  const [name, setName] = useState(department?.name ?? '');
  const [intoId, setIntoId] = useState<string | null>(null);
  const change = useChangeDepartment();
  const fieldErrors = isApiError(change.error) ? change.error.fieldErrors() : {};
  const id = department?.id ?? '';
  const request: DepartmentChange | null =
    mode === 'create'
      ? { kind: 'create', name }
      : mode === 'rename'
        ? { kind: 'rename', departmentId: id, name }
        : mode === 'merge'
          ? intoId
            ? { kind: 'merge', departmentId: id, intoDepartmentId: intoId }
            : null
          : { kind: 'delete', departmentId: id };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!request) return;
    change.mutate(request, {
      onSuccess: () => {
        notifications.show({
          color: 'green',
          title: 'Departments updated',
          message: TITLES[mode](department),
        });
        onClose();
      },
    });
  };

  return (
    <Modal opened onClose={onClose} title={TITLES[mode](department)}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {(mode === 'create' || mode === 'rename') && (
            <TextInput
              label="Name"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldErrors.name}
              data-autofocus
            />
          )}
          {mode === 'merge' && department && (
            <>
              <Text>
                {department.memberCount
                  ? `${plural(department.memberCount, 'person', 'people')} (and any deactivated people) move`
                  : 'Anyone in it moves'}{' '}
                to the department you choose; then {department.name} is deleted.
              </Text>
              <Select
                label="Merge into"
                placeholder="Choose a department"
                data={departments
                  .filter((d) => d.id !== department.id)
                  .map((d) => ({ value: d.id, label: d.name }))}
                value={intoId}
                onChange={setIntoId}
                searchable
                error={fieldErrors.intoDepartmentId}
              />
            </>
          )}
          {mode === 'delete' && (
            <Text>
              Only an empty department can be deleted. People&apos;s records are never deleted with it.
            </Text>
          )}
          {change.error && !Object.keys(fieldErrors).length && (
            <Alert color="red" title="Nothing changed">
              {change.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              type="submit"
              color={mode === 'delete' ? 'red' : undefined}
              disabled={!request}
              loading={change.isPending}
            >
              {{ create: 'Add department', rename: 'Rename', merge: 'Merge', delete: 'Delete' }[mode]}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The organisation's departments: add, rename, merge, delete when empty. */
export function DepartmentsSection() {
  const departments = useDepartments();
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = departments.data ?? [];
  return (
    <SectionCard
      title="Departments"
      mt="xl"
      actions={
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setDialog({ mode: 'create', department: null })}
        >
          Add a department
        </Button>
      }
    >
      {departments.isPending && <Skeleton h={120} />}
      {departments.isError && (
        <ErrorState
          error={departments.error}
          title="The departments could not be loaded"
          onRetry={() => departments.refetch()}
        />
      )}
      {departments.data && list.length === 0 && <Text c="dimmed">No departments yet.</Text>}
      {list.length > 0 && (
        <ScrollTable label="Departments" minWidth={640} data-testid="departments-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Department</Table.Th>
              <Table.Th>Active people</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{d.name}</Table.Td>
                <Table.Td>{formatCount(d.memberCount)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {(['rename', 'merge', 'delete'] as const).map((mode) => (
                      <Button
                        key={mode}
                        size="xs"
                        variant={mode === 'rename' ? 'light' : 'subtle'}
                        color={mode === 'delete' ? 'red' : undefined}
                        disabled={mode === 'merge' && list.length < 2}
                        aria-label={`${{ rename: 'Rename', merge: 'Merge', delete: 'Delete' }[mode]} ${d.name}`}
                        onClick={() => setDialog({ mode, department: d })}
                      >
                        {{ rename: 'Rename', merge: 'Merge', delete: 'Delete' }[mode]}
                      </Button>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      {dialog && (
        <DepartmentDialog
          key={`${dialog.mode}-${dialog.department?.id ?? 'new'}`}
          mode={dialog.mode}
          department={dialog.department}
          departments={list}
          onClose={() => setDialog(null)}
        />
      )}
    </SectionCard>
  );
}
