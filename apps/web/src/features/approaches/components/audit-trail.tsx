import { Button, Collapse, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useId } from 'react';
import { ErrorState } from '../../../components/ui/error-state';
import { noWrap, ScrollTable } from '../../../components/ui/scroll-table';
import type { AuditEventView } from '@countersign/contracts/audit';
import { useReportAudit } from '../api/audit';
import { auditRows } from './audit-entries';

export function AuditTable({ entries }: { entries: readonly AuditEventView[] }) {
  if (entries.length === 0) return <Text c="dimmed">Nothing recorded yet.</Text>;
  return (
    <ScrollTable label="Audit trail" minWidth={640}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Who</Table.Th>
          <Table.Th>What</Table.Th>
          <Table.Th>Details</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {auditRows(entries).map((row) => (
          <Table.Tr key={row.key}>
            <Table.Td style={noWrap}>{row.when}</Table.Td>
            <Table.Td>{row.who}</Table.Td>
            <Table.Td>{row.what}</Table.Td>
            <Table.Td>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {row.details || '—'}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

/** Who viewed or changed the report, and when; loaded when opened. */
export function AuditTrail({ reportId }: { reportId: string }) {
  const [opened, { toggle }] = useDisclosure(false);
  const regionId = useId();
  const audit = useReportAudit(reportId, opened);

  return (
    <Paper withBorder radius="lg" p="lg" component="section" data-testid="audit-trail">
      <Group justify="space-between" gap="sm">
        <Title order={2} fz="h4">
          Audit trail
        </Title>
        <Button
          variant="subtle"
          size="sm"
          onClick={toggle}
          aria-expanded={opened}
          aria-controls={regionId}
          rightSection={
            opened ? <IconChevronUp size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />
          }
        >
          {opened ? 'Hide the audit trail' : 'Show the audit trail'}
        </Button>
      </Group>
      <Collapse expanded={opened} id={regionId}>
        <Stack gap="sm" pt="md">
          <Text size="sm" c="dimmed">
            Every view and change of this report, with who made it and when. Views one after another by the
            same person are shown as one line.
          </Text>
          {audit.isPending && opened && (
            <Stack gap="xs" role="status" aria-label="Loading the audit trail">
              <Skeleton h={32} />
              <Skeleton h={32} />
              <Skeleton h={32} />
            </Stack>
          )}
          {audit.isError && (
            <ErrorState
              error={audit.error}
              title="The audit trail could not be loaded"
              onRetry={() => audit.refetch()}
            />
          )}
          {audit.data && <AuditTable entries={audit.data} />}
        </Stack>
      </Collapse>
    </Paper>
  );
}
