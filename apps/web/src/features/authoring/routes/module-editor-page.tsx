import { CHANGE_NOTE_MAX_LENGTH, type AuthoringModuleDetail } from '@countersign/contracts/authoring';
import type { ValidationIssue } from '@countersign/scenario-engine';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Checkbox,
  CloseButton,
  Group,
  Modal,
  NumberInput,
  Paper,
  ScrollArea,
  Stack,
  Tabs,
  Text,
  Textarea,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconAlertCircle,
  IconArrowBackUp,
  IconArrowForwardUp,
  IconCircleCheck,
  IconEye,
  IconHistory,
  IconLayoutDistributeVertical,
  IconPlus,
  IconRefresh,
  IconRocket,
  IconTrash,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useBlocker, useParams } from 'react-router';
import { useWorkspaceLayout } from '../../../app/layout/nav-collapse';
import { ErrorState } from '../../../components/ui/error-state';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoader } from '../../../components/ui/page-loader';
import { isApiError } from '../../../lib/api-client';
import { moduleDetailQueryOptions, useModuleDetail, usePublishModule } from '../api/module';
import { useRedFlags } from '../api/red-flags';
import { lengthHint } from '../components/artefacts/form-parts';
import { EditorWorkspace } from '../components/editor-workspace';
import { PreviewModal, type PreviewRequest } from '../components/preview-modal';
import { QuizEditor } from '../components/quiz-editor';
import { SaveStatus } from '../components/save-status';
import { ScenarioCanvas } from '../components/scenario-canvas';
import { StepEditor } from '../components/step-editor';
import { StepsList } from '../components/steps-list';
import { ValidationPanel } from '../components/validation-panel';
import {
  addChoice,
  addStep,
  autoLayout,
  removeElements,
  stepOfIssue,
  updateStep,
} from '../editor/content-ops';
import { FieldIssuesProvider } from '../editor/field-issues';
import type { Selection } from '../editor/selection';
import { useDraftEditor, type DraftEditor } from '../editor/use-draft-editor';

/** The route: loads the module, then hands it to the editor. */
export function ModuleEditorPage() {
  const { moduleId = '' } = useParams();
  const detail = useModuleDetail(moduleId);
  // The canvas needs the width: the app's navigation starts collapsed here (and remembers).
  useWorkspaceLayout();

  if (detail.isPending) return <PageLoader label="Loading the module" />;
  if (detail.isError) {
    return (
      <>
        <PageHeader title="Edit module" />
        <ErrorState
          error={detail.error}
          title={
            isApiError(detail.error) && detail.error.isNotFound
              ? 'Module not found'
              : 'Could not load the module'
          }
          onRetry={() => void detail.refetch()}
        />
      </>
    );
  }
  return <ModuleEditor key={moduleId} moduleId={moduleId} detail={detail.data} />;
}

