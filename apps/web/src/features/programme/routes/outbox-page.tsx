import { hasPermission } from '@countersign/contracts/permissions';
import { OUTBOX_STATUSES, outboxQuerySchema, type OutboxStatus } from '@countersign/contracts/programme';
import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailOff, IconSearch } from '@tabler/icons-react';
import { FilterBar } from '../../../components/ui/filter-bar';
import { PageHeader } from '../../../components/ui/page-header';
import { PagedList } from '../../../components/ui/paged-list';
import { noWrap, ScrollTable } from '../../../components/ui/scroll-table';
import { formatDateTime } from '../../../lib/format';
import { useDebouncedFilterInput, useUrlFilters } from '../../../lib/use-url-filters';
import { useCurrentSession } from '../../auth/api/session';
import { useOutbox, useRetryEmail } from '../api/outbox';

const FILTERS = outboxQuerySchema.omit({ pageSize: true }).shape;
const PAGE_SIZE = 25;

const STATUS_LABELS: Record<OutboxStatus, string> = { pending: 'Queued', sent: 'Sent', failed: 'Failed' };
const STATUS_COLORS: Record<OutboxStatus, string> = { pending: 'blue', sent: 'green', failed: 'red' };

/** Every email the organisation's Countersign sent or will send, with its state, and a retry for failures. */
export function OutboxPage() {
  const [filters, setFilters] = useUrlFilters(FILTERS, { typed: ['q'] });
  const outbox = useOutbox({ ...filters, pageSize: PAGE_SIZE });
  const retry = useRetryEmail();
  const { user } = useCurrentSession();
  const canRetry = hasPermission(user.role, 'assignments:manage');
  const search = useDebouncedFilterInput<string, string | undefined>({
    value: filters.q,
    parse: (term) => term.trim() || undefined,
    format: (q) => q ?? '',
    onSettle: (q) => setFilters({ q }),
    delayMs: 300,
  });
  const counts = outbox.data?.counts;

  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every email — invitations, password links, reminders, escalations — queued, sent or failed, with the reason. Their contents are not shown: they carry sign-in links."
      />
      {outbox.data && !outbox.data.sending && (
        <Alert color="yellow" variant="light" mb="md" title="No mail server configured">
          Emails are queued but not sent until SMTP_URL is set. In-app notifications still reach people.
        </Alert>
      )}
      <Paper withBorder radius="lg" p="lg">
        {counts && (
          <Group gap="xs" mb="md" aria-label="Emails by state">
            {OUTBOX_STATUSES.map((s) => (
              <Badge key={s} color={STATUS_COLORS[s]} variant="light" size="lg">
                {STATUS_LABELS[s]}: {counts[s]}
              </Badge>
            ))}
          </Group>
        )}
        <FilterBar
          label="Filter emails"
          filtered={Boolean(filters.q || filters.status)}
          onClear={() => {
            search.reset(undefined);
            setFilters({ q: undefined, status: undefined });
          }}
        >
          <TextInput
            label="Search"
            placeholder="Recipient or subject"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search.input}
            onChange={(event) => search.onChange(event.currentTarget.value)}
            w={{ base: '100%', sm: 260 }}
          />
          <Select
            label="State"
            placeholder="Any state"
            data={OUTBOX_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
            value={filters.status ?? null}
            onChange={(value) => setFilters({ status: (value as OutboxStatus | null) ?? undefined })}
            clearable
            w={{ base: '100%', sm: 160 }}
          />
        </FilterBar>
        <PagedList
          query={outbox}
          loadingLabel="Loading emails"
          errorTitle="The outbox could not be loaded"
          empty={{
            icon: <IconMailOff size={32} aria-hidden />,
            title: filters.q || filters.status ? 'No email matches these filters' : 'No emails yet',
            description:
              filters.q || filters.status
                ? 'Try a different search or clear the filters.'
                : 'Invitations, reminders and escalations will be listed here as they are queued.',
          }}
          onPageChange={(page) => setFilters({ page })}
        >
          {(page) => (
            <ScrollTable label="Emails" minWidth={900} data-testid="outbox-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>To</Table.Th>
                  <Table.Th>Subject</Table.Th>
                  <Table.Th>State</Table.Th>
                  <Table.Th>Queued</Table.Th>
                  <Table.Th>Sent or next try</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.items.map((email) => (
                  <Table.Tr key={email.id}>
                    <Table.Td>
                      <Stack gap={0}>
                        <Text size="sm" fw={600}>
                          {email.recipient?.name ?? email.to}
                        </Text>
                        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          {email.to}
                        </Text>
                      </Stack>
                    </Table.Td>
                    <Table.Td>{email.subject}</Table.Td>
                    <Table.Td>
                      <Stack gap={4} align="flex-start">
                        <Badge color={STATUS_COLORS[email.status]} variant="light">
                          {STATUS_LABELS[email.status]}
                        </Badge>
                        {email.lastError && (
                          <Text size="xs" c={email.status === 'failed' ? 'red' : 'dimmed'}>
                            {email.attempts} attempt(s): {email.lastError}
                          </Text>
                        )}
                        {email.status === 'failed' && canRetry && (
                          <Button
                            size="compact-xs"
                            variant="light"
                            loading={retry.isPending && retry.variables === email.id}
                            onClick={() =>
                              retry.mutate(email.id, {
                                onSuccess: () =>
                                  notifications.show({
                                    color: 'green',
                                    title: 'Queued again',
                                    message: `To ${email.to}`,
                                  }),
                                onError: (error) =>
                                  notifications.show({
                                    color: 'red',
                                    title: 'Not queued',
                                    message: error.message,
                                  }),
                              })
                            }
                          >
                            Try again
                          </Button>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td style={noWrap}>{formatDateTime(email.createdAt)}</Table.Td>
                    <Table.Td style={noWrap}>
                      {email.sentAt
                        ? formatDateTime(email.sentAt)
                        : email.nextAttemptAt
                          ? `next try ${formatDateTime(email.nextAttemptAt)}`
                          : email.status === 'pending'
                            ? 'within seconds'
                            : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
        </PagedList>
      </Paper>
    </>
  );
}
