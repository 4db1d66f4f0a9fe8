import { textSchema } from '@countersign/contracts/common';
import { z } from 'zod';

/**
 * The guided questions of the approach checker, as data. The web renders them in this order;
 * answer rules (rules.ts) refer to question and option ids, which are therefore stable: add new
 * options or questions, never rename or reuse an id.
 *
 * Every question is optional: an employee may skip any of them, and may answer none at all and
 * only paste a message.
 */

export interface QuestionOption {
  readonly id: string;
  readonly label: string;
}

export interface Question {
  readonly id: string;
  readonly prompt: string;
  /** One or two sentences shown under the prompt. */
  readonly help: string;
  /** `single`: pick at most one option; `multi`: pick any number. */
  readonly kind: 'single' | 'multi';
  readonly options: readonly QuestionOption[];
}

export const QUESTIONS = [
  {
    id: 'contact-origin',
    prompt: 'How did the contact start?',
    help: 'Think about the very first message or connection request.',
    kind: 'single',
    options: [
      { id: 'unsolicited', label: 'They contacted me out of the blue (connection request or message)' },
      { id: 'mutual-contact', label: 'Through a mutual contact who introduced us' },
      { id: 'i-reached-out', label: 'I contacted them first' },
      { id: 'met-in-person', label: 'We met in person first' },
    ],
  },
  {
    id: 'claimed-role',
    prompt: 'Who do they say they are?',
    help: 'What the profile or message claims, whether or not you believe it.',
    kind: 'single',
    options: [
      { id: 'recruiter', label: 'A recruiter or headhunter' },
      { id: 'consultancy', label: 'A consultancy, research firm or think tank' },
      { id: 'academic', label: 'An academic or researcher' },
      { id: 'journalist', label: 'A journalist or writer' },
      { id: 'government', label: 'A government official or diplomat' },
      { id: 'other', label: 'Someone else' },
    ],
  },
  {
    id: 'offer',
    prompt: 'What have they offered you?',
    help: 'Pick everything that applies.',
    kind: 'multi',
    options: [
      { id: 'job', label: 'A job or a role' },
      { id: 'paid-work', label: 'Paid work: a report, white paper, analysis, advice or consultancy' },
      { id: 'speaking', label: 'A speaking slot, panel or conference invitation' },
      { id: 'travel', label: 'A trip or a meeting abroad' },
      { id: 'gifts-money', label: 'Gifts, money or other favours' },
      { id: 'nothing-yet', label: 'Nothing yet' },
    ],
  },
  {
    id: 'tone',
    prompt: 'How do they talk about you?',
    help: 'Think about how they describe you, your work and why they chose you.',
    kind: 'single',
    options: [
      {
        id: 'flattering',
        label: 'Very flattering: "exceptional", "exactly who we need", "only you can help"',
      },
      { id: 'businesslike', label: 'Polite and businesslike' },
      { id: 'not-sure', label: 'I am not sure' },
    ],
  },
  {
    id: 'money-travel',
    prompt: 'Is money or travel involved?',
    help: 'Pick everything that applies.',
    kind: 'multi',
    options: [
      { id: 'generous-pay', label: 'More money than the work seems to be worth' },
      { id: 'payment', label: 'Some payment, at about the going rate' },
      { id: 'expenses-paid', label: 'They would pay flights, hotels, conference fees or expenses' },
      { id: 'meeting-abroad', label: 'They want to meet me abroad' },
      { id: 'none', label: 'No money or travel so far' },
    ],
  },
  {
    id: 'off-platform',
    prompt: 'Have they asked you to move the conversation somewhere else?',
    help: 'For example WhatsApp, Signal, Telegram, a personal email address or a phone number.',
    kind: 'single',
    options: [
      { id: 'pressed', label: 'Yes, and they pushed for it' },
      { id: 'suggested', label: 'They suggested it' },
      { id: 'no', label: 'No' },
    ],
  },
  {
    id: 'secrecy',
    prompt: 'Have they asked you to keep it quiet?',
    help: 'For example not to tell your employer, manager, colleagues or security team.',
    kind: 'single',
    options: [
      { id: 'asked', label: 'Yes, they asked me not to tell my employer or security team' },
      { id: 'hinted', label: 'They hinted it should stay "discreet" or "between us"' },
      { id: 'no', label: 'No' },
    ],
  },
  {
    id: 'work-questions',
    prompt: 'What have they asked about your work?',
    help: 'Pick everything that applies.',
    kind: 'multi',
    options: [
      { id: 'career-only', label: 'Only my career in general' },
      { id: 'projects', label: "My employer's projects, programmes, customers or suppliers" },
      { id: 'clearance', label: 'My security clearance or what it gives me access to' },
      { id: 'technical', label: 'Technical detail, test results, timelines or problems' },
      { id: 'colleagues', label: 'My colleagues: who works on what, who has access' },
      { id: 'nothing', label: 'Nothing about my work' },
    ],
  },
  {
    id: 'profile',
    prompt: 'What does their profile look like?',
    help: 'Pick everything that applies.',
    kind: 'multi',
    options: [
      { id: 'few-connections', label: 'Few connections, or connections all in one sector' },
      { id: 'new-account', label: 'A recently created account' },
      { id: 'stock-photo', label: 'A stock, AI-generated or suspiciously perfect photo' },
      { id: 'vague-history', label: 'A vague career history with nothing I can check' },
      {
        id: 'company-unverifiable',
        label: 'A company I cannot verify (no register entry, thin website, no real staff)',
      },
      { id: 'looks-normal', label: 'It looks normal' },
    ],
  },
  {
    id: 'pressure',
    prompt: 'Has the conversation touched on money worries or pressure?',
    help: 'Pick everything that applies.',
    kind: 'multi',
    options: [
      { id: 'money-worries', label: 'They know about, or brought up, my debts or money worries' },
      { id: 'threats', label: 'Threats, or hints about embarrassing material or payments I accepted' },
      { id: 'none', label: 'Neither' },
    ],
  },
  {
    id: 'own-profile',
    prompt: 'Does your own public profile mention your clearance or a sensitive role?',
    help: 'Look at your profile as a stranger would see it.',
    kind: 'single',
    options: [
      { id: 'clearance', label: 'Yes, it mentions my security clearance' },
      { id: 'sensitive-role', label: 'Yes, it names sensitive programmes or details of a sensitive role' },
      { id: 'no', label: 'No' },
      { id: 'not-sure', label: 'I am not sure' },
    ],
  },
] as const satisfies readonly Question[];

