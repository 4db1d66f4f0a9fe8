import {
  moduleContentSchema,
  PlayError,
  presentQuiz,
  QuizError,
  type ModuleContent,
} from '@countersign/scenario-engine';
import {
  advanceByChoice,
  advanceByQuiz,
  buildAttemptState,
  progressPercentOf,
  quizGateOf,
  redFlagLookup,
  SCENARIO_SHARE,
  startPosition,
  type AttemptPosition,
  type RecordedChoice,
  type RecordedQuizRound,
} from '../learning/index.js';
import type { RedFlagView } from '../training/index.js';

const flag = (key: string): RedFlagView => ({
  key,
  title: `Title of ${key}`,
  explanation: `Explanation of ${key}.`,
  advice: `Advice on ${key}.`,
});
const catalogue = [flag('flattery'), flag('move-off-platform'), flag('travel-abroad')];

const choice = (id: string, next: string, redFlags: string[] = []) => ({
  id,
  label: `Label of ${id}`,
  next,
  feedback: `Feedback for ${id}.`,
  redFlags,
});

/** request → (reply → whatsapp → compromised | report → safe) | ignore → safe */
const content: ModuleContent = moduleContentSchema.parse({
  scenario: {
    start: 'request',
    steps: [
      {
        id: 'request',
        title: 'A request',
        narrative: 'Someone flattering writes.',
        choices: [choice('reply', 'reply', ['flattery', 'not-in-catalogue']), choice('ignore', 'safe')],
      },
      {
        id: 'reply',
        title: 'A reply',
        narrative: 'They want to move to WhatsApp.',
        choices: [
          choice('whatsapp', 'compromised', ['move-off-platform', 'flattery']),
          choice('report', 'safe'),
        ],
      },
      {
        id: 'safe',
        title: 'Safe',
        narrative: 'You stayed safe.',
        ending: { outcome: 'safe', debrief: 'Well done.' },
      },
      {
        id: 'compromised',
        title: 'Compromised',
        narrative: 'It went wrong.',
        ending: { outcome: 'compromised', debrief: 'Here is why.' },
      },
    ],
  },
  quiz: {
    passMark: 50,
    shuffle: true,
    questions: ['q1', 'q2', 'q3', 'q4'].map((id) => ({
      id,
      kind: 'single',
      prompt: `Prompt of ${id}?`,
      options: [
        { id: 'right', label: 'Right', correct: true },
        { id: 'wrong', label: 'Wrong', correct: false },
        { id: 'other', label: 'Other', correct: false },
      ],
      explanation: `Explanation of ${id}.`,
    })),
  },
});

const answersWith = (right: number) =>
  Object.fromEntries(content.quiz.questions.map((q, i) => [q.id, [i < right ? 'right' : 'wrong']]));

/** Plays choices and quiz rounds from the start, as the API and the preview both do. */
function play(choiceIds: string[], rounds: Record<string, string[]>[] = []) {
  let position: AttemptPosition = startPosition(content);
  const choices: RecordedChoice[] = [];
  const quizRounds: RecordedQuizRound[] = [];
  for (const choiceId of choiceIds) {
    choices.push({ stepId: position.currentStepId, choiceId });
    position = advanceByChoice(content, position, choiceId).position;
  }
  for (const answers of rounds) {
    quizRounds.push({ round: position.quizRound, answers });
    position = advanceByQuiz(content, position, answers).position;
  }
  const state = buildAttemptState({
    attemptId: 'attempt-1',
    assignmentId: 'assignment-1',
    module: { id: 'module-1', title: 'Module', version: 3 },
    content,
    position,
    choices,
    quizRounds,
    redFlagViews: redFlagLookup(catalogue),
  });
  return { position, state };
}

