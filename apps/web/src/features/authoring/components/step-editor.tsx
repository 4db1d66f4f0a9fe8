import type { RedFlagView } from '@countersign/contracts/training';
import type { Choice, ModuleContent, Step } from '@countersign/scenario-engine';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconInfoCircle, IconPlayerPlay, IconPlus, IconTrash } from '@tabler/icons-react';
import { addChoice, updateChoice, updateStep } from '../editor/content-ops';
import { IssueScope, useFieldIssues } from '../editor/field-issues';
import { ArtefactList } from './artefacts/artefact-list';
import { MarkdownTextarea } from './markdown-textarea';
import type { DraftEditor } from '../editor/use-draft-editor';

interface StepEditorProps {
  content: ModuleContent;
  step: Step;
  redFlags: readonly RedFlagView[];
  update: DraftEditor['update'];
  onDelete: () => void;
  /** Choice to scroll into view and highlight (when an edge was selected). */
  focusedChoiceId?: string;
}

/** The side panel for one step: its text, ending, choices and artefacts, each with its problems. */
export function StepEditor(props: StepEditorProps) {
  const index = props.content.scenario.steps.findIndex((s) => s.id === props.step.id);
  return (
    <IssueScope path={`scenario.steps[${index}]`}>
      <StepForm {...props} />
    </IssueScope>
  );
}

