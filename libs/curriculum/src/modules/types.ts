import type { ModuleContentInput, RetryPolicy } from '@countersign/scenario-engine';

/** The only track shipped today; new built-in tracks extend this union. */
export type BuiltInTrack = 'think-before-you-link';

/**
 * A module shipped with the product and loaded into every new organisation. Admins may copy and
 * adapt it; the slug is the stable identity used when seeding and upgrading.
 */
export interface BuiltInModule {
  slug: string;
  track: BuiltInTrack;
  /** 1-based position within the track. */
  order: number;
  title: string;
  /** One or two sentences for the learner's module card. */
  summary: string;
  estimatedMinutes: number;
  content: ModuleContentInput;
}

/** Joins paragraphs of learner-facing prose with a blank line between them. */
export function paragraphs(...parts: string[]): string {
  return parts.join('\n\n');
}

/**
 * After a failed quiz round, the built-in modules send the learner back to the scenario's debrief
 * before the next round (the debrief is the lesson; a second round straight away invites guessing),
 * and tell the officers once after three failed rounds, so that someone can help. No pause: the
 * module is short and a wait would only annoy. Organisations that copy a module may change it.
 */
export const BUILT_IN_RETRY_POLICY: RetryPolicy = Object.freeze({
  cooldownMinutes: 0,
  reviewDebrief: true,
  notifyOfficersAfter: 3,
});
