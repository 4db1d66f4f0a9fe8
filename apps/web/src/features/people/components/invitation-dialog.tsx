import type { PersonView } from '@countersign/contracts/people';
import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDateTime } from '../../../lib/format';
import { useInvitationSettings, useSendInvitation } from '../api/people';

interface InvitationDialogProps {
  person: PersonView;
  opened: boolean;
  onClose: () => void;
}

/** What the person's invitation stands at, in words. */
export function invitationState(person: PersonView, now = Date.now()): string {
  if (!person.invitationExpiresAt) return 'No invitation link is open.';
  const expires = new Date(person.invitationExpiresAt).getTime();
  return expires > now
    ? `Their invitation link works until ${formatDateTime(person.invitationExpiresAt)}.`
    : `Their invitation link expired on ${formatDateTime(person.invitationExpiresAt)}.`;
}

/**
 * Send an invited person a new link to set their password: by email when the installation has a
 * mail server, or as a link the administrator copies and passes on. Either way, older links die.
 */
export function InvitationDialog({ person, opened, onClose }: InvitationDialogProps) {
  const settings = useInvitationSettings();
  const send = useSendInvitation(person.id);
  const link = send.data?.link ?? null;
  const emailEnabled = settings.data?.emailEnabled ?? false;
  const days = settings.data?.validDays ?? 7;

  const sendEmail = () =>
    send.mutate('email', {
      onSuccess: () => {
        notifications.show({
          color: 'green',
          title: 'Invitation sent',
          message: `${person.name} will receive a new invitation email.`,
        });
        onClose();
      },
    });

  return (
    <Modal opened={opened} onClose={onClose} title={`Invite ${person.name}`}>
      <Stack gap="md">
        <Text>
          {person.name} has not set a password yet. {invitationState(person)} A new link works once, for{' '}
          {days} days, and any older link stops working.
        </Text>
        {settings.isSuccess && !emailEnabled && (
          <Alert color="blue" title="No mail server is configured">
            Invitations cannot be emailed from this installation. Create a link and pass it on to{' '}
            {person.name} yourself, by a channel you trust.
          </Alert>
        )}
        {link && (
          <Stack gap="xs">
            <TextInput
              label="Invitation link (shown only now)"
              value={link}
              readOnly
              onFocus={(e) => e.currentTarget.select()}
            />
            <Group justify="flex-end">
              <CopyButton value={link}>
                {({ copied, copy }) => (
                  <Button variant="light" color={copied ? 'green' : undefined} onClick={copy}>
                    {copied ? 'Copied' : 'Copy link'}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        )}
        {send.error && (
          <Alert color="red" title="No invitation was sent">
            {send.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {link ? 'Done' : 'Cancel'}
          </Button>
          {!link && (
            <Button
              variant="light"
              onClick={() => send.mutate('link')}
              loading={send.isPending && send.variables === 'link'}
            >
              Create a link to copy
            </Button>
          )}
          {!link && emailEnabled && (
            <Button onClick={sendEmail} loading={send.isPending && send.variables === 'email'}>
              Email a new invitation
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
