import type { PROGRESS_STATUS_FILTERS, ProgressListQuery } from '@countersign/contracts/progress';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useModules } from '../../training/api/modules';
import { useDepartments } from '../../directory/api/departments';

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

interface ProgressFilterValues {
  status?: StatusFilter;
  departmentId?: string;
  moduleId?: string;
  q?: string;
  sort: Sort;
  page: number;
}

/** The filters live in the URL, so a filtered list can be bookmarked, shared and navigated back to. */
export function useProgressFilters() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const sort = params.get('sort') ?? '';
  const filters: ProgressFilterValues = {
    status: status in STATUS_LABELS ? (status as StatusFilter) : undefined,
    departmentId: params.get('departmentId') ?? undefined,
    moduleId: params.get('moduleId') ?? undefined,
    q: params.get('q') ?? undefined,
    sort: sort in SORT_LABELS ? (sort as Sort) : 'dueDate',
    page: Math.max(1, Number(params.get('page')) || 1),
  };

  /** Applies changes; any change other than the page goes back to page 1. */
  const update = (changes: Partial<ProgressFilterValues>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === '' || (key === 'page' && value === 1)) next.delete(key);
          else next.set(key, String(value));
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: 'q' in changes },
    );

  return [filters, update] as const;
}

interface ProgressFiltersProps {
  filters: ProgressFilterValues;
  onChange: (changes: Partial<ProgressFilterValues>) => void;
}

export function ProgressFilters({ filters, onChange }: ProgressFiltersProps) {
  const departments = useDepartments();
  const modules = useModules();
  const [search, setSearch] = useState(filters.q ?? '');
  // Only a settled search term reaches the URL (and the API).
  const pushSearch = useDebouncedCallback((term: string) => onChange({ q: term.trim() || undefined }), 300);
  // The URL can also change without typing (back button, the menu link): show its term then.
  const [shownQ, setShownQ] = useState(filters.q);
  if (filters.q !== shownQ) {
    setShownQ(filters.q);
    if ((filters.q ?? '') !== search.trim()) setSearch(filters.q ?? '');
  }

  const filtered = Boolean(filters.status || filters.departmentId || filters.moduleId || filters.q);
  const clear = () => {
    pushSearch.cancel();
    setSearch('');
    onChange({ status: undefined, departmentId: undefined, moduleId: undefined, q: undefined });
  };

  return (
    <Group align="flex-end" gap="md" mb="lg" role="search">
      <TextInput
        label="Search people"
        placeholder="Name or email"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          pushSearch(event.currentTarget.value);
        }}
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
      {filtered && (
        <Button variant="subtle" leftSection={<IconX size={16} aria-hidden />} onClick={clear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