describe('attempt state', () => {
  it('starts at the start step with nothing done', () => {
    const { state } = play([]);
    expect(state).toMatchObject({
      attemptId: 'attempt-1',
      assignmentId: 'assignment-1',
      module: { id: 'module-1', title: 'Module', version: 3 },
      phase: 'scenario',
      choicesMade: 0,
      history: [],
      ending: null,
      quiz: null,
      lastResult: null,
      progressPercent: 0,
    });
    expect(state.step).toEqual({
      id: 'request',
      title: 'A request',
      narrative: 'Someone flattering writes.',
      artefacts: [],
      choices: [
        { id: 'reply', label: 'Label of reply' },
        { id: 'ignore', label: 'Label of ignore' },
      ],
    });
  });

  it('never lets feedback, next steps, points or answers into the step or the quiz', () => {
    const { state } = play(['reply', 'whatsapp']);
    const visible = JSON.stringify({ step: state.step, quiz: state.quiz });
    expect(visible).not.toMatch(/"feedback"|"points"|"next"|"correct"|"explanation"/);
  });

  it('gives each choice its feedback with red-flag views from the catalogue', () => {
    const { state } = play(['reply']);
    expect(state.history).toEqual([
      {
        stepId: 'request',
        stepTitle: 'A request',
        choiceId: 'reply',
        choiceLabel: 'Label of reply',
        feedback: 'Feedback for reply.',
        redFlags: [flag('flattery')],
      },
    ]);
    expect(state.step.id).toBe('reply');
    expect(state.choicesMade).toBe(1);
    // One choice made, one left to the nearest ending.
    expect(state.progressPercent).toBe(35);
  });

  it('ends with the outcome, the debrief and each red flag of the path once, then opens the quiz', () => {
    const { state, position } = play(['reply', 'whatsapp']);
    expect(position).toEqual({
      status: 'in-progress',
      currentStepId: 'compromised',
      choicesMade: 2,
      scenarioOutcome: 'compromised',
      quizRound: 1,
    });
    expect(state.phase).toBe('quiz');
    expect(state.ending).toEqual({
      outcome: 'compromised',
      debrief: 'Here is why.',
      redFlags: [flag('flattery'), flag('move-off-platform')],
    });
    expect(state.progressPercent).toBe(SCENARIO_SHARE);
    expect(state.quiz).toEqual({
      round: 1,
      passMark: 50,
      questions: presentQuiz(content.quiz, 'attempt-1:1', 1),
      gate: null,
    });
  });

  it('shuffles each quiz round from the attempt and round, so a reload shows the same order', () => {
    const first = play(['ignore']).state.quiz!.questions;
    expect(play(['ignore']).state.quiz!.questions).toEqual(first);
    const second = play(['ignore'], [answersWith(0)]).state.quiz!;
    expect(second.round).toBe(2);
    expect(second.questions).toEqual(presentQuiz(content.quiz, 'attempt-1:2', 2));
    expect(second.questions.map((q) => q.id).sort()).toEqual(['q1', 'q2', 'q3', 'q4']);
  });

  it('reshuffles every question’s options in each new round: never the order of the round before', () => {
    let rounds: Record<string, string[]>[] = [];
    let previous = play(['ignore']).state.quiz!.questions;
    for (let round = 2; round <= 12; round++) {
      rounds = [...rounds, answersWith(0)];
      const shown = play(['ignore'], rounds).state.quiz!;
      expect(shown.round).toBe(round);
      for (const view of shown.questions) {
        const before = previous.find((q) => q.id === view.id)!;
        expect({ round, question: view.id, options: view.options.map((o) => o.id) }).not.toEqual({
          round,
          question: view.id,
          options: before.options.map((o) => o.id),
        });
      }
      previous = shown.questions;
    }
  });

  it('keeps the quiz open with the result after a failed round', () => {
    const { state, position } = play(['ignore'], [answersWith(1)]);
    expect(position).toMatchObject({ status: 'in-progress', quizRound: 2 });
    expect(state.phase).toBe('quiz');
    expect(state.progressPercent).toBe(SCENARIO_SHARE);
    expect(state.lastResult).toMatchObject({
      round: 1,
      scorePercent: 25,
      passMark: 50,
      passed: false,
      correctCount: 1,
      total: 4,
    });
    expect(state.lastResult!.questions[0]).toEqual({
      questionId: 'q1',
      prompt: 'Prompt of q1?',
      kind: 'single',
      options: [
        { id: 'right', label: 'Right' },
        { id: 'wrong', label: 'Wrong' },
        { id: 'other', label: 'Other' },
      ],
      correct: true,
      selected: ['right'],
      correctOptionIds: ['right'],
      explanation: 'Explanation of q1.',
    });
    // A wrong answer names the learner's choice and the right one.
    expect(state.lastResult!.questions[1]).toMatchObject({
      questionId: 'q2',
      correct: false,
      selected: ['wrong'],
      correctOptionIds: ['right'],
    });
  });

  it('completes on a pass: no quiz left, the passing result kept, progress full', () => {
    const { state, position } = play(['ignore'], [answersWith(0), answersWith(2)]);
    expect(position.status).toBe('passed');
    expect(state).toMatchObject({
      phase: 'passed',
      quiz: null,
      progressPercent: 100,
      lastResult: { round: 2, scorePercent: 50, passed: true },
    });
    expect(state.step.id).toBe('safe');
    expect(state.ending?.outcome).toBe('safe');
  });

  it('can start from any step; starting on an ending opens the quiz', () => {
    expect(startPosition(content, 'reply')).toEqual({
      status: 'in-progress',
      currentStepId: 'reply',
      choicesMade: 0,
      scenarioOutcome: null,
      quizRound: 0,
    });
    expect(startPosition(content, 'safe')).toMatchObject({ scenarioOutcome: 'safe', quizRound: 1 });
    expect(() => startPosition(content, 'nowhere')).toThrow(PlayError);
  });

  it('refuses moves that are not allowed', () => {
    expect(() => play(['whatsapp'])).toThrow(PlayError);
    expect(() => play(['ignore', 'reply'])).toThrow(PlayError);
    expect(() => play(['ignore'], [{ q1: ['right'] }])).toThrow(QuizError);
  });

  it('measures progress by the shortest way left to an ending', () => {
    const at = (currentStepId: string, choicesMade: number) =>
      progressPercentOf(content, { ...startPosition(content), currentStepId, choicesMade });
    expect(at('request', 0)).toBe(0);
    expect(at('reply', 1)).toBe(35);
    // A long detour never fills the scenario's share before an ending.
    expect(at('reply', 500)).toBe(SCENARIO_SHARE - 1);
  });
});

