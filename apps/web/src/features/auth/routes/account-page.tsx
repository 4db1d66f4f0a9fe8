import { PASSWORD_MIN_LENGTH } from '@countersign/contracts/auth';
import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { PageHeader } from '../../../components/ui/page-header';
import { isApiError } from '../../../lib/api-client';
import { plural } from '../../../lib/format';
import { useChangePassword } from '../api/passwords';
import { useCurrentSession } from '../api/session';
import { SecondFactorSection } from '../components/second-factor-section';

/** The signed-in person's own account: who they are, their password and their second factor. */
export function AccountPage() {
  const { user } = useCurrentSession();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const errors = isApiError(change.error) ? change.error.fieldErrors() : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (next !== again) {
      setMismatch(true);
      return;
    }
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setAgain('');
        },
      },
    );
  };

  return (
    <>
      <PageHeader
        title="Your account"
        description={`${user.name} · ${user.email} · ${user.organisation.name}`}
      />
      <Paper withBorder radius="lg" p="lg" maw={520}>
        <form onSubmit={submit} noValidate aria-labelledby="change-password-title">
          <Stack gap="md">
            <Title order={2} fz="h3" id="change-password-title">
              Change your password
            </Title>
            <Text size="sm" c="dimmed">
              At least {PASSWORD_MIN_LENGTH} characters. Changing it signs you out everywhere else.
            </Text>
            {change.isSuccess && (
              <Alert color="green" title="Password changed">
                {change.data.otherSessionsEnded
                  ? `${plural(change.data.otherSessionsEnded, 'other session')} signed out.`
                  : 'You were not signed in anywhere else.'}
              </Alert>
            )}
            <PasswordInput
              label="Current password"
              name="currentPassword"
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              error={errors.currentPassword}
              required
            />
            <PasswordInput
              label="New password"
              name="newPassword"
              autoComplete="new-password"
              value={next}
              onChange={(e) => setNext(e.currentTarget.value)}
              error={errors.newPassword}
              required
            />
            <PasswordInput
              label="New password again"
              name="newPasswordAgain"
              autoComplete="new-password"
              value={again}
              onChange={(e) => {
                setAgain(e.currentTarget.value);
                setMismatch(false);
              }}
              error={mismatch ? 'The two new passwords are not the same' : undefined}
              required
            />
            {change.isError && !errors.currentPassword && !errors.newPassword && (
              <Alert color="red" title="Your password was not changed">
                {change.error.message}
              </Alert>
            )}
            <Button type="submit" loading={change.isPending} w="fit-content">
              Change password
            </Button>
          </Stack>
        </form>
      </Paper>
      <Stack mt="lg">
        <SecondFactorSection email={user.email} />
      </Stack>
    </>
  );
}
