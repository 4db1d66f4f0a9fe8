import type { InvitationArtefact } from '@countersign/scenario-engine';
import { SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { ARTEFACT_LIMITS } from './artefact-ops';
import { lengthHint, MARKDOWN_HINT, requiredError, TextListEditor, type ArtefactChange } from './form-parts';

const LIMIT = ARTEFACT_LIMITS.invitation;

interface InvitationEditorProps {
  invitation: InvitationArtefact;
  onChange: ArtefactChange<InvitationArtefact>;
}

/** An event invitation: what, who, where, when, the pitch and what is paid for. */
export function InvitationEditor({ invitation, onChange }: InvitationEditorProps) {
  const set = (patch: Partial<InvitationArtefact>, key: string) => onChange((i) => ({ ...i, ...patch }), key);
  return (
    <Stack gap="sm" data-testid="invitation-editor">
      <TextInput
        label="Event"
        data-autofocus
        value={invitation.event}
        onChange={(e) => set({ event: e.currentTarget.value }, 'event')}
        maxLength={LIMIT.event}
        error={requiredError(invitation.event, 'the event')}
        required
      />
      <TextInput
        label="Host"
        value={invitation.host}
        onChange={(e) => set({ host: e.currentTarget.value }, 'host')}
        maxLength={LIMIT.host}
        error={requiredError(invitation.host, 'the host')}
        required
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
        <TextInput
          label="Location"
          value={invitation.location}
          onChange={(e) => set({ location: e.currentTarget.value }, 'location')}
          maxLength={LIMIT.location}
          error={requiredError(invitation.location, 'the location')}
          required
        />
        <TextInput
          label="Dates"
          placeholder="14–16 October"
          value={invitation.dates}
          onChange={(e) => set({ dates: e.currentTarget.value }, 'dates')}
          maxLength={LIMIT.dates}
          error={requiredError(invitation.dates, 'the dates')}
          required
        />
      </SimpleGrid>
      <Textarea
        label="Invitation text"
        description={lengthHint(invitation.body, LIMIT.body, MARKDOWN_HINT)}
        value={invitation.body}
        onChange={(e) => set({ body: e.currentTarget.value }, 'body')}
        maxLength={LIMIT.body}
        error={requiredError(invitation.body, 'the invitation text')}
        autosize
        minRows={4}
        maxRows={14}
        required
      />
      <TextListEditor
        legend="Benefits"
        itemLabel="Benefit"
        noun="benefit"
        values={invitation.benefits}
        max={LIMIT.benefits}
        maxLength={LIMIT.benefit}
        newValue="Hotel and meals paid for"
        onChange={(benefits, key) =>
          onChange((i) => ({ ...i, benefits }), key === undefined ? undefined : `benefits.${key}`)
        }
        description="Listed under “Included for you”: what the host offers to pay for."
        reorderable
      />
    </Stack>
  );
}
