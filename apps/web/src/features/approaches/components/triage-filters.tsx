import {
  REPORT_RATINGS,
  REPORT_STATUSES,
  type ReportRating,
  type ReportStatus,
  type TriageListQuery,
} from '@countersign/contracts/approaches';
import { Button, Group, NumberInput, Select } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDepartments } from '../../directory/api/departments';
import { RATING_LABELS, STATUS_LABELS } from './report-badges';

/** `open` (the default queue: everything not closed), `all`, or one status. */
type StatusFilter = 'open' | 'all' | ReportStatus;
type AssigneeFilter = 'anyone' | 'me' | 'none';

export interface TriageFilterValues {
  status: StatusFilter;
  rating?: ReportRating;
  departmentId?: string;
  olderThanDays?: number;
  assignee: AssigneeFilter;
  page: number;
}

const STATUS_OPTIONS = [
  { value: 'open', label: 'Open (not closed)' },
  ...REPORT_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] })),
  { value: 'all', label: 'All statuses' },
];

const ASSIGNEE_OPTIONS = [
  { value: 'anyone', label: 'Anyone or no one' },
  { value: 'me', label: 'Assigned to me' },
  { value: 'none', label: 'Unassigned' },
];

const isStatusFilter = (value: string): value is StatusFilter =>
  value === 'open' || value === 'all' || (REPORT_STATUSES as readonly string[]).includes(value);

/** The filters live in the URL, so a filtered queue can be bookmarked, shared and navigated back to. */
export function useTriageFilters() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const rating = params.get('rating') ?? '';
  const assignee = params.get('assignee') ?? '';
  const olderThanDays = Number(params.get('olderThanDays'));
  const filters: TriageFilterValues = {
    status: isStatusFilter(status) ? status : 'open',
    rating: (REPORT_RATINGS as readonly string[]).includes(rating) ? (rating as ReportRating) : undefined,
    departmentId: params.get('departmentId') ?? undefined,
    olderThanDays: Number.isInteger(olderThanDays) && olderThanDays > 0 ? olderThanDays : undefined,
    assignee: assignee === 'me' || assignee === 'none' ? assignee : 'anyone',
    page: Math.max(1, Number(params.get('page')) || 1),
  };

  /** Applies changes; any change other than the page goes back to page 1. Defaults leave the URL. */
  const update = (changes: Partial<TriageFilterValues>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          const isDefault =
            value === undefined ||
            value === '' ||
            (key === 'page' && value === 1) ||
            (key === 'status' && value === 'open') ||
            (key === 'assignee' && value === 'anyone');
          if (isDefault) next.delete(key);
          else next.set(key, String(value));
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: 'olderThanDays' in changes },
    );

  return [filters, update] as const;
}

/** The API query for the filters. */
export function toTriageQuery(filters: TriageFilterValues, pageSize: number): TriageListQuery {
  return {
    ...(filters.status === 'open'
      ? { open: 'true' }
      : filters.status === 'all'
        ? {}
        : { status: filters.status }),
    rating: filters.rating,
    departmentId: filters.departmentId,
    olderThanDays: filters.olderThanDays,
    assignee: filters.assignee === 'anyone' ? undefined : filters.assignee,
    page: filters.page,
    pageSize,
  };
}

interface TriageFiltersProps {
  filters: TriageFilterValues;
  onChange: (changes: Partial<TriageFilterValues>) => void;
}

export function TriageFilters({ filters, onChange }: TriageFiltersProps) {
  const departments = useDepartments();
  const [age, setAge] = useState<string | number>(filters.olderThanDays ?? '');
  // Only a settled number reaches the URL (and the API).
  const pushAge = useDebouncedCallback((value: string | number) => {
    const days = typeof value === 'number' ? value : Number.parseInt(value, 10);
    onChange({ olderThanDays: Number.isInteger(days) && days > 0 ? days : undefined });
  }, 400);
  // The URL can also change without typing (back button, "Clear filters"): show its value then.
  const [shownAge, setShownAge] = useState(filters.olderThanDays);
  if (filters.olderThanDays !== shownAge) {
    setShownAge(filters.olderThanDays);
    setAge(filters.olderThanDays ?? '');
  }

  const filtered =
    filters.status !== 'open' ||
    Boolean(filters.rating || filters.departmentId || filters.olderThanDays) ||
    filters.assignee !== 'anyone';
  const clear = () => {
    pushAge.cancel();
    setAge('');
    onChange({
      status: 'open',
      rating: undefined,
      departmentId: undefined,
      olderThanDays: undefined,
      assignee: 'anyone',
    });
  };

  return (
    <Group align="flex-end" gap="md" mb="lg" role="search" aria-label="Filter the reports">
      <Select
        label="Status"
        data={STATUS_OPTIONS}
        value={filters.status}
        onChange={(value) => onChange({ status: value && isStatusFilter(value) ? value : 'open' })}
        allowDeselect={false}
        w={{ base: '100%', sm: 190 }}
      />
      <Select
        label="Rating"
        placeholder="Any rating"
        data={REPORT_RATINGS.map((rating) => ({ value: rating, label: RATING_LABELS[rating] }))}
        value={filters.rating ?? null}
        onChange={(value) => onChange({ rating: (value as ReportRating | null) ?? undefined })}
        clearable
        w={{ base: '100%', sm: 160 }}
      />
      <Select
        label="Department"
        placeholder="All departments"
        data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        value={filters.departmentId ?? null}
        onChange={(value) => onChange({ departmentId: value ?? undefined })}
        searchable
        clearable
        nothingFoundMessage="No department matches"
        w={{ base: '100%', sm: 200 }}
      />
      <NumberInput
        label="Older than (days)"
        placeholder="Any age"
        min={1}
        max={3650}
        allowDecimal={false}
        allowNegative={false}
        value={age}
        onChange={(value) => {
          setAge(value);
          pushAge(value);
        }}
        w={{ base: '100%', sm: 150 }}
      />
      <Select
        label="Assigned to"
        data={ASSIGNEE_OPTIONS}
        value={filters.assignee}
        onChange={(value) => onChange({ assignee: value === 'me' || value === 'none' ? value : 'anyone' })}
        allowDeselect={false}
        w={{ base: '100%', sm: 180 }}
      />
      {filtered && (
        <Button variant="subtle" leftSection={<IconX size={16} aria-hidden />} onClick={clear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
