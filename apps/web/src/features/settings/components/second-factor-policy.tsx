import type { OrganisationSettings } from '@countersign/contracts/settings';
import { Alert, Button, Group, List, Modal, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useUpdateSettings } from '../api/settings';

/**
 * "Require an authenticator app for security officers and administrators". Turning it on asks
 * first, saying what happens at their next sign-in; turning it off saves at once.
 */
export function SecondFactorPolicy({ settings }: { settings: OrganisationSettings }) {
  const update = useUpdateSettings();
  const [confirming, setConfirming] = useState(false);
  const on = settings.requireSecondFactor;

  const save = (requireSecondFactor: boolean) =>
    update.mutate(
      { auditRetentionYears: settings.auditRetentionYears, requireSecondFactor },
      {
        onSuccess: () => {
          setConfirming(false);
          notifications.show({
            color: 'green',
            title: 'Saved',
            message: requireSecondFactor
              ? 'Officers and administrators now need an authenticator app to sign in.'
              : 'An authenticator app is now optional for everyone.',
          });
        },
        onError: () => setConfirming(false),
      },
    );

  return (
    <Stack gap="sm">
      <Text fw={600}>Second factor</Text>
      <Text size="sm" c="dimmed">
        Security officers and administrators see everyone’s records and can change the organisation’s
        training. With this on, they sign in with a code from an authenticator app as well as their password.
        Employees are never asked; people who sign in through single sign-on rely on your identity provider’s
        MFA.
      </Text>
      <Switch
        label="Require an authenticator app for security officers and administrators"
        checked={on}
        disabled={update.isPending}
        onChange={(e) => (e.currentTarget.checked ? setConfirming(true) : save(false))}
      />
      {update.isError && (
        <Alert color="red" variant="light" title="Not saved">
          {update.error.message}
        </Alert>
      )}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="Require an authenticator app?"
        centered
      >
        <Stack gap="md">
          <List size="sm" spacing="xs">
            <List.Item>
              Officers and administrators without an app are led through adding one at their next sign-in,
              before they get in. They need their phone to hand.
            </List.Item>
            <List.Item>
              They cannot remove their app while this is on; an administrator can reset it.
            </List.Item>
            <List.Item>People signed in now stay signed in until their session ends.</List.Item>
          </List>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button onClick={() => save(true)} loading={update.isPending}>
              Require it
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
