import { hasPermission } from '@countersign/contracts/permissions';
import type { RuleView } from '@countersign/contracts/programme';
import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarRepeat, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorState } from '../../../components/ui/error-state';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoader } from '../../../components/ui/page-loader';
import { noWrap, ScrollTable } from '../../../components/ui/scroll-table';
import { useCurrentSession } from '../../auth/api/session';
import { plural } from '../../../lib/format';
import { useDeleteRule, useRules } from '../api/rules';
import { RuleFormDialog } from '../components/rule-form-dialog';
import { audienceSummary, dueSummary, recurrenceSummary, remindersSummary } from '../components/rule-summary';

type Dialog = { kind: 'form'; rule: RuleView | null } | { kind: 'delete'; rule: RuleView } | null;

/**
 * Assignment rules: the policy set once that keeps the programme current — who gets which module,
 * by when, how often, and who is reminded and told when it is late.
 */
export function RulesPage() {
  const rules = useRules();
  const { user } = useCurrentSession();
  const canManage = hasPermission(user.role, 'assignments:manage');
  const [dialog, setDialog] = useState<Dialog>(null);
  const remove = useDeleteRule();
  const close = () => setDialog(null);

  return (
    <>
      <PageHeader
        title="Assignment rules"
        description="Set once who must complete which module and by when: joiners, movers and annual refreshes follow by themselves, with reminders and escalation."
        actions={
          canManage && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setDialog({ kind: 'form', rule: null })}
            >
              New rule
            </Button>
          )
        }
      />
      <Paper withBorder radius="lg" p="lg">
        {rules.isPending ? (
          <PageLoader label="Loading rules" />
        ) : rules.isError ? (
          <ErrorState
            error={rules.error}
            title="The rules could not be loaded"
            onRetry={() => void rules.refetch()}
          />
        ) : rules.data.items.length === 0 ? (
          <Stack align="center" gap="xs" py="xl">
            <IconCalendarRepeat size={32} aria-hidden />
            <Text fw={600}>No rules yet</Text>
            <Text c="dimmed" ta="center" maw={520}>
              A rule assigns a module to everyone who matches it — a department, a sensitivity tier, new
              joiners — and keeps doing so as people join, move and leave.
            </Text>
            {canManage && (
              <Button mt="sm" onClick={() => setDialog({ kind: 'form', rule: null })}>
                Create the first rule
              </Button>
            )}
          </Stack>
        ) : (
          <ScrollTable label="Assignment rules" minWidth={1000} data-testid="rules-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Rule</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>Due and repeat</Table.Th>
                <Table.Th>People</Table.Th>
                {canManage && (
                  <Table.Th>
                    <Text component="span" size="sm" fw={700}>
                      Actions
                    </Text>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.data.items.map((rule) => (
                <Table.Tr key={rule.id}>
                  <Table.Td>
                    <Stack gap={2}>
                      <Group gap="xs">
                        <Text fw={600}>{rule.name}</Text>
                        {!rule.enabled && (
                          <Badge color="gray" variant="light">
                            Off
                          </Badge>
                        )}
                      </Group>
                      <Text size="sm">{rule.module.title}</Text>
                      <Text size="xs" c="dimmed">
                        {remindersSummary(rule)}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td>{audienceSummary(rule)}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text size="sm">Due {dueSummary(rule)}</Text>
                      <Text size="sm" c="dimmed">
                        {recurrenceSummary(rule.recurrenceMonths)}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td style={noWrap}>
                    <Stack gap={2}>
                      <Text size="sm">{plural(rule.matching, 'matches', 'match')}</Text>
                      <Text size="sm" c="dimmed">
                        {rule.open} open · {rule.completed} completed
                      </Text>
                    </Stack>
                  </Table.Td>
                  {canManage && (
                    <Table.Td style={noWrap}>
                      <Group gap="xs">
                        <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'form', rule })}>
                          Edit<VisuallyHidden> {rule.name}</VisuallyHidden>
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setDialog({ kind: 'delete', rule })}
                        >
                          Delete<VisuallyHidden> {rule.name}</VisuallyHidden>
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </Paper>
      {dialog?.kind === 'form' && (
        <RuleFormDialog key={dialog.rule?.id ?? 'new'} rule={dialog.rule} opened onClose={close} />
      )}
      <Modal opened={dialog?.kind === 'delete'} onClose={close} title="Delete this rule?" centered>
        {dialog?.kind === 'delete' && (
          <Stack>
            <Text>
              “{dialog.rule.name}” stops assigning {dialog.rule.module.title}.{' '}
              {dialog.rule.withdrawWhenUnmatched
                ? 'Its assignments that nobody has started are withdrawn; completed and started ones stay as records.'
                : 'Its assignments stay as they are; completed ones stay as records.'}
            </Text>
            {remove.isError && (
              <Text c="red" role="alert">
                {remove.error.message}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Keep it
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(dialog.rule.id, {
                    onSuccess: (result) => {
                      notifications.show({
                        color: 'green',
                        title: 'Rule deleted',
                        message: `${dialog.rule.name} is gone; ${plural(result.withdrawn, 'assignment')} withdrawn.`,
                      });
                      close();
                    },
                  })
                }
              >
                Delete rule
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
