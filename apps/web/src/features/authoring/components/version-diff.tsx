import type { VersionDiffResponse } from '@countersign/contracts/authoring';
import type { QuestionField, StepChange, StepField } from '@countersign/scenario-engine';
import { Alert, Badge, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconEqual, IconMinus, IconPencil, IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { PlainList } from '../../../components/ui/plain-list';
import { plural, snippet } from '../../../lib/format';
import { describeRetryPolicy } from './quiz-retry-settings';

type ModuleDiff = VersionDiffResponse['diff'];
type ChangeKind = 'added' | 'removed' | 'changed';

const NO_TRUNCATE = { root: { flexShrink: 0 }, label: { overflow: 'visible' } } as const;

const KIND = {
  added: { label: 'Added', color: 'green', Icon: IconPlus },
  removed: { label: 'Removed', color: 'red', Icon: IconMinus },
  changed: { label: 'Changed', color: 'orange', Icon: IconPencil },
} as const;

const STEP_FIELDS: Record<StepField, string> = {
  title: 'title',
  narrative: 'narrative',
  artefacts: 'artefacts',
  choices: 'choices',
  ending: 'ending',
};

const QUESTION_FIELDS: Record<QuestionField, string> = {
  kind: 'question type',
  prompt: 'prompt',
  options: 'options',
  explanation: 'explanation',
  redFlags: 'red flags',
};

/** Added / Removed / Changed as icon + word, never colour alone. */
function ChangeBadge({ kind }: { kind: ChangeKind }) {
  const { label, color, Icon } = KIND[kind];
  return (
    <Badge color={color} variant="light" leftSection={<Icon size={12} aria-hidden />} styles={NO_TRUNCATE}>
      {label}
    </Badge>
  );
}

function ChangeItem({ kind, title, children }: { kind: ChangeKind; title: ReactNode; children?: ReactNode }) {
  return (
    <Paper component="li" withBorder radius="md" p="sm" data-change={kind}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ChangeBadge kind={kind} />
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Text>
          {children}
        </Stack>
      </Group>
    </Paper>
  );
}

/** `3 added, 1 removed, 2 changed`, leaving out the zeros; `no changes` when all are zero. */
function counts(group: { added: unknown[]; removed: unknown[]; changed: unknown[] }): string {
  const parts = (['added', 'removed', 'changed'] as const)
    .filter((kind) => group[kind].length > 0)
    .map((kind) => `${group[kind].length} ${kind}`);
  return parts.length > 0 ? parts.join(', ') : 'no changes';
}

/** A group of changes (Steps, Quiz questions, Settings) under its heading. */
function DiffGroup({
  title,
  summary,
  testId,
  children,
}: {
  title: string;
  summary: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Stack gap="xs" component="section" aria-label={title} data-testid={testId}>
      <Group gap="xs" align="baseline">
        <Title order={3} fz="h5">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {summary}
        </Text>
      </Group>
      {children}
    </Stack>
  );
}

function Ids({ label, ids }: { label: string; ids: readonly string[] }) {
  if (ids.length === 0) return null;
  return (
    <Text size="xs" c="dimmed">
      {label}:{' '}
      {ids.map((id, index) => (
        <span key={id}>
          {index > 0 && ', '}
          <Code>{id}</Code>
        </span>
      ))}
    </Text>
  );
}

function StepChangeDetail({ change }: { change: StepChange }) {
  return (
    <>
      <Text size="sm">Changed: {change.fields.map((field) => STEP_FIELDS[field]).join(', ')}</Text>
      <Ids label="Choices added" ids={change.choices.added} />
      <Ids label="Choices removed" ids={change.choices.removed} />
      <Ids label="Choices changed" ids={change.choices.changed} />
    </>
  );
}

function Before({ was, now }: { was: ReactNode; now: ReactNode }) {
  return (
    <Text size="sm">
      <Text span c="dimmed">
        was
      </Text>{' '}
      <Text span fw={600} td="line-through" c="red.8">
        {was}
      </Text>
      <Text span c="dimmed">
        , now
      </Text>{' '}
      <Text span fw={600} c="green.8">
        {now}
      </Text>
    </Text>
  );
}

function StepsGroup({ steps }: { steps: ModuleDiff['steps'] }) {
  const total = steps.added.length + steps.removed.length + steps.changed.length;
  return (
    <DiffGroup title="Steps" summary={counts(steps)} testId="diff-steps">
      {total > 0 && (
        <PlainList gap="xs">
          {steps.added.map((step) => (
            <ChangeItem key={`a-${step.id}`} kind="added" title={step.title || step.id}>
              <Ids label="Step" ids={[step.id]} />
            </ChangeItem>
          ))}
          {steps.removed.map((step) => (
            <ChangeItem key={`r-${step.id}`} kind="removed" title={step.title || step.id}>
              <Ids label="Step" ids={[step.id]} />
            </ChangeItem>
          ))}
          {steps.changed.map((step) => (
            <ChangeItem key={`c-${step.id}`} kind="changed" title={step.title || step.id}>
              <StepChangeDetail change={step} />
            </ChangeItem>
          ))}
        </PlainList>
      )}
    </DiffGroup>
  );
}

function QuestionsGroup({ questions }: { questions: ModuleDiff['questions'] }) {
  const total = questions.added.length + questions.removed.length + questions.changed.length;
  return (
    <DiffGroup title="Quiz questions" summary={counts(questions)} testId="diff-questions">
      {total > 0 && (
        <PlainList gap="xs">
          {questions.added.map((q) => (
            <ChangeItem key={`a-${q.id}`} kind="added" title={snippet(q.prompt, 160) || q.id} />
          ))}
          {questions.removed.map((q) => (
            <ChangeItem key={`r-${q.id}`} kind="removed" title={snippet(q.prompt, 160) || q.id} />
          ))}
          {questions.changed.map((q) => (
            <ChangeItem key={`c-${q.id}`} kind="changed" title={snippet(q.prompt, 160) || q.id}>
              <Text size="sm">Changed: {q.fields.map((field) => QUESTION_FIELDS[field]).join(', ')}</Text>
            </ChangeItem>
          ))}
        </PlainList>
      )}
    </DiffGroup>
  );
}

function SettingsGroup({ diff }: { diff: ModuleDiff }) {
  // Step titles known from the diff, so the opening step can be named rather than only identified.
  const titles = new Map(
    [...diff.steps.added, ...diff.steps.removed, ...diff.steps.changed].map((s) => [s.id, s.title]),
  );
  const stepName = (id: string) => (
    <>
      {titles.get(id) ? `${titles.get(id)} ` : ''}
      <Code>{id}</Code>
    </>
  );
  const changes = [diff.start, diff.passMark, diff.shuffle, diff.retryPolicy].filter(
    (c) => c !== null,
  ).length;
  return (
    <DiffGroup
      title="Settings"
      summary={changes === 0 ? 'no changes' : `${changes} changed`}
      testId="diff-settings"
    >
      {changes > 0 && (
        <PlainList gap="xs">
          {diff.start && (
            <ChangeItem kind="changed" title="Opening step">
              <Before was={stepName(diff.start.from)} now={stepName(diff.start.to)} />
            </ChangeItem>
          )}
          {diff.passMark && (
            <ChangeItem kind="changed" title="Quiz pass mark">
              <Before was={`${diff.passMark.from}%`} now={`${diff.passMark.to}%`} />
            </ChangeItem>
          )}
          {diff.shuffle && (
            <ChangeItem kind="changed" title="Shuffle question order">
              <Before was={diff.shuffle.from ? 'on' : 'off'} now={diff.shuffle.to ? 'on' : 'off'} />
            </ChangeItem>
          )}
          {diff.retryPolicy && (
            <ChangeItem kind="changed" title="After a failed quiz round">
              <Before
                was={describeRetryPolicy(diff.retryPolicy.from)}
                now={describeRetryPolicy(diff.retryPolicy.to)}
              />
            </ChangeItem>
          )}
        </PlainList>
      )}
    </DiffGroup>
  );
}

/** One line saying what changed overall, for the top of the comparison (and screen readers). */
function overview(diff: ModuleDiff): string {
  const steps = diff.steps.added.length + diff.steps.removed.length + diff.steps.changed.length;
  const questions =
    diff.questions.added.length + diff.questions.removed.length + diff.questions.changed.length;
  const settings = [diff.start, diff.passMark, diff.shuffle, diff.retryPolicy].filter(
    (c) => c !== null,
  ).length;
  const parts = [
    steps > 0 && plural(steps, 'step'),
    questions > 0 && plural(questions, 'quiz question'),
    settings > 0 && plural(settings, 'setting'),
  ].filter((p): p is string => typeof p === 'string');
  const list =
    parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
  return `${list} added, removed or changed.`;
}

/** The readable difference between two versions, grouped as Steps, Quiz questions and Settings. */
export function VersionDiff({ result }: { result: VersionDiffResponse }) {
  const { diff, from, to } = result;
  if (diff.identical) {
    return (
      <Alert
        color="gray"
        variant="light"
        icon={<IconEqual aria-hidden />}
        title={`v${from} and v${to} are the same for learners`}
        data-testid="diff-identical"
      >
        No step, quiz question or setting differs. Moving steps around on the canvas does not count as a
        change.
      </Alert>
    );
  }
  return (
    <Stack gap="lg" data-testid="version-diff">
      <Text size="sm" role="status">
        From v{from} to v{to}: {overview(diff)}
      </Text>
      <StepsGroup steps={diff.steps} />
      <QuestionsGroup questions={diff.questions} />
      <SettingsGroup diff={diff} />
    </Stack>
  );
}
