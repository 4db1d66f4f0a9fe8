import { z } from 'zod';
import { retryPolicySchema } from './retry-policy.js';
import { textSchema } from './text.js';

/**
 * The scenario and quiz model. Zod schemas are the single definition: TypeScript types are
 * inferred from them, the API parses stored and imported content with them, and the web's
 * preview uses the same types.
 *
 * Shape checks (types, lengths, required fields) live here; graph checks (reachability,
 * dead ends, dangling links, unknown red flags) live in validate.ts, because they need the
 * whole document and must name the step or choice at fault.
 */

const id = textSchema
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must use only lower-case letters, digits and hyphens');

/** Where an uploaded image is served: `/api/media/<uuid>`. */
export const MEDIA_URL_PREFIX = '/api/media/';
export const mediaUrlPattern = /^\/api\/media\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Images may only be assets uploaded to this installation. An external address would let a third
 * party see every learner who opens the step (IP address, time) and is blocked by the CSP anyway.
 */
const mediaUrl = textSchema
  .trim()
  .toLowerCase()
  .regex(
    mediaUrlPattern,
    'must be an uploaded image (/api/media/<id>); upload the picture instead of linking to it',
  );

/**
 * The content schemas, in two strengths built from this one definition. `published` is what
 * learners may be given: every required text filled in, every list as long as play needs.
 * `draft` is what autosave accepts while an author works: the same shape, ids, kinds and upper
 * bounds (nothing larger or stranger gets in), but required texts may be blank and lists shorter
 * than publishing needs, because an unfinished draft must never stop saving. Publishing checks
 * the draft against `published` (validate.ts). Both strengths infer the same TypeScript types.
 */
function contentSchemas(strength: 'published' | 'draft') {
  const complete = strength === 'published';
  /** Required text: may be blank in a draft. */
  const text = (max: number) => (complete ? textSchema.trim().min(1).max(max) : textSchema.trim().max(max));
  /** A list with a minimum length that only published content must reach. */
  const list = <T extends z.ZodType>(item: T, min: number, max: number) =>
    complete ? z.array(item).min(min).max(max) : z.array(item).max(max);

  const profileCardArtefactSchema = z.object({
    kind: z.literal('profile'),
    name: text(120),
    headline: text(200),
    company: text(120).optional(),
    location: text(120).optional(),
    photoUrl: mediaUrl.optional(),
    connections: z.number().int().min(0).max(100_000),
    accountAgeMonths: z.number().int().min(0).max(600).optional(),
    about: textSchema.max(2000).optional(),
    history: z
      .array(z.object({ role: text(120), organisation: text(120), period: text(60) }))
      .max(20)
      .default([]),
    activity: z.array(text(300)).max(10).default([]),
  });

  const messageThreadArtefactSchema = z.object({
    kind: z.literal('thread'),
    platform: text(60).default('Professional network'),
    participants: list(text(120), 1, 10),
    messages: list(z.object({ from: text(120), at: text(60), body: text(4000) }), 1, 50),
  });

  const emailArtefactSchema = z.object({
    kind: z.literal('email'),
    from: text(200),
    to: text(200),
    subject: text(300),
    sentAt: text(60),
    body: text(8000),
  });

  const invitationArtefactSchema = z.object({
    kind: z.literal('invitation'),
    event: text(200),
    host: text(200),
    location: text(200),
    dates: text(120),
    body: text(4000),
    benefits: z.array(text(200)).max(10).default([]),
  });

  const artefactSchema = z.discriminatedUnion('kind', [
    profileCardArtefactSchema,
    messageThreadArtefactSchema,
    emailArtefactSchema,
    invitationArtefactSchema,
  ]);

  const choiceSchema = z.object({
    id,
    label: text(300),
    next: id,
    feedback: text(2000),
    redFlags: z.array(textSchema.max(64)).max(13).default([]),
    /** Points for a choice that shows good judgement; the best path scores highest. */
    points: z.number().int().min(0).max(10).default(0),
  });

  const endingSchema = z.object({
    outcome: z.enum(['safe', 'compromised']),
    debrief: text(4000),
  });

  const stepSchema = z.object({
    id,
    title: text(200),
    narrative: text(6000),
    artefacts: z.array(artefactSchema).max(6).default([]),
    choices: z.array(choiceSchema).max(6).default([]),
    /** Present on ending steps only; an ending has no choices. */
    ending: endingSchema.optional(),
    /** Editor-only layout; ignored by play and scoring. */
    position: z.object({ x: z.number(), y: z.number() }).optional(),
  });

  const scenarioSchema = z.object({
    start: id,
    steps: z.array(stepSchema).min(1).max(200),
  });

  const quizOptionSchema = z.object({ id, label: text(500), correct: z.boolean() });

  const quizQuestionSchema = z.object({
    id,
    kind: z.enum(['single', 'multiple']),
    prompt: text(1000),
    options: list(quizOptionSchema, 2, 8),
    explanation: text(2000),
    redFlags: z.array(textSchema.max(64)).max(13).default([]),
  });

  const quizSchema = z.object({
    /** Percentage of questions answered exactly right needed to pass, 1..100. */
    passMark: z.number().int().min(1).max(100),
    shuffle: z.boolean().default(true),
    /** What a failed round leads to (retry-policy.ts); absent: retry at once, as before. */
    retryPolicy: retryPolicySchema.optional(),
    questions: list(quizQuestionSchema, 1, 100),
  });

  const moduleContentSchema = z.object({
    scenario: scenarioSchema,
    quiz: quizSchema,
  });

  return {
    profileCardArtefactSchema,
    messageThreadArtefactSchema,
    emailArtefactSchema,
    invitationArtefactSchema,
    artefactSchema,
    choiceSchema,
    endingSchema,
    stepSchema,
    scenarioSchema,
    quizOptionSchema,
    quizQuestionSchema,
    quizSchema,
    moduleContentSchema,
  };
}

