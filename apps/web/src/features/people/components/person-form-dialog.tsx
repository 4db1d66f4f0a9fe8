import type { SensitivityTier } from '@countersign/contracts/directory';
import type { PersonView } from '@countersign/contracts/people';
import type { Role } from '@countersign/contracts/permissions';
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { isApiError } from '../../../lib/api-client';
import { useDepartments } from '../../directory/api/departments';
import { useUserSearch } from '../../directory/api/users';
import { useCreatePerson, useUpdatePerson } from '../api/people';
import { ROLE_OPTIONS, TIER_OPTIONS } from './people-labels';

interface Values {
  name: string;
  email: string;
  role: Role;
  departmentId: string | null;
  managerId: string | null;
  sensitivityTier: SensitivityTier;
  jobTitle: string;
  startDate: string;
}

function initialValues(person: PersonView | null): Values {
  return {
    name: person?.name ?? '',
    email: person?.email ?? '',
    role: person?.role ?? 'employee',
    departmentId: person?.department?.id ?? null,
    managerId: person?.manager?.id ?? null,
    sensitivityTier: person?.sensitivityTier ?? 'standard',
    jobTitle: person?.jobTitle ?? '',
    startDate: person?.startDate ?? '',
  };
}

interface PersonFormDialogProps {
  /** The person to edit, or null to add one. */
  person: PersonView | null;
  opened: boolean;
  onClose: () => void;
}

/** Add or edit a person. Mounted afresh for each person (keyed by the page), so it starts from them. */
export function PersonFormDialog({ person, opened, onClose }: PersonFormDialogProps) {
  const [values, setValues] = useState(() => initialValues(person));
  const [managerSearch, setManagerSearch] = useState(person?.manager?.name ?? '');
  const departments = useDepartments();
  const managers = useUserSearch(managerSearch);
  const create = useCreatePerson();
  const update = useUpdatePerson(person?.id ?? '');
  const mutation = person ? update : create;
  const error = mutation.error;
  const fieldErrors = isApiError(error) ? error.fieldErrors() : {};

  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const managerOptions = [
    ...(person?.manager ? [{ value: person.manager.id, label: person.manager.name }] : []),
    ...(managers.data?.items ?? [])
      .filter((m) => m.id !== person?.id && m.id !== person?.manager?.id)
      .map((m) => ({ value: m.id, label: `${m.name} (${m.email})` })),
  ];

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const body = {
      ...values,
      jobTitle: values.jobTitle.trim() || null,
      startDate: values.startDate || null,
    };
    mutation.mutate(body, {
      onSuccess: (saved) => {
        notifications.show({
          color: 'green',
          title: person ? 'Changes saved' : 'Person added',
          message: person ? `${saved.name}'s record is up to date.` : `${saved.name} is invited.`,
        });
        onClose();
      },
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={person ? `Edit ${person.name}` : 'Add a person'}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {error && !Object.keys(fieldErrors).length && (
            <Alert color="red" title="Not saved">
              {error.message}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Name"
              required
              value={values.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={fieldErrors.name}
            />
            <TextInput
              label="Email"
              type="email"
              required
              value={values.email}
              onChange={(e) => set('email', e.currentTarget.value)}
              error={fieldErrors.email}
            />
            <Select
              label="Role"
              data={ROLE_OPTIONS}
              value={values.role}
              onChange={(value) => value && set('role', value as Role)}
              allowDeselect={false}
              error={fieldErrors.role}
            />
            <Select
              label="Sensitivity tier"
              data={TIER_OPTIONS}
              value={values.sensitivityTier}
              onChange={(value) => value && set('sensitivityTier', value as SensitivityTier)}
              allowDeselect={false}
            />
            <Select
              label="Department"
              placeholder="No department"
              data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              value={values.departmentId}
              onChange={(value) => set('departmentId', value)}
              searchable
              clearable
              error={fieldErrors.departmentId}
            />
            <Select
              label="Manager"
              placeholder="Type two letters of a name"
              data={managerOptions}
              value={values.managerId}
              onChange={(value) => set('managerId', value)}
              searchValue={managerSearch}
              onSearchChange={setManagerSearch}
              searchable
              clearable
              filter={({ options }) => options}
              nothingFoundMessage={managerSearch.trim().length < 2 ? 'Type a name' : 'No one matches'}
              error={fieldErrors.managerId}
            />
            <TextInput
              label="Job title"
              value={values.jobTitle}
              onChange={(e) => set('jobTitle', e.currentTarget.value)}
              error={fieldErrors.jobTitle}
            />
            <TextInput
              label="Start date"
              type="date"
              value={values.startDate}
              onChange={(e) => set('startDate', e.currentTarget.value)}
              error={fieldErrors.startDate}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {person ? 'Save changes' : 'Add person'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
