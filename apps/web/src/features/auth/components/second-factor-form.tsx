import type { SessionResponse } from '@countersign/contracts/auth';
import type { RecoveryCodes, SecondFactorStep } from '@countersign/contracts/second-factor';
import { Alert, Anchor, Button, Center, Loader, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconShieldLock } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { isApiError } from '../../../lib/api-client';
import { useSecondFactorSignIn, useSignInEnrolment, useSignInEnrolmentConfirm } from '../api/second-factor';
import { useAcceptSession } from '../api/session';
import { EnrolmentSteps } from './enrolment-steps';
import { RecoveryCodesPanel } from './recovery-codes-panel';
import { formatWait, signInProblem } from './sign-in-problem';

interface SecondFactorFormProps {
  step: SecondFactorStep;
  email: string;
  /** Back to email and password (the challenge expired, or the person wants to). */
  onRestart: () => void;
}

/**
 * What comes after a right password for a person with an authenticator app (the code, or a
 * recovery code), or for an officer or administrator whose organisation requires one and who
 * has none yet (adding it). The login form shows this in its place.
 */
export function SecondFactorForm({ step, email, onRestart }: SecondFactorFormProps) {
  return step.step === 'second-factor' ? (
    <CodeStep challenge={step.challenge} onRestart={onRestart} />
  ) : (
    <EnrolmentAtSignIn challenge={step.challenge} email={email} onRestart={onRestart} />
  );
}

/** The answer to a challenge that can no longer be used: only starting again helps. */
const challengeGone = (error: unknown) => isApiError(error) && error.code === 'challenge_invalid';

function Restart({ error, onRestart }: { error: Error; onRestart: () => void }) {
  return (
    <Stack gap="md">
      <Alert
        color="red"
        variant="light"
        title="Sign in again"
        icon={<IconAlertCircle aria-hidden />}
        role="alert"
      >
        {error.message}
      </Alert>
      <Button onClick={onRestart}>Back to sign in</Button>
    </Stack>
  );
}

function CodeStep({ challenge, onRestart }: { challenge: string; onRestart: () => void }) {
  const signIn = useSecondFactorSignIn();
  const [recovery, setRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [missing, setMissing] = useState(false);
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const field = recovery ? 'recoveryCode' : 'code';
  const serverFieldErrors = isApiError(signIn.error) ? signIn.error.fieldErrors() : {};
  const fieldError = missing
    ? recovery
      ? 'Enter one of your recovery codes'
      : 'Enter the 6-digit code from your app'
    : serverFieldErrors[field];
  const problem = signIn.isError && !fieldError ? signInProblem(signIn.error) : null;
  const secondsLeft = Math.max(0, Math.ceil((waitUntil - now) / 1000));

  useEffect(() => {
    if (waitUntil <= Date.now()) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [waitUntil]);

  if (challengeGone(signIn.error)) return <Restart error={signIn.error!} onRestart={onRestart} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim()) {
      setMissing(true);
      return;
    }
    if (secondsLeft > 0) return;
    signIn.mutate(
      { challenge, [field]: value.trim() },
      {
        onError: (error) => {
          const seconds = signInProblem(error)?.waitSeconds;
          setNow(Date.now());
          setWaitUntil(seconds ? Date.now() + seconds * 1000 : 0);
        },
      },
    );
  };

  const switchMode = () => {
    setRecovery((r) => !r);
    setValue('');
    setMissing(false);
    signIn.reset();
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Second step of sign-in">
      <Stack gap="md">
        <Text size="sm">
          {recovery
            ? 'Type one of the recovery codes you saved when you set up your authenticator app. Each works once.'
            : 'Open your authenticator app and type the 6-digit code it shows for Countersign.'}
        </Text>
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
          key={field}
          label={recovery ? 'Recovery code' : '6-digit code'}
          name={field}
          autoComplete={recovery ? 'off' : 'one-time-code'}
          inputMode={recovery ? 'text' : 'numeric'}
          maxLength={recovery ? 40 : 7}
          autoFocus
          required
          value={value}
          onChange={(e) => {
            setValue(e.currentTarget.value);
            setMissing(false);
          }}
          error={fieldError}
        />
        <Stack gap={6}>
          <Button
            type="submit"
            size="md"
            fullWidth
            loading={signIn.isPending}
            disabled={secondsLeft > 0}
            leftSection={<IconShieldLock size={18} aria-hidden />}
          >
            Verify and sign in
          </Button>
          {secondsLeft > 0 && (
            <Text size="sm" c="dimmed" ta="center">
              Sign-in is paused after failed attempts: you can try again in {formatWait(secondsLeft)}.
            </Text>
          )}
          <Anchor component="button" type="button" size="sm" ta="center" onClick={switchMode}>
            {recovery ? 'Use a code from your authenticator app instead' : 'Use a recovery code instead'}
          </Anchor>
          <Anchor component="button" type="button" size="sm" ta="center" c="dimmed" onClick={onRestart}>
            Sign in as someone else
          </Anchor>
        </Stack>
      </Stack>
    </form>
  );
}

/** The organisation requires an authenticator app and this person has none: add it now. */
function EnrolmentAtSignIn({
  challenge,
  email,
  onRestart,
}: {
  challenge: string;
  email: string;
  onRestart: () => void;
}) {
  const start = useSignInEnrolment();
  const confirm = useSignInEnrolmentConfirm();
  const accept = useAcceptSession();
  const [done, setDone] = useState<(SessionResponse & RecoveryCodes) | null>(null);
  const { mutate: begin } = start;

  useEffect(() => begin(challenge), [begin, challenge]);

  const gone = [start.error, confirm.error].find(challengeGone);
  if (gone) return <Restart error={gone} onRestart={onRestart} />;

  if (done) {
    const { recoveryCodes, ...session } = done;
    return (
      <RecoveryCodesPanel
        codes={recoveryCodes}
        account={email}
        doneLabel="Continue to Countersign"
        onDone={() => accept(session)}
      />
    );
  }

  return (
    <Stack gap="md">
      <Alert
        color="blue"
        variant="light"
        icon={<IconShieldLock size={18} aria-hidden />}
        title="Add an authenticator app"
      >
        Your organisation asks security officers and administrators to sign in with a code from an
        authenticator app as well as a password. Set one up now to continue.
      </Alert>
      {start.isPending || start.isIdle ? (
        <Center py="lg" role="status" aria-label="Preparing your authenticator app">
          <Loader />
        </Center>
      ) : start.isError ? (
        <Restart error={start.error} onRestart={onRestart} />
      ) : (
        <EnrolmentSteps
          start={start.data}
          pending={confirm.isPending}
          error={confirm.error}
          onConfirm={(code) => confirm.mutate({ challenge, code }, { onSuccess: setDone })}
        />
      )}
    </Stack>
  );
}
