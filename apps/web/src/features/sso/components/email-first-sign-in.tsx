import type { SsoDiscoverResponse } from '@countersign/contracts/sso';
import { Alert, Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconArrowRight, IconBuildingCommunity } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { LoginForm } from '../../auth/components/login-form';
import { isApiError } from '../../../lib/api-client';
import { useDiscoverSignIn } from '../api/sso';

type Step =
  | { kind: 'email' }
  | { kind: 'password'; email: string }
  | { kind: 'sso'; email: string; sso: Extract<SsoDiscoverResponse, { method: 'sso' }> };

/**
 * Sign-in, email first: the address decides where the person signs in. People of an organisation
 * that uses single sign-on continue to its provider; everyone else gets the password step (the
 * LoginForm, which owns everything after the email: password, second factor, waits).
 */
export function EmailFirstSignIn({
  initialEmail = '',
  returnTo,
}: {
  initialEmail?: string;
  returnTo: string;
}) {
  const discover = useDiscoverSignIn();
  // Arriving with the address (just after choosing a password): straight to the password.
  const [step, setStep] = useState<Step>(
    initialEmail ? { kind: 'password', email: initialEmail } : { kind: 'email' },
  );
  const [email, setEmail] = useState(initialEmail);
  const [missing, setMissing] = useState(false);
  const fieldError = missing
    ? 'Enter your work email'
    : isApiError(discover.error, 400)
      ? discover.error.fieldErrors().email
      : undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const address = email.trim();
    setMissing(!address);
    if (!address) return;
    discover.mutate(address, {
      onSuccess: (answer) =>
        setStep(
          answer.method === 'sso'
            ? { kind: 'sso', email: address, sso: answer }
            : { kind: 'password', email: address },
        ),
      // Not knowing where the address signs in is no reason to stop: the password step still
      // works, and the server refuses it where SSO is required.
      onError: (error) => {
        if (!isApiError(error, 400)) setStep({ kind: 'password', email: address });
      },
    });
  };

  if (step.kind === 'password') {
    return (
      <Stack gap="sm">
        <LoginForm initialEmail={step.email} focusPassword />
        <Anchor
          component="button"
          type="button"
          size="sm"
          ta="center"
          onClick={() => setStep({ kind: 'email' })}
        >
          Use a different email address
        </Anchor>
      </Stack>
    );
  }

  if (step.kind === 'sso') {
    const href = `${step.sso.startUrl}${step.sso.startUrl.includes('?') ? '&' : '?'}returnTo=${encodeURIComponent(returnTo)}`;
    return (
      <Stack gap="md">
        <Paper withBorder radius="md" p="md" bg="var(--mantine-color-gray-0)">
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              Signing in as
            </Text>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {step.email}
            </Text>
            <Text size="sm">
              {step.sso.organisation} signs in through {step.sso.provider}. You will enter your password
              there, not here.
            </Text>
          </Stack>
        </Paper>
        <Button
          component="a"
          href={href}
          size="md"
          fullWidth
          // A long provider name wraps instead of being cut off.
          h="auto"
          mih={42}
          py={8}
          styles={{ label: { whiteSpace: 'normal', textAlign: 'center', overflow: 'visible' } }}
          leftSection={<IconBuildingCommunity size={18} aria-hidden />}
          rightSection={<IconArrowRight size={18} aria-hidden />}
          autoFocus
        >
          Continue to {step.sso.provider}
        </Button>
        <Stack gap={6} align="center">
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => setStep({ kind: 'password', email: step.email })}
          >
            {step.sso.passwordAllowed
              ? 'Sign in with a Countersign password instead'
              : 'Emergency administrator? Sign in with your password'}
          </Anchor>
          <Anchor component="button" type="button" size="sm" onClick={() => setStep({ kind: 'email' })}>
            Use a different email address
          </Anchor>
        </Stack>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Sign in">
      <Stack gap="md">
        {discover.isError && !fieldError && (
          <Alert
            color="red"
            variant="light"
            title="Something went wrong"
            icon={<IconAlertCircle aria-hidden />}
            role="alert"
          >
            {discover.error.message}
          </Alert>
        )}
        <TextInput
          label="Work email"
          type="email"
          name="email"
          autoComplete="username"
          required
          autoFocus
          value={email}
          onChange={(event) => {
            setEmail(event.currentTarget.value);
            setMissing(false);
          }}
          error={fieldError}
        />
        <Button
          type="submit"
          size="md"
          fullWidth
          loading={discover.isPending}
          rightSection={<IconArrowRight size={18} aria-hidden />}
        >
          Continue
        </Button>
      </Stack>
    </form>
  );
}
