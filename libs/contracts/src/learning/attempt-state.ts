import {
  applyChoice,
  findStep,
  presentQuiz,
  retryPolicyOf,
  scoreQuiz,
  toStepView,
  type ChoiceOutcome,
  type ModuleContent,
  type QuizAnswers,
  type QuizResult,
  type Scenario,
} from '@countersign/scenario-engine';
import type { RedFlagView } from '../training/index.js';
import type { AttemptState, ChoiceFeedback, ChoiceResult, QuizGate, QuizResultView } from './index.js';

/**
 * An attempt as pure data: where it stands, how a choice or a quiz round moves it on, and the
 * `AttemptState` the player renders. The API runs these on the published version (and keeps
 * the position on its attempt row, the choices and rounds in its event log); the editor's
 * preview runs them in the browser on the draft. One code path, so preview and the real thing
 * cannot drift. Illegal moves throw the scenario engine's PlayError or QuizError.
 */

/** Share of the progress bar given to the scenario; the quiz takes the rest. */
export const SCENARIO_SHARE = 70;

/** Where an attempt stands: the fields the API keeps on its attempt row. */
export interface AttemptPosition {
  status: 'in-progress' | 'passed';
  currentStepId: string;
  /** Number of choices made so far. */
  choicesMade: number;
  /** Set once the scenario reached an ending; the quiz is then open. */
  scenarioOutcome: 'safe' | 'compromised' | null;
  /** The quiz round open for answers; 0 until the scenario ends. */
  quizRound: number;
}

/** A choice as recorded: the step it was made at and the choice. */
export interface RecordedChoice {
  stepId: string;
  choiceId: string;
}

/** A submitted quiz round and its answers. */
export interface RecordedQuizRound {
  round: number;
  answers: QuizAnswers;
  /** When it was submitted (ISO): the API knows; the editor's preview has none and never waits. */
  submittedAt?: string;
}

/**
 * The position of a new attempt: at the scenario's start step, or at `fromStepId` (the editor's
 * "preview from this step"). Starting on an ending opens the quiz straight away.
 */
export function startPosition(content: ModuleContent, fromStepId = content.scenario.start): AttemptPosition {
  const step = findStep(content.scenario, fromStepId);
  return {
    status: 'in-progress',
    currentStepId: step.id,
    choicesMade: 0,
    scenarioOutcome: step.ending?.outcome ?? null,
    quizRound: step.ending ? 1 : 0,
  };
}

/** Makes a choice at the current step; reaching an ending opens quiz round 1. */
export function advanceByChoice(
  content: ModuleContent,
  position: AttemptPosition,
  choiceId: string,
): { position: AttemptPosition; outcome: ChoiceOutcome } {
  const outcome = applyChoice(content.scenario, position.currentStepId, choiceId);
  const next: AttemptPosition = {
    ...copyOf(position),
    currentStepId: outcome.to.id,
    choicesMade: position.choicesMade + 1,
  };
  if (outcome.to.ending) {
    next.scenarioOutcome = outcome.to.ending.outcome;
    next.quizRound = 1;
  }
  return { position: next, outcome };
}

/** Scores the open quiz round: a pass completes the attempt, a fail opens the next round. */
export function advanceByQuiz(
  content: ModuleContent,
  position: AttemptPosition,
  answers: QuizAnswers,
): { position: AttemptPosition; result: QuizResult } {
  const result = scoreQuiz(content.quiz, answers);
  const next: AttemptPosition = result.passed
    ? { ...copyOf(position), status: 'passed' }
    : { ...copyOf(position), quizRound: position.quizRound + 1 };
  return { position: next, result };
}

/** Just the position's fields (the API passes its whole attempt row). */
function copyOf(position: AttemptPosition): AttemptPosition {
  const { status, currentStepId, choicesMade, scenarioOutcome, quizRound } = position;
  return { status, currentStepId, choicesMade, scenarioOutcome, quizRound };
}

/**
 * 0..100. The scenario's share grows with choices made over the shortest way left to an ending
 * (it never reaches the full share before an ending); the quiz completes it.
 */
export function progressPercentOf(content: ModuleContent, position: AttemptPosition): number {
  if (position.status === 'passed') return 100;
  if (position.scenarioOutcome) return SCENARIO_SHARE;
  const remaining = stepsToEnding(content.scenario, position.currentStepId);
  const done = position.choicesMade;
  return Math.min(SCENARIO_SHARE - 1, Math.round((SCENARIO_SHARE * done) / Math.max(1, done + remaining)));
}

