import type { SignInFailureDetails, SignInWaitDetails } from '@countersign/contracts/auth';
import { isApiError } from '../../../lib/api-client';

/** What the sign-in form says after a refused attempt, and how long the button must wait. */
export interface SignInProblem {
  title: string;
  message: string;
  /** Seconds before the next attempt may be sent; the button waits and counts them down. */
  waitSeconds?: number;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Null when the problem is with the fields (shown on the fields themselves). */
export function signInProblem(error: unknown): SignInProblem | null {
  if (isApiError(error) && error.code === 'invalid_credentials') {
    const details = error.details as Partial<SignInFailureDetails> | undefined;
    const left = attemptsLeft(details);
    return {
      title: 'Sign-in failed',
      message: `That email and password do not match. Check them and try again.${left}`,
      waitSeconds: positive(details?.retryAfterSeconds),
    };
  }
  if (isApiError(error) && error.code === 'invalid_code') {
    const details = error.details as Partial<SignInFailureDetails> | undefined;
    const left = attemptsLeft(details);
    return {
      title: 'That code did not work',
      message: `${error.message}${left}`,
      waitSeconds: positive(details?.retryAfterSeconds),
    };
  }
  if (isApiError(error, 429)) {
    const details = error.details as Partial<SignInWaitDetails> | undefined;
    return {
      title: error.code === 'sign_in_delayed' ? 'Please wait a moment' : 'Too many attempts',
      message: error.message,
      waitSeconds: positive(details?.retryAfterSeconds),
    };
  }
  if (isApiError(error) && Object.keys(error.fieldErrors()).length > 0) return null;
  return {
    title: 'Sign-in failed',
    message: error instanceof Error ? error.message : 'Something went wrong. Try again.',
  };
}

/** " 2 attempts left before sign-in is locked for 15 minutes." when the server said so. */
function attemptsLeft(details: Partial<SignInFailureDetails> | undefined): string {
  return typeof details?.attemptsLeft === 'number' && typeof details.lockoutMinutes === 'number'
    ? ` ${plural(details.attemptsLeft, 'attempt')} left before sign-in is locked for ${plural(details.lockoutMinutes, 'minute')}.`
    : '';
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && value > 0 ? Math.ceil(value) : undefined;
}

/** "42 seconds", "1:05 minutes", "15:00 minutes": a wait as the countdown shows it. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return plural(seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')} minutes`;
}
