import type { ProgressRow } from '@countersign/contracts/progress';
import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { noWrap, ScrollTable } from '../../../components/ui/scroll-table';
import { AssignmentStatusBadge, OverdueBadge } from '../../../components/ui/status-badges';
import { daysLate, lateBy } from '../../../lib/due-dates';
import { formatDate, formatPercent } from '../../../lib/format';

/** Status and overdue side by side, as words, not colour alone; a late completion says so. */
export function StatusCell({
  row,
}: {
  row: Pick<ProgressRow, 'status' | 'overdue' | 'dueDate' | 'completedAt'>;
}) {
  return (
    <Stack gap={4} align="flex-start">
      <AssignmentStatusBadge status={row.status} late={daysLate(row.dueDate, row.completedAt) > 0} />
      {row.overdue && <OverdueBadge />}
    </Stack>
  );
}

/** When it was completed, and how long after the due date if it was late. */
export function CompletedCell({ row }: { row: Pick<ProgressRow, 'dueDate' | 'completedAt'> }) {
  const late = daysLate(row.dueDate, row.completedAt);
  return (
    <>
      {formatDate(row.completedAt)}
      {late > 0 && (
        <Text size="xs" c="orange.9" fw={600}>
          {lateBy(late)}
        </Text>
      )}
    </>
  );
}

export function ProgressTable({ rows }: { rows: ProgressRow[] }) {
  return (
    <ScrollTable label="People and their training" minWidth={960} data-testid="progress-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Person</Table.Th>
          <Table.Th>Department</Table.Th>
          <Table.Th>Module</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Due</Table.Th>
          <Table.Th>Completed</Table.Th>
          <Table.Th>Score</Table.Th>
          <Table.Th>Version</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.assignmentId}>
            <Table.Td>
              <Anchor component={Link} to={`/officer/people/${row.user.id}`} fw={600}>
                {row.user.name}
              </Anchor>
              {row.user.deactivated && (
                <Badge color="gray" variant="light" size="sm" ml="xs">
                  Deactivated
                </Badge>
              )}
              <Text size="xs" c="dimmed">
                {row.user.email}
              </Text>
            </Table.Td>
            <Table.Td>{row.department?.name ?? '—'}</Table.Td>
            <Table.Td>{row.module.title}</Table.Td>
            <Table.Td>
              <StatusCell row={row} />
            </Table.Td>
            <Table.Td style={noWrap}>{formatDate(row.dueDate)}</Table.Td>
            <Table.Td style={noWrap}>
              <CompletedCell row={row} />
            </Table.Td>
            <Table.Td>{formatPercent(row.scorePercent)}</Table.Td>
            <Table.Td>{row.completedVersion === null ? '—' : `v${row.completedVersion}`}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
