import { ApiError } from '../../../../lib/api-client';
import { formatWait, signInProblem } from '../sign-in-problem';

describe('signInProblem', () => {
  it('tells how many attempts are left before the lock-out', () => {
    const error = new ApiError(401, 'invalid_credentials', 'The email or password is not correct.', {
      attemptsLeft: 2,
      lockoutMinutes: 15,
    });
    expect(signInProblem(error)).toEqual({
      title: 'Sign-in failed',
      message:
        'That email and password do not match. Check them and try again. 2 attempts left before sign-in is locked for 15 minutes.',
      waitSeconds: undefined,
    });
  });

  it('makes the button wait when the account is being slowed', () => {
    const error = new ApiError(401, 'invalid_credentials', 'x', {
      attemptsLeft: 1,
      lockoutMinutes: 1,
      retryAfterSeconds: 4,
    });
    expect(signInProblem(error)).toMatchObject({
      message: expect.stringContaining('1 attempt left before sign-in is locked for 1 minute.'),
      waitSeconds: 4,
    });
  });

  it('passes on a lock-out or a wait with its length', () => {
    const locked = new ApiError(429, 'too_many_attempts', 'Try again in 15 minutes.', {
      retryAfterSeconds: 900,
    });
    expect(signInProblem(locked)).toEqual({
      title: 'Too many attempts',
      message: 'Try again in 15 minutes.',
      waitSeconds: 900,
    });
    const delayed = new ApiError(429, 'sign_in_delayed', 'Try again in 8 seconds.', { retryAfterSeconds: 8 });
    expect(signInProblem(delayed)).toMatchObject({ title: 'Please wait a moment', waitSeconds: 8 });
  });

  it('says a second-factor code was wrong, with the attempts left', () => {
    const error = new ApiError(401, 'invalid_code', 'That code is not right.', {
      attemptsLeft: 1,
      lockoutMinutes: 15,
    });
    expect(signInProblem(error)).toEqual({
      title: 'That code did not work',
      message: 'That code is not right. 1 attempt left before sign-in is locked for 15 minutes.',
      waitSeconds: undefined,
    });
  });

  it('leaves field problems to the fields', () => {
    const invalid = new ApiError(400, 'validation_failed', 'x', [{ field: 'email', message: 'is required' }]);
    expect(signInProblem(invalid)).toBeNull();
  });
});

describe('formatWait', () => {
  it('shows seconds, then minutes and seconds', () => {
    expect(formatWait(1)).toBe('1 second');
    expect(formatWait(42)).toBe('42 seconds');
    expect(formatWait(65)).toBe('1:05 minutes');
    expect(formatWait(900)).toBe('15:00 minutes');
  });
});
