import type { UserSummary } from '@countersign/contracts/directory';
import { MultiSelect, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useUserSearch } from '../../directory/api/users';

interface PeoplePickerProps {
  value: UserSummary[];
  onChange: (people: UserSummary[]) => void;
  error?: string;
}

/** Picks people by searching the directory on the server; picked people stay listed while searching on. */
export function PeoplePicker({ value, onChange, error }: PeoplePickerProps) {
  const [search, setSearch] = useState('');
  const [term] = useDebouncedValue(search.trim(), 250);
  const results = useUserSearch(term);

  const known = new Map(value.map((user) => [user.id, user]));
  if (term.length >= 2)
    for (const user of results.data?.items ?? []) if (!known.has(user.id)) known.set(user.id, user);

  const nothingFound =
    search.trim().length < 2
      ? 'Type at least 2 letters of a name or email'
      : results.isFetching
        ? 'Searching…'
        : 'No one matches';

  return (
    <MultiSelect
      label="People"
      description="Search by name or email. Optional if you choose departments."
      placeholder={value.length === 0 ? 'Search people' : undefined}
      data={[...known.values()].map((user) => ({ value: user.id, label: user.name }))}
      value={value.map((user) => user.id)}
      onChange={(ids) => onChange(ids.flatMap((id) => known.get(id) ?? []))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      hidePickedOptions
      clearable
      loading={results.isFetching}
      nothingFoundMessage={nothingFound}
      renderOption={({ option }) => {
        const user = known.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            <Text size="xs" c="dimmed">
              {user?.email}
              {user?.department ? ` · ${user.department.name}` : ''}
            </Text>
          </Stack>
        );
      }}
      error={error}
      data-testid="people-picker"
    />
  );
}
