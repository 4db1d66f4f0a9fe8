import type { SecondFactorStep } from '@countersign/contracts/second-factor';
import { Alert, Anchor, Button, Center, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconLock } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../../lib/api-client';
import { useLogin } from '../api/session';
import { formatWait, signInProblem } from './sign-in-problem';

// The steps after the password concern the few people with an authenticator app: loaded apart,
// they stay out of every learner's first download.
const SecondFactorForm = lazy(async () => ({
  default: (await import('./second-factor-form')).SecondFactorForm,
}));

/** A wait before the next attempt; a lock-out's message is cleared when it is over. */
interface Wait {
  until: number;
  clearsProblem: boolean;
}

export function LoginForm({
  initialEmail = '',
  focusPassword = false,
}: {
  initialEmail?: string;
  /** The email was asked first: the cursor starts in the password. */
  focusPassword?: boolean;
}) {
  const login = useLogin();
  const { reset } = login;
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState({ email: false, password: false });
  const [wait, setWait] = useState<Wait | null>(null);
  /** Right password, and a second factor to come: the form gives way to that step. */
  const [secondFactor, setSecondFactor] = useState<SecondFactorStep | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const serverFieldErrors = isApiError(login.error) ? login.error.fieldErrors() : {};
  const fieldErrors = {
    email: missing.email ? 'Enter your work email' : serverFieldErrors.email,
    password: missing.password ? 'Enter your password' : serverFieldErrors.password,
  };
  const problem = login.isError ? signInProblem(login.error) : null;
  const secondsLeft = wait ? Math.max(0, Math.ceil((wait.until - now) / 1000)) : 0;

  // The countdown on the button's explanation; at zero the button is enabled again.
  useEffect(() => {
    if (!wait) return;
    const timer = setInterval(() => {
      const time = Date.now();
      setNow(time);
      if (time < wait.until) return;
      setWait(null);
      if (wait.clearsProblem) reset();
    }, 250);
    return () => clearInterval(timer);
  }, [wait, reset]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const empty = { email: !email.trim(), password: !password };
    setMissing(empty);
    if (empty.email || empty.password || secondsLeft > 0) return;
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (answer) => {
          if (!('step' in answer)) return;
          setSecondFactor(answer);
          setPassword(''); // not kept in memory while the next step waits
        },
        onError: (error) => {
          const seconds = signInProblem(error)?.waitSeconds;
          setNow(Date.now());
          setWait(
            seconds ? { until: Date.now() + seconds * 1000, clearsProblem: isApiError(error, 429) } : null,
          );
        },
      },
    );
  };

  if (secondFactor) {
    return (
      <Suspense
        fallback={
          <Center py="xl" role="status" aria-label="Loading the next step">
            <Loader />
          </Center>
        }
      >
        <SecondFactorForm
          step={secondFactor}
          email={email.trim()}
          onRestart={() => {
            setSecondFactor(null);
            setPassword('');
            reset();
          }}
        />
      </Suspense>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Sign in">
      <Stack gap="md">
        {problem && (
          <Alert
            color="red"
            variant="light"
            title={problem.title}
            icon={<IconAlertCircle aria-hidden />}
            role="alert"
          >
            {problem.message}
          </Alert>
        )}
        <TextInput
          label="Work email"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => {
            setEmail(event.currentTarget.value);
            setMissing((m) => ({ ...m, email: false }));
          }}
          error={fieldErrors.email}
        />
        <PasswordInput
          label="Password"
          name="password"
          autoComplete="current-password"
          required
          autoFocus={focusPassword}
          visibilityToggleButtonProps={{ 'aria-label': 'Show characters' }}
          value={password}
          onChange={(event) => {
            setPassword(event.currentTarget.value);
            setMissing((m) => ({ ...m, password: false }));
          }}
          error={fieldErrors.password}
        />
        <Stack gap={6}>
          <Button
            type="submit"
            size="md"
            fullWidth
            loading={login.isPending}
            // Disabled only while a wait runs, and then it says why and for how long.
            disabled={secondsLeft > 0}
            aria-describedby={secondsLeft > 0 ? 'sign-in-wait' : undefined}
            leftSection={<IconLock size={18} aria-hidden />}
          >
            Sign in
          </Button>
          {secondsLeft > 0 && (
            <Text id="sign-in-wait" size="sm" c="dimmed" ta="center" data-testid="sign-in-wait">
              Sign-in is paused after failed attempts: you can try again in {formatWait(secondsLeft)}.
            </Text>
          )}
          <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
            Forgot your password?
          </Anchor>
        </Stack>
      </Stack>
    </form>
  );
}
