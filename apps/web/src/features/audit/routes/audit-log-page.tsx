import '@mantine/dates/styles.css';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  AUDIT_SUBJECT_LABELS,
  AUDIT_SUBJECT_TYPES,
  auditFiltersSchema,
  type AuditAction,
  type AuditEventView,
  type AuditSubjectType,
  systemActorLabel,
} from '@countersign/contracts/audit';
import {
  Button,
  Center,
  Code,
  Group,
  Loader,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconCalendar, IconChevronDown, IconChevronUp, IconDownload, IconHistory } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { ErrorState } from '../../../components/ui/error-state';
import { FilterBar } from '../../../components/ui/filter-bar';
import { PageHeader } from '../../../components/ui/page-header';
import { noWrap, ScrollTable } from '../../../components/ui/scroll-table';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { useUserSearch } from '../../directory/api/users';
import { downloadAuditCsv, useAuditEvents } from '../api/audit-events';
import { changeSummary, displayValue, fieldChanges, humanise } from '../components/change-summary';

const ACTION_OPTIONS = AUDIT_ACTIONS.map((a) => ({ value: a, label: AUDIT_ACTION_LABELS[a] })).sort((a, b) =>
  a.label.localeCompare(b.label),
);
/** The filters live in the URL: a filtered log can be bookmarked, shared with an auditor, and gone back to. */
const FILTERS = auditFiltersSchema.shape;

const SUBJECT_OPTIONS = AUDIT_SUBJECT_TYPES.map((t) => ({ value: t, label: AUDIT_SUBJECT_LABELS[t] })).sort(
  (a, b) => a.label.localeCompare(b.label),
);

/**
 * Who did what, when, to what, with the before and after of each change: the organisation's
 * append-only audit log, filtered, a page at a time, and exported as CSV for auditors.
 */
