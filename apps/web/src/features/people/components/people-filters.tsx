import { personListQuerySchema, type PersonStatus } from '@countersign/contracts/people';
import type { SensitivityTier } from '@countersign/contracts/directory';
import type { Role } from '@countersign/contracts/permissions';
import { Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { FilterBar } from '../../../components/ui/filter-bar';
import type { FiltersOf } from '../../../lib/url-filters';
import { useDebouncedFilterInput, useUrlFilters } from '../../../lib/use-url-filters';
import { DepartmentFilter } from '../../directory/components/department-filter';
import { ROLE_OPTIONS, STATUS_OPTIONS, TIER_OPTIONS } from './people-labels';

/** The list's filters as URL params: the API's query less the page size and the keyset cursor. */
export const PEOPLE_FILTERS = personListQuerySchema.omit({ pageSize: true, after: true }).shape;
type PeopleFilterValues = FiltersOf<typeof PEOPLE_FILTERS>;

export function usePeopleFilters() {
  return useUrlFilters(PEOPLE_FILTERS, { typed: ['q'] });
}

interface PeopleFiltersProps {
  filters: PeopleFilterValues;
  onChange: (changes: Partial<PeopleFilterValues>) => void;
}

export function PeopleFilters({ filters, onChange }: PeopleFiltersProps) {
  const search = useDebouncedFilterInput<string, string | undefined>({
    value: filters.q,
    parse: (term) => term.trim() || undefined,
    format: (q) => q ?? '',
    onSettle: (q) => onChange({ q }),
    delayMs: 300,
  });
  const filtered = Boolean(
    filters.q || filters.departmentId || filters.role || filters.tier || filters.status,
  );
  const clear = () => {
    search.reset(undefined);
    onChange({ q: undefined, departmentId: undefined, role: undefined, tier: undefined, status: undefined });
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
      <DepartmentFilter
        value={filters.departmentId}
        onChange={(departmentId) => onChange({ departmentId })}
      />
      <Select
        label="Role"
        placeholder="Any role"
        data={ROLE_OPTIONS}
        value={filters.role ?? null}
        onChange={(value) => onChange({ role: (value as Role | null) ?? undefined })}
        clearable
        w={{ base: '100%', sm: 170 }}
      />
      <Select
        label="Sensitivity tier"
        placeholder="Any tier"
        data={TIER_OPTIONS}
        value={filters.tier ?? null}
        onChange={(value) => onChange({ tier: (value as SensitivityTier | null) ?? undefined })}
        clearable
        w={{ base: '100%', sm: 150 }}
      />
      <Select
        label="Status"
        placeholder="Any status"
        data={STATUS_OPTIONS}
        value={filters.status ?? null}
        onChange={(value) => onChange({ status: (value as PersonStatus | null) ?? undefined })}
        clearable
        w={{ base: '100%', sm: 150 }}
      />
    </FilterBar>
  );
}