type QuestionData = (typeof QUESTIONS)[number];
export type QuestionId = QuestionData['id'];
export type OptionId<Q extends QuestionId> = Extract<QuestionData, { id: Q }>['options'][number]['id'];

/** Answers keyed by question id: an option id for single-choice questions, a list for multi-choice. */
export type CheckAnswers = {
  [Q in QuestionData as Q['id']]?: Q['kind'] extends 'single'
    ? Q['options'][number]['id']
    : Array<Q['options'][number]['id']>;
};

const byId: ReadonlyMap<string, Question> = new Map(QUESTIONS.map((question) => [question.id, question]));

/** Looks a question up by id; `undefined` for unknown ids. */
export function questionById(id: string): Question | undefined {
  return byId.get(id);
}

/** Maximum length of a pasted message, in characters. */
export const MAX_MESSAGE_LENGTH = 10_000;

function answerSchemaFor(question: Question): z.ZodType {
  const ids = question.options.map((option) => option.id) as [string, ...string[]];
  const option = z.enum(ids);
  if (question.kind === 'single') return option;
  return z
    .array(option)
    .max(ids.length)
    .refine((list) => new Set(list).size === list.length, 'an option is chosen more than once');
}

/** Answers: an optional entry per question; unknown question or option ids are rejected. */
export const answersSchema = z.strictObject(
  Object.fromEntries(QUESTIONS.map((question) => [question.id, answerSchemaFor(question).optional()])),
) as unknown as z.ZodType<CheckAnswers, CheckAnswers>;

/** Input of `checkApproach`: the answers (all optional) and, optionally, the pasted message text. */
export const checkAnswersSchema = z.strictObject({
  answers: answersSchema.default({}),
  messageText: textSchema.max(MAX_MESSAGE_LENGTH).optional(),
});

export type CheckInput = z.input<typeof checkAnswersSchema>;
export type ParsedCheckInput = z.output<typeof checkAnswersSchema>;
