import {
  type PROGRESS_STATUS_FILTERS,
  type ProgressListQuery,
  progressListQuerySchema,
} from '@countersign/contracts/progress';
import { Select, Switch, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { FilterBar } from '../../../components/ui/filter-bar';
import type { FiltersOf } from '../../../lib/url-filters';
import { useDebouncedFilterInput, useUrlFilters } from '../../../lib/use-url-filters';
import { useModules } from '../../training/api/modules';
import { DepartmentFilter } from '../../directory/components/department-filter';

type StatusFilter = (typeof PROGRESS_STATUS_FILTERS)[number];
type Sort = NonNullable<ProgressListQuery['sort']>;

const STATUS_LABELS: Record<StatusFilter, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  completed: 'Completed',
  overdue: 'Overdue',
};

const SORT_LABELS: Record<Sort, string> = {
  dueDate: 'Due date',
  name: 'Name',
  completedAt: 'Completed date',
};

const toOptions = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/**
 * The list's filters as URL params: the API's query, less the page size the page chooses and the
 * keyset cursor (an opaque detail of "Next": the URL keeps the page number, so links stay readable).
 */
export const PROGRESS_FILTERS = progressListQuerySchema.omit({ pageSize: true, after: true }).shape;

type ProgressFilterValues = FiltersOf<typeof PROGRESS_FILTERS>;

/** The filters live in the URL, so a filtered list can be bookmarked, shared and navigated back to. */
export function useProgressFilters() {
  return useUrlFilters(PROGRESS_FILTERS, { typed: ['q'] });
}

interface ProgressFiltersProps {
  filters: ProgressFilterValues;
  onChange: (changes: Partial<ProgressFilterValues>) => void;
}

export function ProgressFilters({ filters, onChange }: ProgressFiltersProps) {
  const modules = useModules();
  // Only a settled search term reaches the URL (and the API).
  const search = useDebouncedFilterInput<string, string | undefined>({
    value: filters.q,
    parse: (term) => term.trim() || undefined,
    format: (q) => q ?? '',
    onSettle: (q) => onChange({ q }),
    delayMs: 300,
  });

  const filtered = Boolean(
    filters.status || filters.departmentId || filters.moduleId || filters.q || filters.leavers === 'show',
  );
  const clear = () => {
    search.reset(undefined);
    onChange({
      status: undefined,
      departmentId: undefined,
      moduleId: undefined,
      q: undefined,
      leavers: 'hide',
    });
  };

  return (
    <FilterBar label="Filter people" filtered={filtered} onClear={clear}>
      <TextInput
        label="Search people"
        placeholder="Name or email"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search.input}
        onChange={(event) => search.onChange(event.currentTarget.value)}
        w={{ base: '100%', sm: 220 }}
      />
      <Select
        label="Status"
        placeholder="Any status"
        data={toOptions(STATUS_LABELS)}
        value={filters.status ?? null}
        onChange={(value) => onChange({ status: (value as StatusFilter | null) ?? undefined })}
        clearable
        w={{ base: '100%', sm: 160 }}
      />
      <DepartmentFilter
        value={filters.departmentId}
        onChange={(departmentId) => onChange({ departmentId })}
      />
      <Select
        label="Module"
        placeholder="All modules"
        data={(modules.data ?? []).map((m) => ({ value: m.id, label: m.title }))}
        value={filters.moduleId ?? null}
        onChange={(value) => onChange({ moduleId: value ?? undefined })}
        searchable
        clearable
        nothingFoundMessage="No module matches"
        w={{ base: '100%', sm: 200 }}
      />
      <Select
        label="Sort by"
        data={toOptions(SORT_LABELS)}
        value={filters.sort}
        onChange={(value) => onChange({ sort: (value as Sort | null) ?? undefined })}
        allowDeselect={false}
        w={{ base: '100%', sm: 160 }}
      />
      {/* Leavers never count in the rates; their records stay listed on request, marked. */}
      <Switch
        label="Include deactivated people"
        checked={filters.leavers === 'show'}
        onChange={(event) => onChange({ leavers: event.currentTarget.checked ? 'show' : 'hide' })}
        mb={8}
      />
    </FilterBar>
  );
}
