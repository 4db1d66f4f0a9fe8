import { Select } from '@mantine/core';
import { useDepartments } from '../api/departments';

interface DepartmentFilterProps {
  /** The chosen department's id; undefined means every department. */
  value: string | undefined;
  onChange: (departmentId: string | undefined) => void;
}

/** "Department" in a list's filter bar: one of the organisation's departments, or all of them. */
export function DepartmentFilter({ value, onChange }: DepartmentFilterProps) {
  const departments = useDepartments();
  return (
    <Select
      label="Department"
      placeholder="All departments"
      data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
      value={value ?? null}
      onChange={(next) => onChange(next ?? undefined)}
      searchable
      clearable
      nothingFoundMessage="No department matches"
      w={{ base: '100%', sm: 200 }}
    />
  );
}
