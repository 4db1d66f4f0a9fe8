import type { EmailArtefact } from '@countersign/scenario-engine';
import { SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { ARTEFACT_LIMITS } from './artefact-ops';
import { lengthHint, requiredError, type ArtefactChange } from './form-parts';

const LIMIT = ARTEFACT_LIMITS.email;

interface EmailEditorProps {
  email: EmailArtefact;
  onChange: ArtefactChange<EmailArtefact>;
}

/** An email's header lines and body. */
export function EmailEditor({ email, onChange }: EmailEditorProps) {
  const set = (patch: Partial<EmailArtefact>, key: string) => onChange((e) => ({ ...e, ...patch }), key);
  return (
    <Stack gap="sm" data-testid="email-editor">
      <TextInput
        label="From"
        data-autofocus
        description="Name and address, e.g. “Alex Morgan <alex@example.com>”."
        value={email.from}
        onChange={(e) => set({ from: e.currentTarget.value }, 'from')}
        maxLength={LIMIT.from}
        error={requiredError(email.from, 'the sender')}
        required
      />
      <TextInput
        label="To"
        value={email.to}
        onChange={(e) => set({ to: e.currentTarget.value }, 'to')}
        maxLength={LIMIT.to}
        error={requiredError(email.to, 'the recipient')}
        required
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
        <TextInput
          label="Subject"
          value={email.subject}
          onChange={(e) => set({ subject: e.currentTarget.value }, 'subject')}
          maxLength={LIMIT.subject}
          error={requiredError(email.subject, 'a subject')}
          required
        />
        <TextInput
          label="Sent"
          description="As the mail client shows it, e.g. “Mon 3 Mar, 10:42”."
          value={email.sentAt}
          onChange={(e) => set({ sentAt: e.currentTarget.value }, 'sentAt')}
          maxLength={LIMIT.sentAt}
          error={requiredError(email.sentAt, 'when it was sent')}
          required
        />
      </SimpleGrid>
      <Textarea
        label="Body"
        description={lengthHint(email.body, LIMIT.body, 'Plain text; line breaks are kept.')}
        value={email.body}
        onChange={(e) => set({ body: e.currentTarget.value }, 'body')}
        maxLength={LIMIT.body}
        error={requiredError(email.body, 'the body')}
        autosize
        minRows={6}
        maxRows={18}
        required
      />
    </Stack>
  );
}