describe('redFlagLookup', () => {
  it('returns each known flag once, in the order given', () => {
    const views = redFlagLookup(catalogue);
    expect(views(['travel-abroad', 'unknown', 'flattery', 'travel-abroad']).map((f) => f.key)).toEqual([
      'travel-abroad',
      'flattery',
    ]);
    expect(views([])).toEqual([]);
  });
});

describe('retry policy gate', () => {
  const withPolicy = (retryPolicy: ModuleContent['quiz']['retryPolicy']): ModuleContent => ({
    ...content,
    quiz: { ...content.quiz, retryPolicy },
  });
  const failedOnce = (
    policy: ModuleContent['quiz']['retryPolicy'],
    extra: Partial<Parameters<typeof quizGateOf>[0]> = {},
  ) => {
    const c = withPolicy(policy);
    let position: AttemptPosition = advanceByChoice(c, startPosition(c), 'ignore').position;
    position = advanceByQuiz(c, position, answersWith(0)).position;
    return {
      content: c,
      position,
      quizRounds: [{ round: 1, answers: answersWith(0), submittedAt: '2026-03-01T10:00:00.000Z' }],
      ...extra,
    };
  };
  const at = (iso: string) => new Date(iso);

  it('stands in front of nothing without a policy, as before', () => {
    expect(quizGateOf(failedOnce(undefined, { now: at('2026-03-01T10:00:00Z') }))).toBeNull();
  });

  it('never stands in front of round 1', () => {
    const c = withPolicy({ cooldownMinutes: 30, reviewDebrief: true, notifyOfficersAfter: null });
    const position = advanceByChoice(c, startPosition(c), 'ignore').position;
    expect(quizGateOf({ content: c, position, quizRounds: [], now: at('2026-03-01T10:00:00Z') })).toBeNull();
  });

  it('holds the next round until the pause after the failed one is over', () => {
    const policy = { cooldownMinutes: 30, reviewDebrief: false, notifyOfficersAfter: null };
    expect(quizGateOf(failedOnce(policy, { now: at('2026-03-01T10:29:59Z') }))).toEqual({
      opensAt: '2026-03-01T10:30:00.000Z',
      reviewDebrief: false,
    });
    expect(quizGateOf(failedOnce(policy, { now: at('2026-03-01T10:30:00Z') }))).toBeNull();
    // The preview knows no submission times: it never makes an author wait.
    const preview = failedOnce(policy, { now: at('2026-03-01T10:00:01Z') });
    expect(quizGateOf({ ...preview, quizRounds: [{ round: 1, answers: answersWith(0) }] })).toBeNull();
  });

  it('asks for the debrief again before each retry, until it was opened for that round', () => {
    const policy = { cooldownMinutes: 0, reviewDebrief: true, notifyOfficersAfter: null };
    expect(quizGateOf(failedOnce(policy))).toEqual({ opensAt: null, reviewDebrief: true });
    // Opened before round 2 counts for round 2 only.
    expect(quizGateOf(failedOnce(policy, { debriefReviews: [2] }))).toBeNull();
    expect(quizGateOf(failedOnce(policy, { debriefReviews: [3] }))).toEqual({
      opensAt: null,
      reviewDebrief: true,
    });
  });

  it('is part of the state the player gets, and gone once the attempt is passed', () => {
    const policy = { cooldownMinutes: 10, reviewDebrief: true, notifyOfficersAfter: 2 };
    const input = failedOnce(policy, { now: at('2026-03-01T10:05:00Z') });
    const common = {
      attemptId: 'attempt-1',
      assignmentId: 'assignment-1',
      module: { id: 'module-1', title: 'Module', version: 3 },
      choices: [{ stepId: 'request', choiceId: 'ignore' }],
      redFlagViews: redFlagLookup(catalogue),
    };
    const state = buildAttemptState({ ...common, ...input });
    expect(state.quiz!.gate).toEqual({ opensAt: '2026-03-01T10:10:00.000Z', reviewDebrief: true });
    const passed = advanceByQuiz(input.content, input.position, answersWith(4)).position;
    expect(buildAttemptState({ ...common, ...input, position: passed }).quiz).toBeNull();
  });
});