export function AuditLogPage() {
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const [actorSearch, setActorSearch] = useState('');
  const [actorLabel, setActorLabel] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [exporting, setExporting] = useState(false);
  const events = useAuditEvents(filters);
  const actors = useUserSearch(actorSearch);
  const filtered = Boolean(
    filters.actorId ||
    filters.action?.length ||
    filters.subjectType ||
    filters.subjectId ||
    filters.from ||
    filters.to,
  );
  const fieldErrors = isApiError(events.error, 400) ? events.error.fieldErrors() : {};

  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  // A link may name the person by id only: their name comes from their events.
  const chosenActor =
    actorLabel ?? items.find((e) => e.actor?.id === filters.actorId)?.actor?.name ?? 'The chosen person';
  const target = filters.subjectId ? items.find((e) => e.subjectId === filters.subjectId) : undefined;
  const actorOptions = [
    ...(filters.actorId ? [{ value: filters.actorId, label: chosenActor }] : []),
    ...(actors.data?.items ?? [])
      .filter((u) => u.id !== filters.actorId)
      .map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
  ];

  const toggle = (id: string) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const exportCsv = async () => {
    setExporting(true);
    try {
      await downloadAuditCsv(filters);
    } catch (error) {
      notifications.show({
        color: 'red',
        title: 'The export failed',
        message: error instanceof Error ? error.message : 'Try again.',
      });
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made by administrators and officers, and every export: who, what, when, and what it was before. Entries can't be edited or deleted; they are kept for the period set in Settings."
        actions={
          <Button
            leftSection={<IconDownload size={16} aria-hidden />}
            variant="light"
            onClick={() => void exportCsv()}
            loading={exporting}
          >
            Export CSV
          </Button>
        }
      />
      <Paper withBorder radius="lg" p="lg">
        <FilterBar
          label="Filter the audit log"
          filtered={filtered}
          onClear={() => {
            setFilters({
              actorId: undefined,
              action: undefined,
              subjectType: undefined,
              subjectId: undefined,
              from: undefined,
              to: undefined,
            });
            setActorSearch('');
            setActorLabel(null);
          }}
        >
          <Select
            label="Who"
            placeholder="Anyone"
            data={actorOptions}
            value={filters.actorId ?? null}
            onChange={(value, option) => {
              setActorLabel(option?.label ?? null);
              setFilters({ actorId: value ?? undefined });
            }}
            searchValue={actorSearch}
            onSearchChange={setActorSearch}
            searchable
            clearable
            filter={({ options }) => options}
            nothingFoundMessage={actorSearch.trim().length < 2 ? 'Type a name' : 'No one matches'}
            w={{ base: '100%', sm: 240 }}
            error={fieldErrors.actorId}
          />
          <MultiSelect
            label="Action"
            placeholder={filters.action?.length ? undefined : 'Any action'}
            data={ACTION_OPTIONS}
            value={filters.action ?? []}
            onChange={(value) => setFilters({ action: value.length ? (value as AuditAction[]) : undefined })}
            searchable
            clearable
            w={{ base: '100%', sm: 300 }}
            error={fieldErrors.action}
          />
          <Select
            label="Target"
            placeholder="Anything"
            data={SUBJECT_OPTIONS}
            value={filters.subjectType ?? null}
            onChange={(value) => setFilters({ subjectType: (value as AuditSubjectType | null) ?? undefined })}
            clearable
            w={{ base: '100%', sm: 200 }}
            error={fieldErrors.subjectType}
          />
          <DateInput
            label="From"
            placeholder="Any date"
            value={filters.from ?? null}
            onChange={(value) => setFilters({ from: value ?? undefined })}
            maxDate={filters.to}
            valueFormat="D MMM YYYY"
            clearable
            leftSection={<IconCalendar size={16} aria-hidden />}
            w={{ base: '100%', sm: 170 }}
            error={fieldErrors.from}
          />
          <DateInput
            label="To"
            placeholder="Any date"
            value={filters.to ?? null}
            onChange={(value) => setFilters({ to: value ?? undefined })}
            minDate={filters.from}
            valueFormat="D MMM YYYY"
            clearable
            leftSection={<IconCalendar size={16} aria-hidden />}
            w={{ base: '100%', sm: 170 }}
            error={fieldErrors.to}
          />
        </FilterBar>
        {filters.subjectId && (
          <Group gap="xs" mb="md">
            <Text size="sm">
              Only events about{' '}
              <Text span fw={600}>
                {target ? (target.subjectName ?? targetFallback(target)) : 'one target'}
              </Text>
            </Text>
            <Button size="compact-xs" variant="subtle" onClick={() => setFilters({ subjectId: undefined })}>
              Show all targets
            </Button>
          </Group>
        )}

        {events.isPending ? (
          <Center py="xl" aria-live="polite">
            <Loader aria-label="Loading the audit log" />
          </Center>
        ) : events.isError && !events.data ? (
          <ErrorState
            error={events.error}
            title="The audit log could not be loaded"
            onRetry={() => void events.refetch()}
          />
        ) : items.length === 0 ? (
          <Stack align="center" gap={4} py="xl">
            <IconHistory size={32} aria-hidden />
            <Text fw={600}>{filtered ? 'No event matches these filters' : 'Nothing recorded yet'}</Text>
            <Text size="sm" c="dimmed">
              {filtered
                ? 'Try other filters or clear them.'
                : 'Changes by administrators and officers will be listed here as they happen.'}
            </Text>
          </Stack>
        ) : (
          <Stack gap="md">
            <ScrollTable label="Audit events" minWidth={900} data-testid="audit-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Time</Table.Th>
                  <Table.Th>Who</Table.Th>
                  <Table.Th>Action</Table.Th>
                  <Table.Th>Target</Table.Th>
                  <Table.Th>Change</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((event) => (
                  <EventRow
                    key={event.id}
                    event={event}
                    open={expanded.has(event.id)}
                    onToggle={() => toggle(event.id)}
                  />
                ))}
              </Table.Tbody>
            </ScrollTable>
            <Group justify="space-between">
              <Text size="sm" c="dimmed" aria-live="polite">
                Showing {items.length} event{items.length === 1 ? '' : 's'}, newest first
                {events.hasNextPage ? '' : ' (all of them)'}
              </Text>
              {events.hasNextPage && (
                <Button
                  variant="default"
                  onClick={() => void events.fetchNextPage()}
                  loading={events.isFetchingNextPage}
                >
                  Load more
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Paper>
    </>
  );
}

function EventRow({ event, open, onToggle }: { event: AuditEventView; open: boolean; onToggle: () => void }) {
  const changes = fieldChanges(event);
  const summary = changeSummary(event);
  const detailsId = `audit-event-${event.id}-details`;
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td style={noWrap}>{formatDateTime(event.at)}</Table.Td>
        <Table.Td>{event.actor?.name ?? systemActorLabel(event.details)}</Table.Td>
        <Table.Td>
          <Text size="sm" fw={600}>
            {AUDIT_ACTION_LABELS[event.action] ?? event.action}
          </Text>
        </Table.Td>
        <Table.Td>
          <Stack gap={0}>
            <Text size="sm">{event.subjectName ?? targetFallback(event)}</Text>
            <Text size="xs" c="dimmed">
              {AUDIT_SUBJECT_LABELS[event.subjectType] ?? event.subjectType}
            </Text>
          </Stack>
        </Table.Td>
        <Table.Td>
          <Stack gap={4} align="flex-start">
            {summary && (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {summary}
              </Text>
            )}
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={onToggle}
              aria-expanded={open}
              aria-controls={detailsId}
              rightSection={
                open ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />
              }
            >
              {changes.length ? 'Before and after' : 'Details'}
            </Button>
          </Stack>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr id={detailsId}>
          <Table.Td colSpan={5}>
            {changes.length ? (
              <Table withTableBorder fz="sm" aria-label="Before and after">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Field</Table.Th>
                    <Table.Th>Before</Table.Th>
                    <Table.Th>After</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {changes.map((c) => (
                    <Table.Tr key={c.field}>
                      <Table.Td>{humanise(c.field)}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>
                        {displayValue(c.before, event)}
                      </Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{displayValue(c.after, event)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <Code block>{JSON.stringify(event.details, null, 2)}</Code>
            )}
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

/** Targets that have a name while they exist (the API answers it as `subjectName`). */
const NAMED_SUBJECTS: ReadonlySet<AuditSubjectType> = new Set([
  'person',
  'department',
  'training_module',
  'assignment_rule',
  'approach_report',
  'organisation',
  'organisation_settings',
  'approach_rules',
]);

/** A target with no name now (deleted, or nameless like a template): what the event says of it. */
function targetFallback(event: AuditEventView): string {
  const d = event.details as Record<string, unknown>;
  const named = [d.before, d.after].find(
    (v): v is { name: string } =>
      typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string',
  );
  if (named) return named.name;
  if (typeof d.kind === 'string') return humanise(d.kind);
  if (typeof d.title === 'string') return d.title;
  return event.subjectId && NAMED_SUBJECTS.has(event.subjectType) ? '(no longer exists)' : '—';
}
