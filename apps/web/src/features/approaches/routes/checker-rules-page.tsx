import { Alert, Badge, Button, Group, Modal, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconRestore } from '@tabler/icons-react';
import { ErrorState } from '../../../components/ui/error-state';
import { PageHeader } from '../../../components/ui/page-header';
import { SectionCard } from '../../../components/ui/section-card';
import { plural } from '../../../lib/format';
import { useCheckerRules, useRestoreDefaultRules } from '../api/checker-rules';
import { useQuestions } from '../api/questions';
import { RawRulesEditor, ThresholdsForm } from '../components/rules-editors';
import { RulesEvaluation } from '../components/rules-evaluation';
import { AnswerRulesTable, TextRulesTable } from '../components/rules-tables';

function RestoreDefaults({ disabled }: { disabled: boolean }) {
  const [opened, modal] = useDisclosure(false);
  const restore = useRestoreDefaultRules();
  const confirm = () =>
    restore.mutate(undefined, {
      onSuccess: () => {
        modal.close();
        notifications.show({
          color: 'green',
          title: 'Default rules restored',
          message: 'New checks use the built-in rules.',
        });
      },
    });
  return (
    <>
      <Button
        variant="light"
        color="red"
        leftSection={<IconRestore size={16} aria-hidden />}
        onClick={modal.open}
        disabled={disabled}
      >
        Restore defaults
      </Button>
      <Modal opened={opened} onClose={modal.close} title="Restore the default rules?" centered>
        <Stack gap="md">
          <Text size="sm">
            Your organisation’s edited rules are replaced by the built-in rules for every new check. Reports
            already made keep the flags they were given.
          </Text>
          {restore.isError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert" p="sm">
              {restore.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={modal.close} disabled={restore.isPending}>
              Cancel
            </Button>
            <Button color="red" onClick={confirm} loading={restore.isPending}>
              Restore defaults
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** The organisation's approach-checker rules: how they perform, what they are, and editing. */
export function CheckerRulesPage() {
  const rules = useCheckerRules();
  const questions = useQuestions();
  const data = rules.data;

  return (
    <>
      <PageHeader
        title="Checker rules"
        description="The rules that turn answers and message text into red flags and a rating, measured on example messages."
        actions={data && <RestoreDefaults disabled={data.isDefault} />}
      />
      {rules.isPending && (
        <Stack gap="lg" role="status" aria-label="Loading the rules">
          <Skeleton h={280} radius="lg" />
          <Skeleton h={200} radius="lg" />
        </Stack>
      )}
      {rules.isError && (
        <ErrorState
          error={rules.error}
          title="The rules could not be loaded"
          onRetry={() => rules.refetch()}
        />
      )}
      {data && (
        <Stack gap="lg">
          <Group gap="sm">
            <Badge variant="light" color={data.isDefault ? 'gray' : 'blue'} size="lg">
              {data.isDefault ? 'Built-in rules' : 'Edited for your organisation'}
            </Badge>
            <Text size="sm" c="dimmed">
              Version {data.rules.version} · {plural(data.rules.answerRules.length, 'answer rule')} ·{' '}
              {plural(data.rules.textRules.length, 'text rule')}
            </Text>
          </Group>
          <SectionCard title="How the rules perform">
            <RulesEvaluation evaluation={data.evaluation} holdout={data.holdout} />
          </SectionCard>
          <SectionCard title="Thresholds">
            <ThresholdsForm key={`thresholds-${data.rules.version}-${data.isDefault}`} rules={data.rules} />
          </SectionCard>
          <SectionCard title={`Answer rules (${data.rules.answerRules.length})`}>
            <AnswerRulesTable rules={data.rules.answerRules} questions={questions.data ?? []} />
          </SectionCard>
          <SectionCard title={`Text rules (${data.rules.textRules.length})`}>
            <TextRulesTable rules={data.rules.textRules} />
          </SectionCard>
          <SectionCard title="Edit the rules">
            <RawRulesEditor key={`raw-${data.rules.version}-${data.isDefault}`} rules={data.rules} />
          </SectionCard>
        </Stack>
      )}
    </>
  );
}
