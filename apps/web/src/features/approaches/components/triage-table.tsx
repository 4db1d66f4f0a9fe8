import type { TriageListItem } from '@countersign/contracts/approaches';
import { Anchor, Group, Table, Text } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { Link } from 'react-router';
import { noWrap, ScrollTable } from '../../../components/ui/scroll-table';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { RatingBadge, ReportStatusBadge } from './report-badges';

/** The officers' queue, one row per report; the reference opens it. */
export function TriageTable({ rows }: { rows: readonly TriageListItem[] }) {
  return (
    <ScrollTable label="Approach reports" minWidth={960} data-testid="triage-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Reference</Table.Th>
          <Table.Th>Received</Table.Th>
          <Table.Th>Reporter</Table.Th>
          <Table.Th>Platform and name used</Table.Th>
          <Table.Th>Rating</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Assignee</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.id}>
            <Table.Td style={noWrap}>
              <Anchor component={Link} to={`/triage/${row.id}`} fw={600}>
                {row.reference}
              </Anchor>
              {row.linkedCount > 0 && (
                <Group gap={4} mt={2} wrap="nowrap" c="grape.8">
                  <IconLink size={12} aria-hidden />
                  <Text size="xs" fw={600}>
                    {row.linkedCount} linked
                  </Text>
                </Group>
              )}
            </Table.Td>
            <Table.Td style={noWrap}>
              {formatDateTime(row.createdAt)}
              <Text size="xs" c="dimmed">
                {formatRelative(row.createdAt)}
              </Text>
            </Table.Td>
            <Table.Td>
              {row.reporter.name}
              <Text size="xs" c="dimmed">
                {row.reporter.department ?? 'No department'}
              </Text>
            </Table.Td>
            <Table.Td>
              {row.platform}
              {row.nameUsed && (
                <Text size="xs" c="dimmed">
                  {row.nameUsed}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <RatingBadge rating={row.rating} />
            </Table.Td>
            <Table.Td>
              <ReportStatusBadge status={row.status} />
            </Table.Td>
            <Table.Td>
              {row.assignee ? (
                row.assignee.name
              ) : (
                <Text size="sm" c="dimmed">
                  Unassigned
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