function stepsToEnding(scenario: Scenario, from: string): number {
  const byId = new Map(scenario.steps.map((s) => [s.id, s]));
  const seen = new Set([from]);
  let frontier = [from];
  for (let distance = 0; frontier.length; distance++) {
    const next: string[] = [];
    for (const id of frontier) {
      const step = byId.get(id);
      if (!step || step.ending) return distance;
      for (const c of step.choices) {
        if (seen.has(c.next)) continue;
        seen.add(c.next);
        next.push(c.next);
      }
    }
    frontier = next;
  }
  return 1;
}

/** Red-flag keys to views from a catalogue: unique, in the order given, unknown keys dropped. */
export function redFlagLookup(catalogue: readonly RedFlagView[]): (keys: readonly string[]) => RedFlagView[] {
  const byKey = new Map(catalogue.map((flag) => [flag.key, flag]));
  return (keys) =>
    [...new Set(keys)].flatMap((key) => {
      const flag = byKey.get(key);
      return flag ? [flag] : [];
    });
}

export interface AttemptStateInput {
  attemptId: string;
  assignmentId: string;
  module: AttemptState['module'];
  content: ModuleContent;
  position: AttemptPosition;
  /** Choices made, oldest first. */
  choices: readonly RecordedChoice[];
  /** Quiz rounds submitted, oldest first. */
  quizRounds: readonly RecordedQuizRound[];
  /** The rounds before which the learner opened the debrief again (the round open at the time). */
  debriefReviews?: readonly number[];
  /** The time a pause after a failed round is judged at; without it no pause is pending. */
  now?: Date;
  redFlagViews: (keys: readonly string[]) => RedFlagView[];
}

/** Everything the player needs to render the attempt. */
export function buildAttemptState(input: AttemptStateInput): AttemptState {
  const { content, position, redFlagViews } = input;
  const { scenario } = content;

  const history = input.choices.map((recorded) => choiceFeedbackOf(scenario, recorded, redFlagViews));

  const step = findStep(scenario, position.currentStepId);
  const phase = phaseOf(position);
  const last = input.quizRounds.at(-1);

  return {
    attemptId: input.attemptId,
    assignmentId: input.assignmentId,
    module: input.module,
    phase,
    choicesMade: position.choicesMade,
    step: toStepView(step),
    history,
    ending: step.ending
      ? { ...step.ending, redFlags: redFlagViews(history.flatMap((h) => h.redFlags.map((f) => f.key))) }
      : null,
    quiz: phase === 'quiz' ? quizView(content, input.attemptId, position.quizRound, quizGateOf(input)) : null,
    lastResult: last ? quizResultView(content, last) : null,
    progressPercent: progressPercentOf(content, position),
  };
}

function phaseOf(position: AttemptPosition): AttemptState['phase'] {
  return position.status === 'passed' ? 'passed' : position.scenarioOutcome ? 'quiz' : 'scenario';
}

function quizView(
  content: ModuleContent,
  attemptId: string,
  round: number,
  gate: QuizGate | null,
): NonNullable<AttemptState['quiz']> {
  const { quiz } = content;
  return {
    round,
    passMark: quiz.passMark,
    // With the round, so no round repeats the order of the one before (see presentQuiz).
    questions: presentQuiz(quiz, quizSeed(attemptId, round), round),
    gate,
  };
}

export interface QuizGateInput {
  content: ModuleContent;
  position: AttemptPosition;
  /** Quiz rounds submitted, oldest first, with when each was submitted. */
  quizRounds: readonly RecordedQuizRound[];
  /** The rounds before which the debrief was opened again. */
  debriefReviews?: readonly number[];
  now?: Date;
}

/**
 * What the module's retry policy still asks before the open round may be submitted: null when
 * nothing (round 1, no policy, or every condition met). The API enforces it on submission and the
 * player explains it; the preview passes no submission times, so it never makes an author wait.
 */
export function quizGateOf(input: QuizGateInput): QuizGate | null {
  const { position } = input;
  if (position.status !== 'in-progress' || !position.scenarioOutcome || position.quizRound <= 1) return null;
  const policy = retryPolicyOf(input.content.quiz);
  let opensAt: string | null = null;
  const failed = input.quizRounds.find((r) => r.round === position.quizRound - 1);
  if (policy.cooldownMinutes > 0 && failed?.submittedAt && input.now) {
    const opens = Date.parse(failed.submittedAt) + policy.cooldownMinutes * 60_000;
    if (opens > input.now.getTime()) opensAt = new Date(opens).toISOString();
  }
  const reviewDebrief = policy.reviewDebrief && !(input.debriefReviews ?? []).includes(position.quizRound);
  return opensAt !== null || reviewDebrief ? { opensAt, reviewDebrief } : null;
}

