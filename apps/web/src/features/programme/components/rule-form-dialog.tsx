// Loaded with the pages that show it, not with the first page (see app/providers.tsx).
import '@mantine/dates/styles.css';
import type { SensitivityTier } from '@countersign/contracts/directory';
import type { Role } from '@countersign/contracts/permissions';
import type { RuleInput, RuleView } from '@countersign/contracts/programme';
import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  List,
  Loader,
  Modal,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCalendar, IconUsersGroup } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useMemo, useState, type FormEvent } from 'react';
import { isApiError } from '../../../lib/api-client';
import { formatDate, plural } from '../../../lib/format';
import { useDepartments } from '../../directory/api/departments';
import { ROLE_OPTIONS, TIER_OPTIONS } from '../../people/components/people-labels';
import { useModules } from '../../training/api/modules';
import { useRulePreview, useSaveRule } from '../api/rules';

interface Values {
  name: string;
  moduleId: string | null;
  enabled: boolean;
  departmentIds: string[];
  roles: Role[];
  tiers: SensitivityTier[];
  jobTitleContains: string;
  startedOnOrAfter: string | null;
  startedBefore: string | null;
  dueKind: 'relative' | 'fixed';
  dueDays: number | string;
  dueDate: string | null;
  recurrence: 'once' | 'yearly' | 'custom';
  recurrenceMonths: number | string;
  beforeDays: string[];
  onDueDate: boolean;
  everyDaysAfter: number | string;
  managerAfterDays: number | string;
  officersAfterDays: number | string;
  withdrawWhenUnmatched: boolean;
  remedialModuleId: string | null;
  remedialAfterRounds: number | string;
  remedialOnCompromised: boolean;
}

const BEFORE_OPTIONS = ['1', '3', '7', '14', '30'].map((d) => ({
  value: d,
  label: `${d} day${d === '1' ? '' : 's'} before`,
}));

function initialValues(rule: RuleView | null): Values {
  return {
    name: rule?.name ?? '',
    moduleId: rule?.module.id ?? null,
    enabled: rule?.enabled ?? true,
    departmentIds: rule?.audience.departments.map((d) => d.id) ?? [],
    roles: rule?.audience.roles ?? [],
    tiers: rule?.audience.tiers ?? [],
    jobTitleContains: rule?.audience.jobTitleContains ?? '',
    startedOnOrAfter: rule?.audience.startedOnOrAfter ?? null,
    startedBefore: rule?.audience.startedBefore ?? null,
    dueKind: rule?.due.kind ?? 'relative',
    dueDays: rule?.due.kind === 'relative' ? rule.due.days : 30,
    dueDate: rule?.due.kind === 'fixed' ? rule.due.date : dayjs().add(30, 'day').format('YYYY-MM-DD'),
    recurrence:
      !rule || rule.recurrenceMonths === null ? 'once' : rule.recurrenceMonths === 12 ? 'yearly' : 'custom',
    recurrenceMonths: rule?.recurrenceMonths ?? 12,
    beforeDays: (rule?.reminders.beforeDays ?? [7]).map(String),
    onDueDate: rule?.reminders.onDueDate ?? true,
    everyDaysAfter: rule?.reminders.everyDaysAfter ?? 3,
    managerAfterDays: rule ? (rule.escalation.managerAfterDays ?? '') : 7,
    officersAfterDays: rule ? (rule.escalation.officersAfterDays ?? '') : 14,
    withdrawWhenUnmatched: rule?.withdrawWhenUnmatched ?? true,
    remedialModuleId: rule?.remedial.module?.id ?? null,
    remedialAfterRounds: rule?.remedial.afterFailedRounds ?? '',
    remedialOnCompromised: rule?.remedial.onCompromisedEnding ?? false,
  };
}

const count = (value: number | string): number | null =>
  value === '' || value === null || Number.isNaN(Number(value)) ? null : Number(value);

