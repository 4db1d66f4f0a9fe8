import { PASSWORD_MIN_LENGTH } from '@countersign/contracts/auth';
import { Alert, Anchor, Button, Center, Loader, PasswordInput, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { isApiError } from '../../../lib/api-client';
import { tokenFromHash, useLinkInfo, useSetPassword } from '../api/passwords';
import { PublicCard } from '../components/public-card';

/** Choose a password through an invitation or reset link (`/set-password#token=…`). */
export function SetPasswordPage() {
  useDocumentTitle('Choose your password · Countersign');
  const { hash } = useLocation();
  const token = tokenFromHash(hash);
  const info = useLinkInfo(token);
  const set = useSetPassword();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const serverErrors = isApiError(set.error) ? set.error.fieldErrors() : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!token) return;
    if (password !== confirm) {
      setMismatch(true);
      return;
    }
    set.mutate(
      { token, password },
      {
        onSuccess: ({ email }) =>
          void navigate(`/login?passwordSet=1&email=${encodeURIComponent(email)}`, { replace: true }),
      },
    );
  };

  if (!token) {
    return (
      <PublicCard title="This link is not complete">
        <Text>Open the whole link from your email. If it still does not work, ask for a new one.</Text>
        <Anchor component={Link} to="/forgot-password">
          Ask for a new link
        </Anchor>
      </PublicCard>
    );
  }
  if (info.isPending) {
    return (
      <PublicCard title="Choose your password">
        <Center py="lg" role="status" aria-label="Checking your link">
          <Loader />
        </Center>
      </PublicCard>
    );
  }
  if (info.isError) {
    return (
      <PublicCard title="This link cannot be used">
        <Alert color="orange" title="The link does not work any more">
          {info.error.message}
        </Alert>
        <Anchor component={Link} to="/login">
          Go to the sign-in page
        </Anchor>
      </PublicCard>
    );
  }
  const { name, email, organisation, purpose } = info.data;
  return (
    <PublicCard title={purpose === 'invitation' ? `Welcome, ${name}` : 'Choose a new password'}>
      <Text>
        {purpose === 'invitation'
          ? `Choose your password for ${email} at ${organisation}.`
          : `Choose a new password for ${email}.`}{' '}
        Use at least {PASSWORD_MIN_LENGTH} characters: three or four unrelated words make a strong one.
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={serverErrors.password}
            required
          />
          <PasswordInput
            label="Type it again"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => {
              setConfirm(e.currentTarget.value);
              setMismatch(false);
            }}
            error={mismatch ? 'The two passwords are not the same' : undefined}
            required
          />
          {set.isError && !serverErrors.password && (
            <Alert color="red" title="Your password was not set">
              {set.error.message}
            </Alert>
          )}
          <Button type="submit" loading={set.isPending}>
            Set password
          </Button>
        </Stack>
      </form>
    </PublicCard>
  );
}
