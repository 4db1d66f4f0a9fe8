import {
  moduleContentSchema,
  quizSchema,
  scenarioSchema,
  type ModuleContent,
  type ModuleContentInput,
  type Quiz,
  type Scenario,
} from '../model.js';

/** Compact builders for test content; every builder returns parsed content (defaults applied). */

export const RED_FLAGS = [
  'new-account',
  'vague-employer',
  'too-good-to-be-true',
  'move-off-platform',
  'flattery',
  'urgency',
] as const;

export interface ChoiceSpec {
  id: string;
  next: string;
  points?: number;
  redFlags?: string[];
}

export interface StepSpec {
  id: string;
  choices?: ChoiceSpec[];
  ending?: 'safe' | 'compromised';
}

export const choice = (
  id: string,
  next: string,
  extra: Omit<ChoiceSpec, 'id' | 'next'> = {},
): ChoiceSpec => ({
  id,
  next,
  ...extra,
});
export const step = (id: string, ...choices: ChoiceSpec[]): StepSpec => ({ id, choices });
export const ending = (id: string, outcome: 'safe' | 'compromised' = 'safe'): StepSpec => ({
  id,
  ending: outcome,
});

export function stepInput(spec: StepSpec): ModuleContentInput['scenario']['steps'][number] {
  return {
    id: spec.id,
    title: `Title of ${spec.id}`,
    narrative: `Narrative of ${spec.id}.`,
    choices: (spec.choices ?? []).map((c) => ({
      id: c.id,
      label: `Label of ${c.id}`,
      next: c.next,
      feedback: `Feedback for ${c.id}.`,
      points: c.points ?? 0,
      redFlags: c.redFlags ?? [],
    })),
    ...(spec.ending ? { ending: { outcome: spec.ending, debrief: `Debrief of ${spec.id}.` } } : {}),
  };
}

export function buildScenario(start: string, specs: StepSpec[]): Scenario {
  return scenarioSchema.parse({ start, steps: specs.map(stepInput) });
}

export interface QuestionSpec {
  id: string;
  kind?: 'single' | 'multiple';
  /** Option id -> correct. */
  options: [string, boolean][];
  redFlags?: string[];
}

export const question = (
  id: string,
  kind: 'single' | 'multiple',
  options: [string, boolean][],
  redFlags: string[] = [],
): QuestionSpec => ({ id, kind, options, redFlags });

export function quizInput(
  questions: QuestionSpec[],
  passMark = 70,
  shuffle = false,
): ModuleContentInput['quiz'] {
  return {
    passMark,
    shuffle,
    questions: questions.map((q) => ({
      id: q.id,
      kind: q.kind ?? 'single',
      prompt: `Prompt of ${q.id}?`,
      options: q.options.map(([id, correct]) => ({ id, label: `Label of ${id}`, correct })),
      explanation: `Explanation of ${q.id}.`,
      redFlags: q.redFlags ?? [],
    })),
  };
}

export function buildQuiz(questions: QuestionSpec[], passMark = 70, shuffle = false): Quiz {
  return quizSchema.parse(quizInput(questions, passMark, shuffle));
}

/**
 * A realistic, valid module: a recruiter approach on a professional network. The profile review
 * loops back to the connection request (so there is a cycle with exits), and the best route is
 * check-profile -> decline (2 + 3 = 5 points).
 */
export function recruiterModuleInput(): ModuleContentInput {
  return {
    scenario: {
      start: 'connection-request',
      steps: [
        {
          id: 'connection-request',
          title: 'A connection request',
          narrative: 'A recruiter you have never heard of wants to connect.',
          artefacts: [
            {
              kind: 'profile',
              name: 'Dana Whitfield',
              headline: 'Talent partner, strategic consulting',
              connections: 31,
              accountAgeMonths: 2,
            },
          ],
          choices: [
            {
              id: 'accept',
              label: 'Accept and say hello',
              next: 'first-message',
              feedback: 'Accepting is not wrong in itself, but you skipped a look at the profile.',
            },
            {
              id: 'check-profile',
              label: 'Look at the profile first',
              next: 'profile-review',
              feedback: 'Good habit: the profile is two months old with 31 connections.',
              redFlags: ['new-account'],
              points: 2,
            },
          ],
          position: { x: 0, y: 0 },
        },
        {
          id: 'profile-review',
          title: 'Reviewing the profile',
          narrative: 'The employer is described only as "a leading consultancy".',
          choices: [
            {
              id: 'back',
              label: 'Go back to the request',
              next: 'connection-request',
              feedback: 'You return to the request.',
              points: 1,
            },
            {
              id: 'decline',
              label: 'Decline the request',
              next: 'ending-safe',
              feedback: 'A vague employer on a new account is reason enough to decline.',
              redFlags: ['vague-employer'],
              points: 3,
            },
            {
              id: 'accept-anyway',
              label: 'Accept anyway',
              next: 'first-message',
              feedback: 'You noticed the warning signs but went ahead.',
            },
          ],
        },
        {
          id: 'first-message',
          title: 'The first message',
          narrative: 'Dana writes within minutes.',
          artefacts: [
            {
              kind: 'thread',
              participants: ['Dana Whitfield', 'You'],
              messages: [{ from: 'Dana Whitfield', at: '09:14', body: 'Could we continue on WhatsApp?' }],
            },
          ],
          choices: [
            {
              id: 'move-to-whatsapp',
              label: 'Send your number',
              next: 'lunch-invite',
              feedback: 'Moving off the platform removes its protections.',
            },
            {
              id: 'report',
              label: 'Report the profile',
              next: 'ending-safe',
              feedback: 'Right call.',
              redFlags: ['move-off-platform'],
              points: 3,
            },
          ],
        },
        {
          id: 'lunch-invite',
          title: 'An invitation',
          narrative: 'An all-expenses-paid trip to a "workshop".',
          artefacts: [
            {
              kind: 'invitation',
              event: 'Strategy workshop',
              host: 'Unnamed client',
              location: 'Abroad',
              dates: 'Next month',
              body: 'Flights and hotel covered.',
            },
          ],
          choices: [
            {
              id: 'accept-trip',
              label: 'Accept the trip',
              next: 'ending-compromised',
              feedback: 'An expensive invitation from an unknown host is a classic cultivation step.',
            },
            {
              id: 'verify-host',
              label: 'Ask who the client is and tell your security officer',
              next: 'ending-safe',
              feedback: 'Well done.',
              redFlags: ['too-good-to-be-true', 'flattery'],
              points: 2,
            },
          ],
        },
        {
          id: 'ending-safe',
          title: 'You stayed safe',
          narrative: 'The approach went nowhere.',
          ending: { outcome: 'safe', debrief: 'You spotted the signs.' },
        },
        {
          id: 'ending-compromised',
          title: 'Compromised',
          narrative: 'You are on a plane.',
          ending: { outcome: 'compromised', debrief: 'This is how cultivation starts.' },
        },
      ],
    },
    quiz: quizInput(
      [
        question(
          'q-new-account',
          'single',
          [
            ['a', false],
            ['b', true],
            ['c', false],
          ],
          ['new-account'],
        ),
        question('q-signs', 'multiple', [
          ['vague', true],
          ['fast-reply', false],
          ['off-platform', true],
          ['photo', false],
        ]),
        question('q-report', 'single', [
          ['ignore', false],
          ['report', true],
        ]),
      ],
      60,
      true,
    ),
  };
}

export function recruiterModule(): ModuleContent {
  return moduleContentSchema.parse(recruiterModuleInput());
}
