import {
  REPORT_RATINGS,
  REPORT_STATUSES,
  type ReportRating,
  triageListQuerySchema,
  type TriageListQuery,
} from '@countersign/contracts/approaches';
import { NumberInput, Select } from '@mantine/core';
import { FilterBar } from '../../../components/ui/filter-bar';
import { type FiltersOf, oneOf } from '../../../lib/url-filters';
import { useDebouncedFilterInput, useUrlFilters } from '../../../lib/use-url-filters';
import { DepartmentFilter } from '../../directory/components/department-filter';
import { RATING_LABELS, STATUS_LABELS } from './report-badges';

/** `open` (the default queue: everything not closed), `all`, or one status. */
const STATUS_FILTERS = ['open', ...REPORT_STATUSES, 'all'] as const;
const ASSIGNEE_FILTERS = ['anyone', 'me', 'none'] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number];

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
  (STATUS_FILTERS as readonly string[]).includes(value);

const api = triageListQuerySchema.shape;

/** The queue's filters as URL params: the API's own fields, and `status`/`assignee` as the URL spells them. */
export const TRIAGE_FILTERS = {
  status: oneOf(STATUS_FILTERS, 'open'),
  rating: api.rating,
  departmentId: api.departmentId,
  olderThanDays: api.olderThanDays,
  assignee: oneOf(ASSIGNEE_FILTERS, 'anyone'),
  page: api.page,
};

export type TriageFilterValues = FiltersOf<typeof TRIAGE_FILTERS>;

/** The filters live in the URL, so a filtered queue can be bookmarked, shared and navigated back to. */
export function useTriageFilters() {
  return useUrlFilters(TRIAGE_FILTERS, { typed: ['olderThanDays'] });
}

/** The API query for the filters. */
export function toTriageQuery(filters: TriageFilterValues, pageSize: number): TriageListQuery {
  return {
    // Without `status` or `open` the API lists the open queue, so "all" must say `open=false`.
    ...(filters.status === 'open'
      ? { open: 'true' }
      : filters.status === 'all'
        ? { open: 'false' }
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

/** A positive whole number of days from the input, or nothing. */
function toDays(value: string | number): number | undefined {
  const days = typeof value === 'number' ? value : Number.parseInt(value, 10);
  return Number.isInteger(days) && days > 0 ? days : undefined;
}

export function TriageFilters({ filters, onChange }: TriageFiltersProps) {
  // Only a settled number reaches the URL (and the API).
  const age = useDebouncedFilterInput<string | number, number | undefined>({
    value: filters.olderThanDays,
    parse: toDays,
    format: (days) => days ?? '',
    onSettle: (days) => onChange({ olderThanDays: days }),
    delayMs: 400,
  });

  const filtered =
    filters.status !== 'open' ||
    Boolean(filters.rating || filters.departmentId || filters.olderThanDays) ||
    filters.assignee !== 'anyone';
  const clear = () => {
    age.reset(undefined);
    onChange({
      status: 'open',
      rating: undefined,
      departmentId: undefined,
      olderThanDays: undefined,
      assignee: 'anyone',
    });
  };

  return (
    <FilterBar label="Filter the reports" filtered={filtered} onClear={clear}>
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
      <DepartmentFilter
        value={filters.departmentId}
        onChange={(departmentId) => onChange({ departmentId })}
      />
      <NumberInput
        label="Older than (days)"
        placeholder="Any age"
        min={1}
        max={3650}
        allowDecimal={false}
        allowNegative={false}
        value={age.input}
        onChange={age.onChange}
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
    </FilterBar>
  );
}
