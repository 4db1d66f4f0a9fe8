import { conflict, DomainError } from '../../common/domain-error.js';

/**
 * A quiz retry asked for before the pause after the failed round is over: 429 with when the round
 * opens, as the sign-in limit answers (`retryAfterSeconds`).
 */
export function quizCooldown(opensAt: string, now: Date): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(opensAt) - now.getTime()) / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new DomainError(
    429,
    'quiz_cooldown',
    `The next quiz round opens in ${minutes} minute${minutes === 1 ? '' : 's'}. ` +
      'Look over the explanations of the last round in the meantime.',
    { opensAt, retryAfterSeconds },
  );
}

/** A quiz retry asked for before the scenario's debrief was opened again, as the module asks. */
export const debriefReviewRequired = () =>
  conflict(
    'debrief_review_required',
    'Before the next quiz round, read the scenario’s ending and debrief again.',
  );