/** The request the form stands for, or null while it lacks what a preview needs. */
function toInput(v: Values): RuleInput | null {
  if (!v.moduleId) return null;
  if (v.dueKind === 'fixed' ? !v.dueDate : count(v.dueDays) === null) return null;
  return {
    name: v.name.trim() || 'Untitled rule',
    moduleId: v.moduleId,
    enabled: v.enabled,
    audience: {
      departmentIds: v.departmentIds,
      roles: v.roles,
      tiers: v.tiers,
      jobTitleContains: v.jobTitleContains.trim() || null,
      startedOnOrAfter: v.startedOnOrAfter,
      startedBefore: v.startedBefore,
    },
    due:
      v.dueKind === 'fixed'
        ? { kind: 'fixed', date: v.dueDate! }
        : { kind: 'relative', days: count(v.dueDays)! },
    recurrenceMonths:
      v.recurrence === 'once' ? null : v.recurrence === 'yearly' ? 12 : count(v.recurrenceMonths),
    reminders: {
      beforeDays: v.beforeDays.map(Number),
      onDueDate: v.onDueDate,
      everyDaysAfter: count(v.everyDaysAfter),
    },
    escalation: {
      managerAfterDays: count(v.managerAfterDays),
      officersAfterDays: count(v.officersAfterDays),
    },
    withdrawWhenUnmatched: v.withdrawWhenUnmatched,
    remedial: v.remedialModuleId
      ? {
          moduleId: v.remedialModuleId,
          afterFailedRounds: count(v.remedialAfterRounds),
          onCompromisedEnding: v.remedialOnCompromised,
        }
      : { moduleId: null, afterFailedRounds: null, onCompromisedEnding: false },
  };
}

/** A number of days, or empty for "never". */
function DaysInput(props: {
  label: string;
  description?: string;
  max?: number;
  value: number | string;
  onChange: (value: number | string) => void;
  error?: string;
}) {
  return <NumberInput suffix=" days" placeholder="Never" min={1} max={365} {...props} />;
}

/** Field problems from the server by their whole path (`due.days`); the preview's body wraps the rule. */
const issuesOf = (error: unknown, prefix = '') => (isApiError(error) ? error.fieldErrorsByPath(prefix) : {});

interface RuleFormDialogProps {
  rule: RuleView | null;
  opened: boolean;
  onClose: () => void;
}

/**
 * Create or edit an assignment rule. The preview under the form says, as the fields change, how
 * many people the rule matches and how many it would assign now; saving asks once more, with those
 * figures, before anything is written.
 */