/** A recorded choice as the player shows it: the step, the choice, its feedback and red flags. */
export function choiceFeedbackOf(
  scenario: Scenario,
  recorded: RecordedChoice,
  redFlagViews: (keys: readonly string[]) => RedFlagView[],
): ChoiceFeedback {
  const step = findStep(scenario, recorded.stepId);
  const choice = step.choices.find((c) => c.id === recorded.choiceId);
  if (!choice) throw new Error(`Choice "${recorded.choiceId}" is not offered at step "${step.id}".`);
  return {
    stepId: step.id,
    stepTitle: step.title,
    choiceId: choice.id,
    choiceLabel: choice.label,
    feedback: choice.feedback,
    redFlags: redFlagViews(choice.redFlags),
  };
}

export interface ChoiceResultInput {
  attemptId: string;
  content: ModuleContent;
  /** The choice's position: how many choices had been made before it. */
  seq: number;
  choice: RecordedChoice;
  /** Where the attempt stands now. */
  position: AttemptPosition;
  redFlagViews: (keys: readonly string[]) => RedFlagView[];
}

/** What the API answers to a choice: the feedback, and what comes next. */
export function buildChoiceResult(input: ChoiceResultInput): ChoiceResult {
  const { content, position } = input;
  const step = findStep(content.scenario, position.currentStepId);
  const phase = phaseOf(position);
  return {
    attemptId: input.attemptId,
    seq: input.seq,
    feedback: choiceFeedbackOf(content.scenario, input.choice, input.redFlagViews),
    phase,
    choicesMade: position.choicesMade,
    step: toStepView(step),
    ending: step.ending ?? null,
    // A choice only ever opens round 1, which nothing stands in front of.
    quiz: phase === 'quiz' ? quizView(content, input.attemptId, position.quizRound, null) : null,
    progressPercent: progressPercentOf(content, position),
  };
}

/**
 * Folds a choice's answer into the state the player held when it made the choice: the state the
 * API's GET would now return. Null when the answer does not follow from that state (another tab
 * moved the attempt on, or the answer is to an older retry): reload the state instead.
 */
export function applyChoiceResult(state: AttemptState, result: ChoiceResult): AttemptState | null {
  if (
    result.attemptId !== state.attemptId ||
    result.seq !== state.choicesMade ||
    result.choicesMade !== result.seq + 1
  ) {
    return null;
  }
  const history = [...state.history, result.feedback];
  return {
    ...state,
    phase: result.phase,
    choicesMade: result.choicesMade,
    step: result.step,
    history,
    ending: result.ending ? { ...result.ending, redFlags: pathRedFlags(history) } : null,
    quiz: result.quiz,
    progressPercent: result.progressPercent,
  };
}

/** Every red flag met along the path, each once, in the order met (as buildAttemptState lists them). */
function pathRedFlags(history: readonly ChoiceFeedback[]): RedFlagView[] {
  return redFlagLookup(history.flatMap((h) => h.redFlags))(
    history.flatMap((h) => h.redFlags.map((f) => f.key)),
  );
}

/**
 * The seed of a round's question and option order: stable for the round (a reload shows the
 * same), different for the next one.
 */
export function quizSeed(attemptId: string, round: number): string {
  return `${attemptId}:${round}`;
}

/**
 * A submitted round re-scored against the content, with each question's prompt and option labels,
 * so the learner sees what they answered and what was right.
 */
export function quizResultView(content: ModuleContent, submitted: RecordedQuizRound): QuizResultView {
  const { quiz } = content;
  const result = scoreQuiz(quiz, submitted.answers);
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  return {
    round: submitted.round,
    scorePercent: result.scorePercent,
    passMark: quiz.passMark,
    passed: result.passed,
    correctCount: result.correctCount,
    total: result.total,
    questions: result.questions.map((q) => {
      const question = byId.get(q.questionId)!;
      return {
        questionId: q.questionId,
        prompt: question.prompt,
        kind: question.kind,
        options: question.options.map((option) => ({ id: option.id, label: option.label })),
        correct: q.correct,
        selected: q.selected,
        correctOptionIds: q.correctOptionIds,
        explanation: q.explanation,
      };
    }),
  };
}
