import { z } from 'zod';

/**
 * What happens after a failed quiz round. Unlimited, immediate retries let a quiz be passed by
 * trial and error, so a module may ask for a pause before the next round, for the scenario's
 * debrief to be read again first, and for the organisation's officers to be told once a learner
 * has failed a number of rounds. The learner may always go on trying: the point is to learn, and
 * a person stuck on a quiz needs a conversation, not a locked door.
 *
 * Optional on the quiz: content written before it existed (including frozen published versions)
 * has none, and `retryPolicyOf` gives it today's behaviour — retry at once, no conditions.
 */
export const retryPolicySchema = z.object({
  /** Minutes after a failed round before the next one opens; 0: at once. At most a week. */
  cooldownMinutes: z.number().int().min(0).max(10_080).default(0),
  /** After a failed round, the learner opens the scenario's ending and debrief again first. */
  reviewDebrief: z.boolean().default(false),
  /** After this many failed rounds the officers are told, once; null: never. */
  notifyOfficersAfter: z.number().int().min(1).max(100).nullable().default(null),
});

export type RetryPolicy = z.infer<typeof retryPolicySchema>;

/** Today's behaviour, and that of every quiz without a policy. */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  cooldownMinutes: 0,
  reviewDebrief: false,
  notifyOfficersAfter: null,
});

/** The quiz's policy with defaults filled in (stored content may have none, or predate a field). */
export function retryPolicyOf(quiz: { retryPolicy?: Partial<RetryPolicy> | undefined }): RetryPolicy {
  return { ...DEFAULT_RETRY_POLICY, ...quiz.retryPolicy };
}

/** True when the policy is the default one: nothing to enforce. */
export function isDefaultRetryPolicy(policy: RetryPolicy): boolean {
  return (
    policy.cooldownMinutes === DEFAULT_RETRY_POLICY.cooldownMinutes &&
    policy.reviewDebrief === DEFAULT_RETRY_POLICY.reviewDebrief &&
    policy.notifyOfficersAfter === DEFAULT_RETRY_POLICY.notifyOfficersAfter
  );
}