export function RuleFormDialog({ rule, opened, onClose }: RuleFormDialogProps) {
  const [values, setValues] = useState(() => initialValues(rule));
  const [confirming, setConfirming] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const modules = useModules();
  const departments = useDepartments();
  const save = useSaveRule(rule?.id ?? null);
  const input = useMemo(() => toInput(values), [values]);
  const [settled] = useDebouncedValue(input, 400);
  const preview = useRulePreview(settled, rule?.id ?? null);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const issues = { ...issuesOf(preview.error, 'rule.'), ...issuesOf(save.error) };
  const saveError = save.error && !Object.keys(issuesOf(save.error)).length ? save.error.message : null;
  const published = (modules.data ?? []).filter((m) => m.publishedVersion !== null);
  const nameMissing = submitted && values.name.trim() === '';

  const review = (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    setSubmitted(true);
    if (!values.name.trim() || !input) {
      setConfirming(false);
      return;
    }
    setConfirming(true);
  };

  const submit = () => {
    if (!input) return;
    save.mutate(
      { ...input, name: values.name.trim() },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            title: rule ? 'Rule saved' : 'Rule created',
            message: saved.queued
              ? `${saved.rule.name}: the assignments are being made and appear within a minute.`
              : `${saved.rule.name}: ${plural(saved.assigned, 'person', 'people')} assigned now${
                  saved.withdrawn ? `, ${saved.withdrawn} not-started assignment(s) withdrawn` : ''
                }.`,
          });
          onClose();
        },
        onError: () => setConfirming(false),
      },
    );
  };

  const p = preview.data;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={rule ? `Edit “${rule.name}”` : 'New assignment rule'}
      size="xl"
    >
      <form onSubmit={review} noValidate>
        <Stack gap="md">
          {saveError && (
            <Alert
              color="red"
              variant="light"
              title="Not saved"
              icon={<IconAlertCircle aria-hidden />}
              role="alert"
            >
              {saveError}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Name"
              description="Say what it is for, e.g. “Engineering annual refresh”."
              required
              value={values.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={issues.name ?? (nameMissing ? 'Give the rule a name.' : undefined)}
            />
            <Select
              label="Module"
              description="Only published modules can be assigned."
              placeholder={modules.isPending ? 'Loading modules…' : 'Choose a module'}
              data={published.map((m) => ({ value: m.id, label: m.title }))}
              value={values.moduleId}
              onChange={(value) => set('moduleId', value)}
              searchable
              required
              error={issues.moduleId}
            />
          </SimpleGrid>

          <Title order={2} fz="h4">
            Who
          </Title>
          <Text size="sm" c="dimmed">
            Leave a field empty to include everyone. People who come to match later — new joiners, movers,
            reactivated people — are assigned within a minute.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <MultiSelect
              label="Departments"
              placeholder={values.departmentIds.length ? undefined : 'Any department'}
              data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              value={values.departmentIds}
              onChange={(value) => set('departmentIds', value)}
              searchable
              clearable
              error={issues['audience.departmentIds']}
            />
            <MultiSelect
              label="Roles"
              placeholder={values.roles.length ? undefined : 'Any role'}
              data={ROLE_OPTIONS}
              value={values.roles}
              onChange={(value) => set('roles', value as Role[])}
              clearable
            />
            <MultiSelect
              label="Sensitivity tiers"
              placeholder={values.tiers.length ? undefined : 'Any tier'}
              data={TIER_OPTIONS}
              value={values.tiers}
              onChange={(value) => set('tiers', value as SensitivityTier[])}
              clearable
            />
            <TextInput
              label="Job title contains"
              placeholder="Anything"
              value={values.jobTitleContains}
              onChange={(e) => set('jobTitleContains', e.currentTarget.value)}
              error={issues['audience.jobTitleContains']}
            />
            <DateInput
              label="Started on or after"
              placeholder="Any start date"
              value={values.startedOnOrAfter}
              onChange={(value) => set('startedOnOrAfter', value)}
              valueFormat="D MMMM YYYY"
              clearable
              leftSection={<IconCalendar size={16} aria-hidden />}
            />
            <DateInput
              label="Started before"
              placeholder="Any start date"
              value={values.startedBefore}
              onChange={(value) => set('startedBefore', value)}
              valueFormat="D MMMM YYYY"
              clearable
              leftSection={<IconCalendar size={16} aria-hidden />}
              error={issues['audience.startedBefore']}
            />
          </SimpleGrid>

          <Divider />
          <Title order={2} fz="h4">
            When
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Stack gap="xs">
              <Text size="sm" fw={500} id="due-kind-label">
                Due
              </Text>
              <SegmentedControl
                aria-labelledby="due-kind-label"
                value={values.dueKind}
                onChange={(value) => set('dueKind', value as Values['dueKind'])}
                data={[
                  { value: 'relative', label: 'Days after assigning' },
                  { value: 'fixed', label: 'On a date' },
                ]}
              />
              {values.dueKind === 'relative' ? (
                <NumberInput
                  label="Days to complete"
                  description="Counted from the day someone is assigned, or from a joiner's start date if later."
                  min={1}
                  max={3650}
                  value={values.dueDays}
                  onChange={(value) => set('dueDays', value)}
                  error={issues['due.days']}
                />
              ) : (
                <DateInput
                  label="Due date"
                  value={values.dueDate}
                  onChange={(value) => set('dueDate', value)}
                  minDate={dayjs().format('YYYY-MM-DD')}
                  valueFormat="D MMMM YYYY"
                  leftSection={<IconCalendar size={16} aria-hidden />}
                  error={issues['due.date']}
                />
              )}
            </Stack>
            <Stack gap="xs">
              <Select
                label="Repeat"
                data={[
                  { value: 'once', label: 'Once' },
                  { value: 'yearly', label: 'Every year after completion (annual refresh)' },
                  { value: 'custom', label: 'Every N months after completion' },
                ]}
                value={values.recurrence}
                onChange={(value) => value && set('recurrence', value as Values['recurrence'])}
                allowDeselect={false}
              />
              {values.recurrence === 'custom' && (
                <NumberInput
                  label="Months between completions"
                  min={1}
                  max={120}
                  value={values.recurrenceMonths}
                  onChange={(value) => set('recurrenceMonths', value)}
                  error={issues.recurrenceMonths}
                />
              )}
            </Stack>
          </SimpleGrid>

          <Divider />
          <Title order={2} fz="h4">
            Reminders and escalation
          </Title>
          <Text size="sm" c="dimmed">
            Each person gets at most one reminder email a day, naming all their due modules; none after they
            complete or are deactivated.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <MultiSelect
              label="Remind before the due date"
              data={BEFORE_OPTIONS}
              value={values.beforeDays}
              onChange={(value) => set('beforeDays', value)}
              placeholder={values.beforeDays.length ? undefined : 'No reminder before'}
              clearable
            />
            <DaysInput
              label="Once overdue, remind every"
              max={90}
              value={values.everyDaysAfter}
              onChange={(value) => set('everyDaysAfter', value)}
              error={issues['reminders.everyDaysAfter']}
            />
            <Checkbox
              mt={{ sm: 'xl' }}
              label="Remind on the due date"
              checked={values.onDueDate}
              onChange={(e) => set('onDueDate', e.currentTarget.checked)}
            />
            <DaysInput
              label="Tell the manager after"
              description="Days overdue; empty: never."
              value={values.managerAfterDays}
              onChange={(value) => set('managerAfterDays', value)}
              error={issues['escalation.managerAfterDays']}
            />
            <DaysInput
              label="Tell the security officers after"
              description="Days overdue; empty: never."
              value={values.officersAfterDays}
              onChange={(value) => set('officersAfterDays', value)}
              error={issues['escalation.officersAfterDays']}
            />
          </SimpleGrid>
          <Divider />
          <Title order={2} fz="h4">
            Remedial training
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label="Remedial module"
              description="Assigned (due in 14 days) when someone struggles; the officers are told."
              placeholder="None"
              data={published
                .filter((m) => m.id !== values.moduleId)
                .map((m) => ({ value: m.id, label: m.title }))}
              value={values.remedialModuleId}
              onChange={(value) => set('remedialModuleId', value)}
              clearable
              error={issues['remedial.moduleId']}
            />
            <NumberInput
              label="After this many failed quiz rounds"
              placeholder="Not for failed rounds"
              min={1}
              max={20}
              disabled={!values.remedialModuleId}
              value={values.remedialAfterRounds}
              onChange={(value) => set('remedialAfterRounds', value)}
              error={issues['remedial.afterFailedRounds']}
            />
            <Checkbox
              mt={{ sm: 'xl' }}
              label="After a compromised ending in the scenario"
              disabled={!values.remedialModuleId}
              checked={values.remedialOnCompromised}
              onChange={(e) => set('remedialOnCompromised', e.currentTarget.checked)}
            />
          </SimpleGrid>
          <Switch
            label="When someone stops matching, withdraw their assignment from this rule if they have not started it"
            checked={values.withdrawWhenUnmatched}
            onChange={(e) => set('withdrawWhenUnmatched', e.currentTarget.checked)}
          />
          <Switch
            label="Rule is on (off: it assigns no one new; what it assigned stays)"
            checked={values.enabled}
            onChange={(e) => set('enabled', e.currentTarget.checked)}
          />

          <Alert
            variant="light"
            color={preview.isError ? 'red' : 'blue'}
            icon={preview.isFetching ? <Loader size={16} /> : <IconUsersGroup aria-hidden />}
            title="If you save now"
            aria-live="polite"
            data-testid="rule-preview"
          >
            {!input ? (
              <Text size="sm">Choose a module and a due date to see who this rule would assign.</Text>
            ) : preview.isError ? (
              <Text size="sm">{preview.error.message}</Text>
            ) : !p ? (
              <Text size="sm">Counting…</Text>
            ) : (
              <Stack gap={4}>
                <Text size="sm">
                  The rule matches <strong>{plural(p.matching, 'person', 'people')}</strong>:{' '}
                  <strong>{p.toAssign}</strong> would be assigned now, {p.alreadyAssigned} already have this
                  module
                  {p.toWithdraw ? `, ${p.toWithdraw} would lose a not-started assignment` : ''}.
                </Text>
                {p.sample.length > 0 && (
                  <List size="sm">
                    {p.sample.map((s) => (
                      <List.Item key={s.id}>
                        {s.name} ({s.email}), due {formatDate(s.dueDate)}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Stack>
            )}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={!input}>
              Review and save
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={rule ? 'Save the changes?' : 'Create the rule?'}
        centered
      >
        <Stack>
          <Text>
            {p
              ? `Saving assigns ${values.moduleId ? (published.find((m) => m.id === values.moduleId)?.title ?? 'the module') : 'the module'} to ${plural(p.toAssign, 'person', 'people')} now${
                  p.toWithdraw ? ` and withdraws ${p.toWithdraw} not-started assignment(s)` : ''
                }. People who match later are assigned automatically.`
              : 'Saving assigns the module to everyone the rule matches now.'}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Back
            </Button>
            <Button onClick={submit} loading={save.isPending} data-autofocus>
              {rule ? 'Save rule' : 'Create rule'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Modal>
  );
}