const published = contentSchemas('published');

export const profileCardArtefactSchema = published.profileCardArtefactSchema;
export const messageThreadArtefactSchema = published.messageThreadArtefactSchema;
export const emailArtefactSchema = published.emailArtefactSchema;
export const invitationArtefactSchema = published.invitationArtefactSchema;
export const artefactSchema = published.artefactSchema;
export const choiceSchema = published.choiceSchema;
export const endingSchema = published.endingSchema;
export const stepSchema = published.stepSchema;
export const scenarioSchema = published.scenarioSchema;
export const quizOptionSchema = published.quizOptionSchema;
export const quizQuestionSchema = published.quizQuestionSchema;
export const quizSchema = published.quizSchema;
export const moduleContentSchema = published.moduleContentSchema;

/**
 * A draft's content as autosave accepts it: shaped and bounded like published content, but it may
 * be incomplete. `validateModule` says what stands between a draft and publishing.
 */
export const draftContentSchema = contentSchemas('draft').moduleContentSchema;

export type ProfileCardArtefact = z.infer<typeof profileCardArtefactSchema>;
export type MessageThreadArtefact = z.infer<typeof messageThreadArtefactSchema>;
export type EmailArtefact = z.infer<typeof emailArtefactSchema>;
export type InvitationArtefact = z.infer<typeof invitationArtefactSchema>;
export type Artefact = z.infer<typeof artefactSchema>;
export type Choice = z.infer<typeof choiceSchema>;
export type Ending = z.infer<typeof endingSchema>;
export type Step = z.infer<typeof stepSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type QuizOption = z.infer<typeof quizOptionSchema>;
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;
export type Quiz = z.infer<typeof quizSchema>;
export type ModuleContent = z.infer<typeof moduleContentSchema>;
/** Input form (before defaults are applied): what authors and the curriculum write. */
export type ModuleContentInput = z.input<typeof moduleContentSchema>;
