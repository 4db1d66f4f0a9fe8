import type { Artefact } from '@countersign/scenario-engine';
import { Box, Button, Grid, Group, Modal, Text, Title } from '@mantine/core';
import { ArtefactView } from '../../../learning/components/artefacts/artefact-view';
import type { DraftEditor } from '../../editor/use-draft-editor';
import { artefactKindLabel, updateArtefact, type ArtefactKind } from './artefact-ops';
import { EmailEditor } from './email-editor';
import type { ArtefactChange } from './form-parts';
import { InvitationEditor } from './invitation-editor';
import { ProfileEditor } from './profile-editor';
import { ThreadEditor } from './thread-editor';

interface ArtefactEditorModalProps {
  stepId: string;
  /** The artefact being edited, or undefined when the editor is closed. */
  index: number | null;
  artefact: Artefact | undefined;
  update: DraftEditor['update'];
  onClose: () => void;
}

/**
 * One artefact's form on the left and, on the right, the learner's own rendering of it, which
 * follows every keystroke. Changes go straight into the draft (autosaved, undoable) like every
 * other edit; there is nothing to confirm.
 */
export function ArtefactEditorModal({ stepId, index, artefact, update, onClose }: ArtefactEditorModalProps) {
  const opened = index !== null && artefact !== undefined;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="min(72rem, 96vw)"
      returnFocus={false}
      title={
        artefact
          ? `Edit ${artefactKindLabel(artefact.kind).toLowerCase()} (artefact ${(index ?? 0) + 1})`
          : ''
      }
      data-testid="artefact-editor"
    >
      {opened && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <ArtefactForm stepId={stepId} index={index} artefact={artefact} update={update} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Box
              component="section"
              aria-labelledby="artefact-preview-heading"
              // Below the dialog's own sticky header (about 60 px) while the form scrolls.
              style={{ position: 'sticky', top: 76 }}
              data-testid="artefact-preview"
            >
              <Title order={3} fz="sm" fw={600} c="dimmed" id="artefact-preview-heading" mb={4}>
                How learners see it
              </Title>
              <Text size="xs" c="dimmed" mb="sm">
                Updates as you type. Changes are saved automatically; use Undo in the toolbar to take one
                back.
              </Text>
              <ArtefactView artefact={artefact} />
            </Box>
          </Grid.Col>
          <Grid.Col span={12}>
            <Group justify="flex-end">
              <Button onClick={onClose}>Done</Button>
            </Group>
          </Grid.Col>
        </Grid>
      )}
    </Modal>
  );
}

function ArtefactForm({
  stepId,
  index,
  artefact,
  update,
}: {
  stepId: string;
  index: number;
  artefact: Artefact;
  update: DraftEditor['update'];
}) {
  /** Edits of one field of this artefact coalesce into one undo step. */
  const changer =
    <K extends ArtefactKind>(kind: K): ArtefactChange<Extract<Artefact, { kind: K }>> =>
    (change, key) =>
      update(
        (content) => updateArtefact(content, stepId, index, kind, change),
        key === undefined ? undefined : `${stepId}.artefacts.${index}.${key}`,
      );

  const form = (() => {
    switch (artefact.kind) {
      case 'profile':
        return <ProfileEditor profile={artefact} onChange={changer('profile')} />;
      case 'thread':
        return <ThreadEditor thread={artefact} onChange={changer('thread')} />;
      case 'email':
        return <EmailEditor email={artefact} onChange={changer('email')} />;
      case 'invitation':
        return <InvitationEditor invitation={artefact} onChange={changer('invitation')} />;
    }
  })();
  return (
    <Box component="section" aria-label="Artefact details">
      {form}
    </Box>
  );
}
