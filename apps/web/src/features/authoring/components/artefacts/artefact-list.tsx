import type { Step } from '@countersign/scenario-engine';
import { ActionIcon, Badge, Button, Group, Menu, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import {
  IconAddressBook,
  IconCalendarEvent,
  IconChevronDown,
  IconMail,
  IconMessages,
  IconPencil,
  IconPlus,
} from '@tabler/icons-react';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { PlainList } from '../../../../components/ui/plain-list';
import { ArtefactView } from '../../../learning/components/artefacts/artefact-view';
import { useFieldIssues } from '../../editor/field-issues';
import type { DraftEditor } from '../../editor/use-draft-editor';
import { ArtefactEditorModal } from './artefact-editor-modal';
import {
  addArtefact,
  ARTEFACT_KINDS,
  ARTEFACT_LIMITS,
  artefactSummary,
  moveArtefact,
  removeArtefact,
  type ArtefactKind,
} from './artefact-ops';
import { focusSoon, ItemActions } from './form-parts';

const KIND_ICONS: Record<ArtefactKind, ReactNode> = {
  profile: <IconAddressBook size={16} aria-hidden />,
  thread: <IconMessages size={16} aria-hidden />,
  email: <IconMail size={16} aria-hidden />,
  invitation: <IconCalendarEvent size={16} aria-hidden />,
};

interface ArtefactListProps {
  step: Step;
  update: DraftEditor['update'];
}

/**
 * A step's artefacts as learners see them, in order, with add, edit, reorder and remove. Editing
 * opens a wide dialog (the side panel is too narrow for a form beside its preview).
 */
export function ArtefactList({ step, update }: ArtefactListProps) {
  const group = useId();
  const [editing, setEditing] = useState<number | null>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  // The menu gives its button an id of its own, so focus goes back to it by reference.
  const addButton = useRef<HTMLButtonElement>(null);
  const { artefacts } = step;
  const { countWithin } = useFieldIssues();
  const full = artefacts.length >= ARTEFACT_LIMITS.perStep;

  // An undo can take away the artefact being edited: close its editor for good, so that a redo
  // does not reopen it out of the blue.
  const editingGone = editing !== null && artefacts[editing] === undefined;
  useEffect(() => {
    if (editingGone) setEditing(null);
  }, [editingGone]);

  const add = (kind: ArtefactKind) => {
    update((c) => addArtefact(c, step.id, kind));
    setEditing(artefacts.length);
  };
  const cancelRemove = () => {
    if (removing !== null) focusSoon(`${group}-${removing}-remove`);
    setRemoving(null);
  };
  const confirmRemove = () => {
    if (removing === null) return;
    update((c) => removeArtefact(c, step.id, removing));
    setRemoving(null);
    requestAnimationFrame(() => addButton.current?.focus());
  };
  const toRemove = removing === null ? undefined : artefacts[removing];

  return (
    <Stack gap="sm" data-testid="artefact-list">
      <Group justify="space-between">
        <Title order={3} fz="h5">
          Artefacts ({artefacts.length} of {ARTEFACT_LIMITS.perStep})
        </Title>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button
              ref={addButton}
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              rightSection={<IconChevronDown size={14} aria-hidden />}
              disabled={full}
              data-testid="add-artefact"
            >
              Add artefact
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {ARTEFACT_KINDS.map(({ kind, label, description }) => (
              <Menu.Item key={kind} leftSection={KIND_ICONS[kind]} onClick={() => add(kind)}>
                <Text size="sm">{label}</Text>
                <Text size="xs" c="dimmed">
                  {description}
                </Text>
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
      <Text size="xs" c="dimmed">
        {full
          ? `A step can show at most ${ARTEFACT_LIMITS.perStep} artefacts. Remove one to add another.`
          : 'Simulated profiles, messages, emails or invitations shown with the narrative, in this order.'}
      </Text>

      {artefacts.length > 0 && (
        <PlainList ordered gap="sm" aria-label="Artefacts of this step">
          {artefacts.map((artefact, index) => {
            const summary = artefactSummary(artefact);
            const problems = countWithin(`artefacts[${index}]`);
            return (
              <Paper key={index} component="li" withBorder radius="md" p="xs" data-testid="artefact-item">
                <Group justify="space-between" wrap="nowrap" gap="xs" mb="xs">
                  <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                    {KIND_ICONS[artefact.kind]}
                    <Text size="sm" fw={600} truncate title={summary}>
                      {index + 1}. {summary}
                    </Text>
                    {problems > 0 && (
                      <Badge color="red" variant="light" size="sm" style={{ flexShrink: 0 }}>
                        {problems === 1 ? '1 problem' : `${problems} problems`}
                      </Badge>
                    )}
                  </Group>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon
                      id={`${group}-${index}-edit`}
                      variant="subtle"
                      aria-label={`Edit artefact ${index + 1}`}
                      onClick={() => setEditing(index)}
                      data-testid="edit-artefact"
                    >
                      <IconPencil size={16} aria-hidden />
                    </ActionIcon>
                    <ItemActions
                      group={group}
                      name={`artefact ${index + 1}`}
                      index={index}
                      count={artefacts.length}
                      onMove={(from, to) => update((c) => moveArtefact(c, step.id, from, to))}
                      onRemove={() => setRemoving(index)}
                    />
                  </Group>
                </Group>
                <ArtefactView artefact={artefact} />
              </Paper>
            );
          })}
        </PlainList>
      )}

      <ArtefactEditorModal
        stepId={step.id}
        index={editing}
        artefact={editing === null ? undefined : artefacts[editing]}
        update={update}
        onClose={() => {
          // Back to the artefact's own Edit button (the menu item that opened a new one is gone).
          if (editing !== null) focusSoon(`${group}-${editing}-edit`);
          setEditing(null);
        }}
      />

      <Modal
        opened={toRemove !== undefined}
        onClose={cancelRemove}
        title="Remove this artefact?"
        centered
        returnFocus={false}
      >
        <Stack gap="md">
          <Text size="sm">
            {toRemove ? `“${artefactSummary(toRemove)}” will be removed from this step.` : ''} You can take it
            back with Undo.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={cancelRemove}>
              Cancel
            </Button>
            <Button color="red" onClick={confirmRemove} data-testid="confirm-remove-artefact">
              Remove artefact
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
