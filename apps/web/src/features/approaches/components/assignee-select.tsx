import type { TriageReportView } from '@countersign/contracts/approaches';
import { Button, Select, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconUserCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useCurrentSession } from '../../auth/api/session';
import { useAssignableOfficers } from '../api/assignable-officers';
import { useAssignReport } from '../api/triage-report';

/** Who is handling the report: any officer, or no one. */
export function AssigneeSelect({ report }: { report: TriageReportView }) {
  const { user } = useCurrentSession();
  const [search, setSearch] = useState('');
  const [term] = useDebouncedValue(search, 300);
  // The input shows the chosen officer's name: that is not a search.
  const shownName = report.assignee
    ? report.assignee.id === user.id
      ? `${report.assignee.name} (me)`
      : report.assignee.name
    : '';
  const { officers, isPending } = useAssignableOfficers(term === shownName ? '' : term);
  const assign = useAssignReport(report.id);

  const options = officers.map((officer) => ({
    value: officer.id,
    label: officer.id === user.id ? `${officer.name} (me)` : officer.name,
  }));
  // The current assignee stays selectable even when the loaded list does not include them.
  if (report.assignee && !options.some((option) => option.value === report.assignee?.id)) {
    options.unshift({ value: report.assignee.id, label: report.assignee.name });
  }

  const change = (assigneeId: string | null) => {
    if (assigneeId === (report.assignee?.id ?? null)) return;
    assign.mutate(
      { assigneeId },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            title: assigneeId ? 'Report assigned' : 'Report unassigned',
            message: assigneeId
              ? `${options.find((option) => option.value === assigneeId)?.label ?? 'The officer'} now handles ${report.reference}.`
              : `${report.reference} has no assignee now.`,
          }),
      },
    );
  };

  return (
    <Stack gap="xs">
      <Select
        label="Assigned officer"
        placeholder={isPending ? 'Loading officers…' : 'Unassigned'}
        data={options}
        value={report.assignee?.id ?? null}
        onChange={change}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        clearable
        nothingFoundMessage="No officer matches"
        disabled={assign.isPending}
        error={assign.isError ? assign.error.message : undefined}
      />
      {report.assignee?.id !== user.id && (
        <Button
          variant="light"
          size="xs"
          leftSection={<IconUserCheck size={16} aria-hidden />}
          onClick={() => change(user.id)}
          loading={assign.isPending}
          style={{ alignSelf: 'flex-start' }}
        >
          Assign to me
        </Button>
      )}
    </Stack>
  );
}
