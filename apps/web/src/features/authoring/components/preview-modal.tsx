import type { AttemptState } from '@countersign/contracts/learning';
import type { RedFlagView } from '@countersign/contracts/training';
import { validateModule, type ModuleContent, type ValidationIssue } from '@countersign/scenario-engine';
import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconEye, IconRefresh, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Player } from '../../learning/components/player';
import { PlayerHeader } from '../../learning/components/player-header';
import { usePreviewDriver } from '../editor/use-preview-driver';
import classes from './preview-modal.module.css';

const NO_FLAGS: readonly RedFlagView[] = [];

export interface PreviewRequest {
  /** A snapshot of the draft when the preview opened: later edits don't shift it mid-play. */
  content: ModuleContent;
  fromStepId: string;
}

interface PreviewModalProps {
  request: PreviewRequest;
  module: AttemptState['module'];
  /** The catalogue, once loaded; red flags show only then. */
  redFlags: readonly RedFlagView[] | undefined;
  /** The editor's problems, used while the catalogue (needed to check the draft here) is loading. */
  issues: readonly ValidationIssue[];
  onClose: () => void;
}

interface PreviewPlayerProps {
  content: ModuleContent;
  module: AttemptState['module'];
  fromStepId: string;
  redFlags: readonly RedFlagView[];
  onRestart: () => void;
  onClose: () => void;
}

/** One run of the preview; remounted to restart. */
function PreviewPlayer({ content, module, fromStepId, redFlags, onRestart, onClose }: PreviewPlayerProps) {
  const { driver, problem } = usePreviewDriver({ content, module, fromStepId, redFlags });
  if (!driver) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
        {problem}
      </Alert>
    );
  }
  const { state } = driver;
  const stuck = state.phase === 'scenario' && !state.ending && state.step.choices.length === 0;
  return (
    <Stack gap="lg">
      <PlayerHeader state={state} />
      {stuck && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          A learner would be stuck at “{state.step.title}”: it has no choices and is not an ending.
        </Alert>
      )}
      {state.quiz && state.quiz.questions.length === 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          The quiz has no questions, so nobody could pass it.
        </Alert>
      )}
      <Player
        driver={driver}
        finishAction={
          <>
            <Button leftSection={<IconRefresh size={16} aria-hidden />} onClick={onRestart}>
              Play again
            </Button>
            <Button variant="default" onClick={onClose}>
              Back to the editor
            </Button>
          </>
        }
      />
    </Stack>
  );
}

/**
 * Plays the draft full screen exactly as a learner would, with the learner's own player, from
 * the start step or any other. Runs in the browser: nothing is sent, scored or recorded.
 */
export function PreviewModal({ request, module, redFlags, issues, onClose }: PreviewModalProps) {
  const { content } = request;
  const [fromStepId, setFromStepId] = useState(request.fromStepId);
  const [run, setRun] = useState(0);
  const restart = () => setRun((n) => n + 1);

  // The draft's problems as they are now, saved or not (the catalogue is needed for red flags).
  const problems = useMemo(
    () =>
      redFlags
        ? validateModule(content, { redFlagKeys: redFlags.map((flag) => flag.key) }).issues.length
        : issues.length,
    [content, redFlags, issues],
  );

  const stepOptions = useMemo(() => {
    const seen = new Set<string>();
    return content.scenario.steps.flatMap((step) => {
      if (seen.has(step.id)) return [];
      seen.add(step.id);
      const marks = [
        step.id === content.scenario.start ? 'start' : null,
        step.ending ? `${step.ending.outcome} ending` : null,
      ].filter(Boolean);
      return [
        {
          value: step.id,
          label: `${step.title || 'Untitled step'}${marks.length ? ` (${marks.join(', ')})` : ''}`,
        },
      ];
    });
  }, [content]);

  return (
    <Modal.Root opened onClose={onClose} fullScreen>
      <Modal.Overlay />
      <Modal.Content data-testid="preview">
        <Modal.Header className={classes.header}>
          <Group justify="space-between" w="100%" gap="sm">
            <Group gap="xs" wrap="nowrap">
              <IconEye size={22} aria-hidden />
              <Modal.Title fw={700} fz="lg">
                Preview — nothing is recorded
              </Modal.Title>
            </Group>
            <Group gap="sm" align="flex-end">
              <Select
                label="Start from"
                size="xs"
                w={260}
                data={stepOptions}
                value={fromStepId}
                onChange={(value) => {
                  if (!value) return;
                  setFromStepId(value);
                  restart();
                }}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
              />
              <Button
                size="xs"
                variant="default"
                leftSection={<IconRefresh size={14} aria-hidden />}
                onClick={restart}
              >
                Restart
              </Button>
              <Button size="xs" leftSection={<IconX size={14} aria-hidden />} onClick={onClose}>
                Close preview
              </Button>
            </Group>
          </Group>
        </Modal.Header>
        <Modal.Body>
          <Stack gap="lg" maw={860} mx="auto" py="lg" data-testid="preview-player">
            {problems > 0 && (
              <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} p="sm">
                <Text size="sm">
                  This draft has {problems === 1 ? '1 problem' : `${problems} problems`}, so it cannot be
                  published yet. The preview plays what it can; see Problems in the editor.
                </Text>
              </Alert>
            )}
            <PreviewPlayer
              key={`${fromStepId}:${run}`}
              content={content}
              module={module}
              fromStepId={fromStepId}
              redFlags={redFlags ?? NO_FLAGS}
              onRestart={restart}
              onClose={onClose}
            />
          </Stack>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
