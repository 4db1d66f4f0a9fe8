import type { TriageReportView } from '@countersign/contracts/approaches';
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { IconAt, IconUser } from '@tabler/icons-react';
import { Link } from 'react-router';
import { noWrap, ScrollTable } from '../../../components/ui/scroll-table';
import { formatDate } from '../../../lib/format';
import { RatingBadge, ReportStatusBadge } from './report-badges';

const REASONS = {
  'same-profile': { label: 'Same profile address', Icon: IconAt },
  'same-name': { label: 'Same name', Icon: IconUser },
} as const;

/** Other reports about the same profile address or name: the same person may be fishing widely. */
export function LinkedReports({ linked }: { linked: TriageReportView['linked'] }) {
  if (linked.length === 0) {
    return <Text c="dimmed">No other report names the same profile address or name.</Text>;
  }
  return (
    <ScrollTable label="Linked reports" minWidth={620}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Reference</Table.Th>
          <Table.Th>Why linked</Table.Th>
          <Table.Th>Received</Table.Th>
          <Table.Th>Rating</Table.Th>
          <Table.Th>Status</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {linked.map((other) => {
          const { label, Icon } = REASONS[other.reason];
          return (
            <Table.Tr key={other.id}>
              <Table.Td style={noWrap}>
                <Anchor component={Link} to={`/triage/${other.id}`} fw={600}>
                  {other.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Badge variant="outline" color="gray" leftSection={<Icon size={12} aria-hidden />}>
                  {label}
                </Badge>
              </Table.Td>
              <Table.Td style={noWrap}>{formatDate(other.createdAt)}</Table.Td>
              <Table.Td>
                <RatingBadge rating={other.rating} />
              </Table.Td>
              <Table.Td>
                <ReportStatusBadge status={other.status} />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </ScrollTable>
  );
}
