import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle, IconLock } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../../lib/api-client';
import { useLogin } from '../api/session';

function errorText(error: unknown): { title: string; message: string } {
  if (isApiError(error) && error.code === 'invalid_credentials') {
    return {
      title: 'Sign-in failed',
      message: 'That email and password do not match. Check them and try again.',
    };
  }
  if (isApiError(error) && error.code === 'too_many_attempts') {
    return { title: 'Too many attempts', message: error.message };
  }
  return {
    title: 'Sign-in failed',
    message: error instanceof Error ? error.message : 'Something went wrong. Try again.',
  };
}

export function LoginForm() {
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const fieldErrors = isApiError(login.error) ? login.error.fieldErrors() : {};
  const alert = login.isError && Object.keys(fieldErrors).length === 0 ? errorText(login.error) : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    login.mutate({ email: email.trim(), password });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Sign in">
      <Stack gap="md">
        {alert && (
          <Alert
            color="red"
            variant="light"
            title={alert.title}
            icon={<IconAlertCircle aria-hidden />}
            role="alert"
          >
            {alert.message}
          </Alert>
        )}
        <TextInput
          label="Work email"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={fieldErrors.email}
        />
        <PasswordInput
          label="Password"
          name="password"
          autoComplete="current-password"
          required
          visibilityToggleButtonProps={{ 'aria-label': 'Show characters' }}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fieldErrors.password}
        />
        <Button
          type="submit"
          size="md"
          fullWidth
          loading={login.isPending}
          disabled={!email.trim() || !password}
          leftSection={<IconLock size={18} aria-hidden />}
        >
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
