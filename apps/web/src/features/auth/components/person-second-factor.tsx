import { Alert, Badge, Button, Group, List, Modal, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ErrorState } from '../../../components/ui/error-state';
import { formatDate, plural } from '../../../lib/format';
import { usePersonSecondFactor, useResetSecondFactor } from '../api/second-factor';

interface PersonSecondFactorProps {
  userId: string;
  personName: string;
  /** The viewer themselves: their own factor is managed on "Your account", not here. */
  self: boolean;
}

/** An administrator's view of a person's authenticator app, with "Reset second factor". */
export function PersonSecondFactor({ userId, personName, self }: PersonSecondFactorProps) {
  const factor = usePersonSecondFactor(userId);
  const reset = useResetSecondFactor(userId);
  const [confirming, setConfirming] = useState(false);

  if (factor.isPending)
    return <Skeleton h={48} radius="md" role="status" aria-label="Loading the second factor" />;
  if (factor.isError) {
    return (
      <ErrorState
        error={factor.error}
        title="The second factor could not be loaded"
        onRetry={() => void factor.refetch()}
      />
    );
  }

  const close = () => {
    setConfirming(false);
    reset.reset();
  };
  const confirm = () =>
    reset.mutate(undefined, {
      onSuccess: ({ sessionsEnded }) => {
        setConfirming(false);
        notifications.show({
          color: 'green',
          title: 'Second factor reset',
          message: `${personName} can add a new authenticator app.${sessionsEnded ? ` ${plural(sessionsEnded, 'session')} signed out.` : ''}`,
        });
      },
    });

  return (
    <Stack gap="sm">
      {factor.data.enrolled ? (
        <Group gap="xs">
          <Badge color="green" variant="light">
            Authenticator app
          </Badge>
          <Text size="sm">
            Added {formatDate(factor.data.enrolledAt)} ·{' '}
            {plural(factor.data.recoveryCodesLeft, 'recovery code')} left
          </Text>
        </Group>
      ) : (
        <Text size="sm">{personName} has no authenticator app: sign-in asks for their password only.</Text>
      )}
      {factor.data.enrolled &&
        (self ? (
          <Text size="sm" c="dimmed">
            Manage your own authenticator app on “Your account”.
          </Text>
        ) : (
          <Group>
            <Button variant="light" color="red" onClick={() => setConfirming(true)}>
              Reset second factor
            </Button>
          </Group>
        ))}
      <Modal opened={confirming} onClose={close} centered title={`Reset ${personName}’s second factor?`}>
        <Stack gap="md">
          <Text size="sm">
            Do this when {personName} has lost their phone and their recovery codes. When you reset it:
          </Text>
          <List size="sm" spacing="xs">
            <List.Item>their authenticator app and recovery codes stop working;</List.Item>
            <List.Item>they are signed out everywhere;</List.Item>
            <List.Item>
              at their next sign-in they add a new app if your organisation requires one, or sign in with
              their password alone if not.
            </List.Item>
          </List>
          <Text size="sm" c="dimmed">
            Make sure it is really them asking. The reset is recorded in the audit log.
          </Text>
          {reset.isError && (
            <Alert color="red" variant="light" title="Nothing changed">
              {reset.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" onClick={confirm} loading={reset.isPending}>
              Reset second factor
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
