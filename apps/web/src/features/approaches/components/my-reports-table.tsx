import type { MyReportView } from '@countersign/contracts/approaches';
import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { noWrap, ScrollTable } from '../../../components/ui/scroll-table';
import { formatDate, snippet } from '../../../lib/format';
import { RatingBadge, ReportStatusBadge } from './report-badges';

/** The reporter's own reports, newest first. */
export function MyReportsTable({ reports }: { reports: readonly MyReportView[] }) {
  const sorted = reports.toSorted((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <ScrollTable label="My reports" minWidth={820} data-testid="my-reports-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Reference</Table.Th>
          <Table.Th>Reported</Table.Th>
          <Table.Th>Where</Table.Th>
          <Table.Th>Rating</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Outcome</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((report) => (
          <Table.Tr key={report.id}>
            <Table.Td style={noWrap}>
              <Anchor component={Link} to={`/approaches/mine/${report.id}`} fw={600}>
                {report.reference}
              </Anchor>
            </Table.Td>
            <Table.Td style={noWrap}>{formatDate(report.createdAt)}</Table.Td>
            <Table.Td>
              {report.platform}
              {report.nameUsed && (
                <Text size="xs" c="dimmed">
                  {report.nameUsed}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <RatingBadge rating={report.rating} />
            </Table.Td>
            <Table.Td>
              <ReportStatusBadge status={report.status} />
            </Table.Td>
            <Table.Td maw={320}>
              {report.outcome ? (
                <Text size="sm">{snippet(report.outcome, 110)}</Text>
              ) : (
                <Text size="sm" c="dimmed">
                  {report.status === 'closed' ? '—' : 'Not closed yet'}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
