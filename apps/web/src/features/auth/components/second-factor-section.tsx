import type { EnrolmentStart } from '@countersign/contracts/second-factor';
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { ErrorState } from '../../../components/ui/error-state';
import { isApiError } from '../../../lib/api-client';
import { formatDate, plural } from '../../../lib/format';
import {
  useConfirmEnrolment,
  useRegenerateRecoveryCodes,
  useRemoveSecondFactor,
  useSecondFactorChanged,
  useSecondFactorStatus,
  useStartEnrolment,
} from '../api/second-factor';
import { EnrolmentSteps } from './enrolment-steps';
import { RecoveryCodesPanel } from './recovery-codes-panel';

/** "Your account": add an authenticator app, make new recovery codes, or remove it. */
export function SecondFactorSection({ email }: { email: string }) {
  const status = useSecondFactorStatus();
  const changed = useSecondFactorChanged();
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const [enrolment, setEnrolment] = useState<EnrolmentStart | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [dialog, setDialog] = useState<'regenerate' | 'remove' | null>(null);

  const finish = () => {
    setEnrolment(null);
    setCodes(null);
    confirm.reset();
    void changed();
  };

  let body;
  if (status.isPending) {
    body = <Skeleton h={80} radius="md" role="status" aria-label="Loading your second factor" />;
  } else if (status.isError) {
    body = (
      <ErrorState
        error={status.error}
        title="Your second factor could not be loaded"
        onRetry={() => void status.refetch()}
      />
    );
  } else if (codes) {
    body = <RecoveryCodesPanel codes={codes} account={email} onDone={finish} doneLabel="Done" />;
  } else if (enrolment) {
    body = (
      <Stack gap="md">
        <EnrolmentSteps
          start={enrolment}
          pending={confirm.isPending}
          error={confirm.error}
          onConfirm={(code) =>
            confirm.mutate(code, {
              onSuccess: ({ recoveryCodes }) => {
                setCodes(recoveryCodes);
                notifications.show({
                  color: 'green',
                  title: 'Authenticator app added',
                  message: 'Sign-in asks for a code from now on. Your other sessions were signed out.',
                });
              },
            })
          }
        />
        <Group>
          <Button variant="subtle" color="gray" onClick={() => setEnrolment(null)}>
            Cancel
          </Button>
        </Group>
      </Stack>
    );
  } else if (!status.data.enrolled) {
    body = (
      <Stack gap="sm">
        <Text size="sm">
          An authenticator app on your phone gives a new 6-digit code every 30 seconds. With it, sign-in asks
          for that code after your password, so a stolen password alone cannot get into your account.
        </Text>
        {status.data.required && (
          <Alert color="blue" variant="light">
            Your organisation requires one for your role: you will be asked to add it when you next sign in
            with your password.
          </Alert>
        )}
        {start.isError && (
          <Alert color="red" variant="light" title="Could not start">
            {start.error.message}
          </Alert>
        )}
        <Group>
          <Button
            loading={start.isPending}
            onClick={() => start.mutate(undefined, { onSuccess: setEnrolment })}
          >
            Set up an authenticator app
          </Button>
        </Group>
      </Stack>
    );
  } else {
    const { enrolledAt, recoveryCodesLeft, required } = status.data;
    body = (
      <Stack gap="sm">
        <Group gap="xs">
          <Badge color="green" variant="light" leftSection={<IconShieldCheck size={14} aria-hidden />}>
            On
          </Badge>
          <Text size="sm">
            Authenticator app added {formatDate(enrolledAt)}. {plural(recoveryCodesLeft, 'recovery code')}{' '}
            left.
          </Text>
        </Group>
        {recoveryCodesLeft <= 3 && (
          <Alert color="orange" variant="light">
            You are running out of recovery codes: make new ones.
          </Alert>
        )}
        <Group gap="sm">
          <Button variant="default" onClick={() => setDialog('regenerate')}>
            Make new recovery codes
          </Button>
          <Button variant="subtle" color="red" disabled={required} onClick={() => setDialog('remove')}>
            Remove authenticator app
          </Button>
        </Group>
        {required && (
          <Text size="sm" c="dimmed">
            Your organisation requires an authenticator app for your role, so it cannot be removed. For a new
            phone, ask an administrator to reset it, then add the new phone at your next sign-in.
          </Text>
        )}
      </Stack>
    );
  }

  return (
    <Paper withBorder radius="lg" p="lg" maw={640} component="section" aria-labelledby="second-factor-title">
      <Stack gap="md">
        <Title order={2} fz="h3" id="second-factor-title">
          Second factor
        </Title>
        {body}
      </Stack>
      {dialog && (
        <CodeDialog
          kind={dialog}
          onClose={() => setDialog(null)}
          onRegenerated={(fresh) => {
            setDialog(null);
            setCodes(fresh);
          }}
        />
      )}
    </Paper>
  );
}

/** Asks for a current code before making new recovery codes or removing the app. */
function CodeDialog({
  kind,
  onClose,
  onRegenerated,
}: {
  kind: 'regenerate' | 'remove';
  onClose: () => void;
  onRegenerated: (codes: string[]) => void;
}) {
  const regenerate = useRegenerateRecoveryCodes();
  const remove = useRemoveSecondFactor();
  const action = kind === 'regenerate' ? regenerate : remove;
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);
  const fieldError = missing
    ? 'Enter the 6-digit code from your app'
    : isApiError(action.error)
      ? action.error.fieldErrors().code
      : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) {
      setMissing(true);
      return;
    }
    if (kind === 'regenerate') {
      regenerate.mutate(code.trim(), { onSuccess: ({ recoveryCodes }) => onRegenerated(recoveryCodes) });
    } else {
      remove.mutate(code.trim(), {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            title: 'Authenticator app removed',
            message: 'Sign-in asks only for your password now.',
          });
          onClose();
        },
      });
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      centered
      title={kind === 'regenerate' ? 'Make new recovery codes?' : 'Remove your authenticator app?'}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {kind === 'regenerate' ? (
            <Text size="sm">Your old recovery codes stop working, and you get ten new ones to save.</Text>
          ) : (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
              Sign-in will ask only for your password, and your recovery codes stop working.
            </Alert>
          )}
          <TextInput
            label="Current 6-digit code from your app"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            data-autofocus
            value={code}
            onChange={(e) => {
              setCode(e.currentTarget.value);
              setMissing(false);
            }}
            error={fieldError}
          />
          {action.isError && !fieldError && (
            <Alert color="red" variant="light" title="Nothing changed">
              {action.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color={kind === 'remove' ? 'red' : undefined} loading={action.isPending}>
              {kind === 'regenerate' ? 'Make new codes' : 'Remove'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
