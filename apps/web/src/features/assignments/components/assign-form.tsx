// Loaded with the pages that show it, not with the first page (see app/providers.tsx).
import '@mantine/dates/styles.css';
import type { UserSummary } from '@countersign/contracts/directory';
import { Alert, Button, Group, MultiSelect, Select, Stack } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCalendar, IconSend } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../../lib/api-client';
import { plural } from '../../../lib/format';
import { useDepartments } from '../../directory/api/departments';
import { useModules } from '../../training/api/modules';
import { useCreateAssignments } from '../api/create-assignments';
import { ConfirmAssignModal, type AssignmentDraft } from './confirm-assign-modal';
import { PeoplePicker } from './people-picker';

type FieldErrors = Partial<Record<'moduleId' | 'dueDate' | 'departmentIds' | 'userIds', string>>;

const today = () => dayjs().format('YYYY-MM-DD');
const defaultDueDate = () => dayjs().add(30, 'day').format('YYYY-MM-DD');

/** Assign one published module to departments and/or people, with a due date. */
export function AssignForm() {
  const modules = useModules();
  const departments = useDepartments();
  const create = useCreateAssignments();

  const [moduleId, setModuleId] = useState<string | null>(null);
  const [departmentIds, setDepartmentIds] = useState<string[]>([]);
  const [people, setPeople] = useState<UserSummary[]>([]);
  const [dueDate, setDueDate] = useState<string | null>(defaultDueDate);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [draft, setDraft] = useState<AssignmentDraft | null>(null);

  const published = (modules.data ?? []).filter((module) => module.publishedVersion !== null);
  const serverErrors: FieldErrors = isApiError(create.error) ? create.error.fieldErrors() : {};
  const errors = { ...serverErrors, ...clientErrors };
  const formError = create.isError && Object.keys(serverErrors).length === 0 ? create.error.message : null;

  const review = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const module = published.find((candidate) => candidate.id === moduleId);
    const found: FieldErrors = {};
    if (!module) found.moduleId = 'Choose a module.';
    if (!dueDate) found.dueDate = 'Choose a due date.';
    if (departmentIds.length === 0 && people.length === 0) {
      found.departmentIds = 'Choose at least one department or person.';
    }
    setClientErrors(found);
    if (!module || !dueDate || Object.keys(found).length > 0) return;
    create.reset();
    setDraft({
      module,
      departments: (departments.data ?? []).filter((department) => departmentIds.includes(department.id)),
      people,
      dueDate,
    });
  };

  const assign = () => {
    if (!draft) return;
    create.mutate(
      {
        moduleId: draft.module.id,
        dueDate: draft.dueDate,
        departmentIds: draft.departments.map((department) => department.id),
        userIds: draft.people.map((person) => person.id),
      },
      {
        onSuccess: (result) => {
          notifications.show({
            color: 'green',
            title: 'Training assigned',
            message: `Assigned to ${plural(result.created, 'person', 'people')} (${result.alreadyAssigned} already had it)`,
          });
          setModuleId(null);
          setDepartmentIds([]);
          setPeople([]);
          setDueDate(defaultDueDate());
        },
        onSettled: () => setDraft(null),
      },
    );
  };

  return (
    <>
      <form onSubmit={review} noValidate>
        <Stack gap="lg" maw={640}>
          {formError && (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertCircle aria-hidden />}
              title="Not assigned"
              role="alert"
            >
              {formError}
            </Alert>
          )}
          <Select
            label="Module"
            description="Only modules with a published version can be assigned."
            placeholder={modules.isPending ? 'Loading modules…' : 'Choose a module'}
            data={published.map((module) => ({ value: module.id, label: module.title }))}
            value={moduleId}
            onChange={setModuleId}
            searchable
            required
            nothingFoundMessage="No published module matches"
            error={errors.moduleId}
          />
          <MultiSelect
            label="Departments"
            description="Everyone currently in these departments."
            placeholder={departmentIds.length === 0 ? 'Choose departments' : undefined}
            data={(departments.data ?? []).map((department) => ({
              value: department.id,
              label: `${department.name} (${department.memberCount})`,
            }))}
            value={departmentIds}
            onChange={setDepartmentIds}
            searchable
            clearable
            hidePickedOptions
            nothingFoundMessage="No department matches"
            error={errors.departmentIds}
          />
          <PeoplePicker value={people} onChange={setPeople} error={errors.userIds} />
          <DateInput
            label="Due date"
            value={dueDate}
            onChange={setDueDate}
            minDate={today()}
            valueFormat="D MMMM YYYY"
            leftSection={<IconCalendar size={16} aria-hidden />}
            required
            error={errors.dueDate}
            maw={260}
          />
          <Group>
            <Button type="submit" size="md" leftSection={<IconSend size={18} aria-hidden />}>
              Review and assign
            </Button>
          </Group>
        </Stack>
      </form>
      <ConfirmAssignModal
        draft={draft}
        submitting={create.isPending}
        onConfirm={assign}
        onCancel={() => setDraft(null)}
      />
    </>
  );
}
