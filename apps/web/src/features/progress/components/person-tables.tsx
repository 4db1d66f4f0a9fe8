import type { PersonDetail } from '@countersign/contracts/progress';
import { Badge, Table, Text } from '@mantine/core';
import { IconCircleCheck, IconProgress, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { noWrap, ScrollTable } from '../../../components/ui/scroll-table';
import { formatDate, formatDateTime, formatPercent } from '../../../lib/format';
import { CompletedCell, StatusCell } from './progress-table';

const SOURCE_LABELS: Record<PersonDetail['assignments'][number]['source'], string> = {
  manual: 'Assigned by hand',
  rule: 'Assigned by a rule',
  seed: 'Demo assignment',
  remedial: 'Remedial training',
};

export function PersonAssignmentsTable({ assignments }: { assignments: PersonDetail['assignments'] }) {
  if (assignments.length === 0) return <Text c="dimmed">No training assigned.</Text>;
  return (
    <ScrollTable label="Assignments" minWidth={720}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Module</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Due</Table.Th>
          <Table.Th>Completed</Table.Th>
          <Table.Th>Score</Table.Th>
          <Table.Th>Version</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {assignments.map((row) => (
          <Table.Tr key={row.assignmentId}>
            <Table.Td>
              <Text fw={500} size="sm">
                {row.module.title}
              </Text>
              <Text size="xs" c="dimmed">
                {SOURCE_LABELS[row.source]}
                {row.cycle > 1 || !row.current ? ` · cycle ${row.cycle}` : ''}
                {row.current ? '' : ' · earlier cycle, kept as a record'}
              </Text>
            </Table.Td>
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

function OutcomeBadge({ outcome }: { outcome: 'safe' | 'compromised' | null }) {
  if (outcome === null) return <>—</>;
  return outcome === 'safe' ? (
    <Badge color="green" variant="light" leftSection={<IconShieldCheck size={14} aria-hidden />}>
      Safe
    </Badge>
  ) : (
    <Badge color="red" variant="light" leftSection={<IconShieldX size={14} aria-hidden />}>
      Compromised
    </Badge>
  );
}

export function PersonAttemptsTable({ attempts }: { attempts: PersonDetail['attempts'] }) {
  if (attempts.length === 0) return <Text c="dimmed">No attempts yet.</Text>;
  return (
    <ScrollTable label="Attempts" minWidth={900}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Module</Table.Th>
          <Table.Th>Version</Table.Th>
          <Table.Th>Started</Table.Th>
          <Table.Th>Finished</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Scenario outcome</Table.Th>
          <Table.Th>Quiz rounds</Table.Th>
          <Table.Th>Last score</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {attempts.map((attempt) => (
          <Table.Tr key={attempt.id}>
            <Table.Td fw={500}>{attempt.module.title}</Table.Td>
            <Table.Td>v{attempt.version}</Table.Td>
            <Table.Td style={noWrap}>{formatDateTime(attempt.startedAt)}</Table.Td>
            <Table.Td style={noWrap}>{formatDateTime(attempt.finishedAt)}</Table.Td>
            <Table.Td>
              {attempt.status === 'passed' ? (
                <Badge color="green" variant="light" leftSection={<IconCircleCheck size={14} aria-hidden />}>
                  Passed
                </Badge>
              ) : (
                <Badge color="blue" variant="light" leftSection={<IconProgress size={14} aria-hidden />}>
                  In progress
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              <OutcomeBadge outcome={attempt.scenarioOutcome} />
            </Table.Td>
            <Table.Td>{attempt.quizRounds}</Table.Td>
            <Table.Td>{formatPercent(attempt.lastScorePercent)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