function StepForm({ content, step, redFlags, update, onDelete, focusedChoiceId }: StepEditorProps) {
  const { errorAt, errorWithin } = useFieldIssues();
  const stepProblems = [errorAt(''), errorAt('id')].filter(Boolean).join(' ');
  const isStart = content.scenario.start === step.id;
  const change = (patch: Partial<Step>, key: string) =>
    update((c) => updateStep(c, step.id, (s) => ({ ...s, ...patch })), `${step.id}.${key}`);
  const changeChoice = (choice: Choice, patch: Partial<Choice>, key: string) =>
    update((c) => updateChoice(c, step.id, choice.id, patch), `${step.id}.${choice.id}.${key}`);
  const stepOptions = content.scenario.steps.map((s) => ({ value: s.id, label: `${s.title} (${s.id})` }));
  const flagOptions = redFlags.map((flag) => ({ value: flag.key, label: flag.title }));

  return (
    <Stack gap="md" data-testid="step-editor">
      <Group justify="space-between" align="center">
        <Title order={2} fz="h4">
          Step
        </Title>
        <Group gap="xs">
          {isStart ? (
            <Badge color="blue" leftSection={<IconPlayerPlay size={12} aria-hidden />}>
              Start step
            </Badge>
          ) : (
            <Button
              size="xs"
              variant="light"
              onClick={() => update((c) => ({ ...c, scenario: { ...c.scenario, start: step.id } }))}
            >
              Set as start step
            </Button>
          )}
          <Button
            size="xs"
            variant="light"
            color="red"
            leftSection={<IconTrash size={14} aria-hidden />}
            onClick={onDelete}
            disabled={content.scenario.steps.length <= 1}
          >
            Delete step
          </Button>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        Id: {step.id}
      </Text>
      {stepProblems && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertCircle aria-hidden />}
          p="xs"
          data-testid="step-problems"
        >
          {stepProblems}
        </Alert>
      )}
      <TextInput
        label="Title"
        value={step.title}
        onChange={(e) => change({ title: e.currentTarget.value }, 'title')}
        error={errorAt('title')}
        required
      />
      <MarkdownTextarea
        label="Narrative"
        description="What the learner reads at this step."
        value={step.narrative}
        onChange={(e) => change({ narrative: e.currentTarget.value }, 'narrative')}
        minRows={4}
        maxRows={14}
        maxLength={6000}
        error={errorAt('narrative')}
        required
      />
      <Switch
        label="Ending"
        description="An ending closes the scenario with a debrief; it has no choices."
        checked={step.ending !== undefined}
        onChange={(e) =>
          change(
            {
              ending: e.currentTarget.checked
                ? { outcome: 'safe', debrief: 'Explain the outcome.' }
                : undefined,
            },
            'ending',
          )
        }
      />
      {step.ending && (
        <Paper withBorder radius="md" p="sm">
          <Stack gap="sm">
            <Stack gap={4}>
              <Text size="sm" fw={500} id={`outcome-${step.id}`}>
                Outcome
              </Text>
              <SegmentedControl
                aria-labelledby={`outcome-${step.id}`}
                value={step.ending.outcome}
                data={[
                  { value: 'safe', label: 'Safe' },
                  { value: 'compromised', label: 'Compromised' },
                ]}
                onChange={(value) =>
                  step.ending &&
                  change({ ending: { ...step.ending, outcome: value as 'safe' | 'compromised' } }, 'outcome')
                }
              />
            </Stack>
            <MarkdownTextarea
              label="Debrief"
              description="What the learner reads when the scenario ends here."
              value={step.ending.debrief}
              onChange={(e) =>
                step.ending &&
                change({ ending: { ...step.ending, debrief: e.currentTarget.value } }, 'debrief')
              }
              minRows={3}
              maxLength={4000}
              error={errorAt('ending.debrief')}
              required
            />
          </Stack>
        </Paper>
      )}

      {(!step.ending || step.choices.length > 0) && (
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={3} fz="h5">
              Choices ({step.choices.length})
            </Title>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              disabled={step.choices.length >= 6 || step.ending !== undefined}
              onClick={() => update((c) => addChoice(c, step.id, step.id))}
            >
              Add choice
            </Button>
          </Group>
          {step.ending ? (
            <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />} p="xs">
              An ending has no choices: remove these.
            </Alert>
          ) : (
            errorAt('choices') && (
              <Text size="sm" c="red.8" role="note">
                {errorAt('choices')}
              </Text>
            )
          )}
          {step.choices.map((choice, index) => (
            <Paper
              key={choice.id}
              withBorder
              radius="md"
              p="sm"
              component="fieldset"
              style={
                focusedChoiceId === choice.id ? { borderColor: 'var(--mantine-color-blue-6)' } : undefined
              }
              data-testid="choice-editor"
            >
              <Stack gap="xs">
                <Group justify="space-between">
                  <Text component="legend" size="sm" fw={600}>
                    Choice {index + 1}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove choice ${index + 1}`}
                    onClick={() =>
                      update((c) =>
                        updateStep(c, step.id, (s) => ({
                          ...s,
                          choices: s.choices.filter((x) => x.id !== choice.id),
                        })),
                      )
                    }
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
                {errorAt(`choices[${index}].id`) && (
                  <Text size="sm" c="red.8" role="note">
                    {errorAt(`choices[${index}].id`)}
                  </Text>
                )}
                <TextInput
                  label="Label"
                  value={choice.label}
                  onChange={(e) => changeChoice(choice, { label: e.currentTarget.value }, 'label')}
                  error={errorAt(`choices[${index}].label`)}
                  required
                />
                <Select
                  label="Next step"
                  data={stepOptions}
                  value={choice.next}
                  onChange={(value) => value && changeChoice(choice, { next: value }, 'next')}
                  error={errorAt(`choices[${index}].next`)}
                  allowDeselect={false}
                  searchable
                />
                <MarkdownTextarea
                  label="Feedback"
                  description="Shown right after the learner picks this choice."
                  value={choice.feedback}
                  onChange={(e) => changeChoice(choice, { feedback: e.currentTarget.value }, 'feedback')}
                  minRows={2}
                  error={errorAt(`choices[${index}].feedback`)}
                  required
                />
                <MultiSelect
                  label="Red flags"
                  data={flagOptions}
                  value={choice.redFlags}
                  onChange={(value) => changeChoice(choice, { redFlags: value }, 'redFlags')}
                  error={errorWithin(`choices[${index}].redFlags`)}
                  searchable
                  clearable
                />
                <NumberInput
                  label="Points"
                  description="0–3; the best judgement scores highest."
                  min={0}
                  max={3}
                  clampBehavior="strict"
                  allowDecimal={false}
                  value={choice.points}
                  onChange={(value) =>
                    changeChoice(choice, { points: typeof value === 'number' ? value : 0 }, 'points')
                  }
                />
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}

      <ArtefactList step={step} update={update} />
    </Stack>
  );
}