function UnsavedChangesGuard({ editor }: { editor: DraftEditor }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => editor.dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!editor.dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [editor.dirty]);

  return (
    <Modal
      opened={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title="Leave with unsaved changes?"
      centered
    >
      <Stack gap="md">
        <Text size="sm">Your latest changes have not been saved yet. If you leave now they are lost.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => blocker.reset?.()}>
            Stay
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            Leave anyway
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PublishButton({
  moduleId,
  editor,
  onPublished,
}: {
  moduleId: string;
  editor: DraftEditor;
  onPublished: (detail: AuthoringModuleDetail) => void;
}) {
  const [opened, setOpened] = useState(false);
  const [note, setNote] = useState('');
  const [again, setAgain] = useState(false);
  const [againDays, setAgainDays] = useState<number | string>(30);
  const publish = usePublishModule(moduleId);
  const noteError = isApiError(publish.error, 400) ? publish.error.fieldErrors().note : undefined;
  const blocked = editor.issues.length > 0 || editor.dirty || editor.status !== 'saved' || !editor.hasDraft;
  const reason =
    editor.issues.length > 0
      ? 'Fix the problems first'
      : editor.dirty || editor.status !== 'saved'
        ? 'Wait for the draft to be saved'
        : !editor.hasDraft
          ? 'No changes since the last published version'
          : undefined;

  const confirm = () =>
    publish.mutate(
      { note, requireRecompletion: again ? { dueDays: Number(againDays) || 30 } : null },
      {
        onSuccess: (detail) => {
          setOpened(false);
          setNote('');
          setAgain(false);
          onPublished(detail);
          notifications.show({
            color: 'green',
            title: `Published version ${detail.published?.version ?? ''}`.trim(),
            message: again
              ? 'Everyone who completed an earlier version has it to complete again.'
              : 'New assignments use this version.',
          });
        },
        onError: (error) => {
          if (isApiError(error, 422) && Array.isArray(error.details)) {
            editor.showIssues(error.details as ValidationIssue[]);
            setOpened(false);
          }
        },
      },
    );

  return (
    <>
      <Button
        leftSection={<IconRocket size={16} aria-hidden />}
        onClick={() => {
          publish.reset();
          setOpened(true);
        }}
        disabled={blocked}
        title={reason}
        data-testid="publish"
      >
        Publish
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Publish this draft?" centered>
        <Stack gap="md">
          <Text size="sm">
            Publishing freezes this draft as a new version. People assigned the module from now on play it;
            later edits start a new draft.
          </Text>
          <Textarea
            label="What changed (optional)"
            description={lengthHint(note, CHANGE_NOTE_MAX_LENGTH, 'Shown in the module’s history.')}
            placeholder="For example: a new step on fake invoices, after last month’s reports."
            autosize
            minRows={3}
            maxRows={8}
            maxLength={CHANGE_NOTE_MAX_LENGTH}
            value={note}
            onChange={(event) => {
              setNote(event.currentTarget.value);
              if (noteError) publish.reset();
            }}
            error={noteError}
            disabled={publish.isPending}
            data-autofocus
            data-testid="publish-note"
          />
          <Checkbox
            label="Everyone must complete it again"
            description="People who completed an earlier version get it assigned anew; their completion stays on record."
            checked={again}
            onChange={(event) => setAgain(event.currentTarget.checked)}
            disabled={publish.isPending}
          />
          {again && (
            <NumberInput
              label="Days to complete it again"
              min={1}
              max={3650}
              value={againDays}
              onChange={setAgainDays}
              disabled={publish.isPending}
              maw={220}
            />
          )}
          {publish.isError && !noteError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert" p="sm">
              {publish.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)} disabled={publish.isPending}>
              Cancel
            </Button>
            <Button onClick={confirm} loading={publish.isPending}>
              Publish
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function ModuleEditor({ moduleId, detail }: { moduleId: string; detail: AuthoringModuleDetail }) {
  const editor = useDraftEditor(moduleId, detail);
  const { content, update } = editor;
  const queryClient = useQueryClient();
  const redFlags = useRedFlags();
  const [selection, setSelection] = useState<Selection>(null);
  const [tab, setTab] = useState<string | null>('scenario');
  const [reloading, setReloading] = useState(false);
  const [fitKey, setFitKey] = useState(0);
  const refit = () => setFitKey((key) => key + 1);
  const [reveal, setReveal] = useState<{ stepId: string; key: number } | null>(null);
  const [preview, setPreview] = useState<PreviewRequest | null>(null);
  const panelRef = useRef<HTMLElement>(null);
  const openPreview = (fromStepId: string) => setPreview({ content, fromStepId });

  useHotkeys([
    ['mod+Z', editor.undo],
    ['mod+shift+Z', editor.redo],
  ]);

  const stepsWithErrors = useMemo(
    () =>
      new Set(
        editor.issues
          .map((issue) => stepOfIssue(content, issue))
          .filter((id): id is string => id !== undefined),
      ),
    [editor.issues, content],
  );

  const selectedStep =
    selection && content.scenario.steps.find((step) => step.id === selection.stepId)
      ? content.scenario.steps.find((step) => step.id === selection.stepId)
      : undefined;

  /** Opens a step in the panel; from the list or the problems, also shows it on the canvas and moves focus to the panel. */
  const selectStep = useCallback((stepId: string, fromOutside = false) => {
    setTab('scenario');
    setSelection({ kind: 'step', stepId });
    if (!fromOutside) return;
    setReveal((previous) => ({ stepId, key: (previous?.key ?? 0) + 1 }));
    requestAnimationFrame(() => panelRef.current?.focus({ preventScroll: true }));
  }, []);

  /** A click on the canvas: if opening the panel hides the step, bring it back into view. */
  const selectOnCanvas = useCallback((next: Selection) => {
    setSelection(next);
    if (next?.kind === 'step')
      setReveal((previous) => ({ stepId: next.stepId, key: (previous?.key ?? 0) + 1 }));
  }, []);

  const moveStep = useCallback(
    (stepId: string, position: { x: number; y: number }) =>
      update((c) => updateStep(c, stepId, (s) => ({ ...s, position })), `move.${stepId}`),
    [update],
  );
  const connect = useCallback((from: string, to: string) => update((c) => addChoice(c, from, to)), [update]);
  const remove = useCallback(
    (stepIds: string[], choices: { stepId: string; choiceId: string }[]) => {
      update((c) => removeElements(c, stepIds, choices));
      setSelection(null);
    },
    [update],
  );

  const add = (kind: 'step' | 'ending') => {
    const steps = content.scenario.steps;
    const anchor = selectedStep?.position;
    const position = anchor
      ? { x: anchor.x + 300, y: anchor.y + 40 }
      : { x: 0, y: Math.max(0, ...steps.map((s) => (s.position?.y ?? 0) + 170)) };
    const result = addStep(content, kind, position);
    update(() => result.content);
    setSelection({ kind: 'step', stepId: result.stepId });
    refit();
  };

  const deleteSelection = () => {
    if (!selection) return;
    if (selection.kind === 'step') remove([selection.stepId], []);
    else remove([], [{ stepId: selection.stepId, choiceId: selection.choiceId }]);
  };

  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await queryClient.fetchQuery({ ...moduleDetailQueryOptions(moduleId), staleTime: 0 });
      editor.reset(fresh);
      setSelection(null);
    } catch (error) {
      notifications.show({
        color: 'red',
        title: 'Could not reload the draft',
        message: error instanceof Error ? error.message : 'Try again.',
      });
    } finally {
      setReloading(false);
    }
  };

  const { module } = detail;
  const versionNote = editor.hasDraft
    ? `Draft of version ${detail.draft?.version ?? (detail.published?.version ?? 0) + 1}`
    : `Published version ${detail.published?.version ?? '—'}; editing starts a new draft`;

  return (
    <FieldIssuesProvider issues={editor.issues}>
      <UnsavedChangesGuard editor={editor} />
      <Anchor component={Link} to="/admin/modules" size="sm">
        ← Module library
      </Anchor>
      <PageHeader
        title={`Edit: ${module.title}`}
        description={
          <>
            {versionNote}
            {editor.issues.length === 0 && (
              <Text span size="sm" c="green.9" ml="sm" data-testid="validation-ok">
                <IconCircleCheck size={14} aria-hidden style={{ verticalAlign: -2, marginRight: 4 }} />
                No problems found: it can be published.
              </Text>
            )}
            {module.archived && (
              <Badge ml="xs" color="gray" size="sm">
                Archived
              </Badge>
            )}
          </>
        }
        actions={
          <Group gap="sm">
            <SaveStatus editor={editor} />
            <Tooltip label="Undo (Ctrl+Z)">
              <ActionIcon
                variant="default"
                size={36}
                aria-label="Undo"
                onClick={editor.undo}
                disabled={!editor.canUndo}
              >
                <IconArrowBackUp size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Redo (Shift+Ctrl+Z)">
              <ActionIcon
                variant="default"
                size={36}
                aria-label="Redo"
                onClick={editor.redo}
                disabled={!editor.canRedo}
              >
                <IconArrowForwardUp size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Button
              component={Link}
              to={`/admin/modules/${encodeURIComponent(moduleId)}/history`}
              variant="default"
              leftSection={<IconHistory size={16} aria-hidden />}
            >
              History
            </Button>
            <Button
              variant="light"
              leftSection={<IconEye size={16} aria-hidden />}
              onClick={() => openPreview(content.scenario.start)}
              title="Play the draft as a learner would; nothing is recorded"
              data-testid="preview-open"
            >
              Preview
            </Button>
            <PublishButton moduleId={moduleId} editor={editor} onPublished={editor.reset} />
          </Group>
        }
      />

      {editor.status === 'conflict' && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertCircle aria-hidden />}
          title="The draft was changed elsewhere"
          role="alert"
          mb="md"
        >
          <Stack gap="sm" align="flex-start">
            <Text size="sm">
              Someone saved this draft since you opened it, so your latest changes were not saved. Reload to
              continue from their version.
            </Text>
            <Button
              size="xs"
              color="red"
              leftSection={<IconRefresh size={14} aria-hidden />}
              onClick={() => void reload()}
              loading={reloading}
            >
              Reload
            </Button>
          </Stack>
        </Alert>
      )}
      {editor.status === 'error' && editor.errorMessage && (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert" mb="md" p="sm">
          Not saved: {editor.errorMessage}
        </Alert>
      )}
      {redFlags.isError && (
        <Alert color="orange" variant="light" mb="md" p="sm">
          The red-flag catalogue could not be loaded, so red flags can’t be picked right now.
        </Alert>
      )}

      {editor.issues.length > 0 && (
        <Paper withBorder radius="lg" p="sm" px="md" mb="md" component="section" aria-labelledby="problems">
          <Group gap="md" align="flex-start" wrap="nowrap">
            <Title order={2} fz="h5" id="problems" style={{ flexShrink: 0 }}>
              Problems
            </Title>
            <ScrollArea.Autosize mah={132} type="auto" style={{ flex: 1 }}>
              <ValidationPanel
                content={content}
                issues={editor.issues}
                onSelectStep={(stepId) => selectStep(stepId, true)}
                onSelectQuiz={() => setTab('quiz')}
              />
            </ScrollArea.Autosize>
          </Group>
        </Paper>
      )}

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="scenario">Scenario</Tabs.Tab>
          <Tabs.Tab value="quiz">Quiz ({content.quiz.questions.length})</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="scenario">
          <VisuallyHidden component="h2">Scenario canvas</VisuallyHidden>
          <EditorWorkspace
            toolbar={
              <>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => add('step')}
                >
                  Add step
                </Button>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => add('ending')}
                >
                  Add ending
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconLayoutDistributeVertical size={14} aria-hidden />}
                  onClick={() => {
                    update(autoLayout);
                    refit();
                  }}
                >
                  Auto-layout
                </Button>
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  leftSection={<IconTrash size={14} aria-hidden />}
                  onClick={deleteSelection}
                  disabled={!selection || (selection.kind === 'step' && content.scenario.steps.length <= 1)}
                >
                  {selection?.kind === 'choice' ? 'Delete choice' : 'Delete step'}
                </Button>
              </>
            }
            steps={
              <StepsList
                content={content}
                selectedStepId={selectedStep?.id ?? null}
                stepsWithErrors={stepsWithErrors}
                onSelect={(stepId) => selectStep(stepId, true)}
              />
            }
            canvas={
              <ScenarioCanvas
                content={content}
                selection={selection}
                stepsWithErrors={stepsWithErrors}
                onSelect={selectOnCanvas}
                onMoveStep={moveStep}
                onConnect={connect}
                onDelete={remove}
                fitKey={fitKey}
                reveal={reveal}
              />
            }
            panel={
              selectedStep ? (
                <section aria-label="Selected step" ref={panelRef} tabIndex={-1} style={{ outline: 'none' }}>
                  <Group
                    justify="space-between"
                    gap="xs"
                    px="md"
                    py="xs"
                    pos="sticky"
                    top={0}
                    bg="var(--mantine-color-body)"
                    style={{ zIndex: 2, borderBottom: '1px solid var(--mantine-color-default-border)' }}
                  >
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconEye size={14} aria-hidden />}
                      onClick={() => openPreview(selectedStep.id)}
                    >
                      Preview from this step
                    </Button>
                    <CloseButton aria-label="Close the step editor" onClick={() => setSelection(null)} />
                  </Group>
                  <Box p="md">
                    <StepEditor
                      key={selectedStep.id}
                      content={content}
                      step={selectedStep}
                      redFlags={redFlags.data ?? []}
                      update={update}
                      onDelete={() => remove([selectedStep.id], [])}
                      focusedChoiceId={selection?.kind === 'choice' ? selection.choiceId : undefined}
                    />
                  </Box>
                </section>
              ) : null
            }
          />
          <Text size="xs" c="dimmed" mt="xs">
            Select a step in the list or on the canvas to edit it. Drag from a step’s right handle to another
            step to add a choice; select a step or choice and press Delete to remove it. Drag the step panel’s
            edge, or focus it and use the arrow keys, to resize it.
          </Text>
        </Tabs.Panel>

        <Tabs.Panel value="quiz">
          <Title order={2} fz="h4" mb="md">
            Quiz
          </Title>
          <QuizEditor quiz={content.quiz} redFlags={redFlags.data ?? []} update={update} />
        </Tabs.Panel>
      </Tabs>

      {preview && (
        <PreviewModal
          request={preview}
          module={{
            id: moduleId,
            title: module.title,
            version: detail.draft?.version ?? (detail.published?.version ?? 0) + 1,
          }}
          redFlags={redFlags.data}
          issues={editor.issues}
          onClose={() => setPreview(null)}
        />
      )}
    </FieldIssuesProvider>
  );
}
