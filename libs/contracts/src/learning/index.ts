import { z } from 'zod';
import type { Ending, QuestionView, StepView } from '@countersign/scenario-engine';
import { textSchema } from '../common/index.js';
import type { RedFlagView } from '../training/index.js';

export * from './attempt-state.js';

export type AssignmentStatus = 'not-started' | 'in-progress' | 'completed';

/** One row of "My training". */
export interface MyAssignment {
  assignmentId: string;
  module: { id: string; title: string; summary: string; estimatedMinutes: number };
  dueDate: string;
  status: AssignmentStatus;
  overdue: boolean;
  /** 0..100: share of the module done (scenario steps then quiz). */
  progressPercent: number;
  activeAttemptId: string | null;
  completion: { completedAt: string; scorePercent: number; version: number } | null;
}

export interface ChoiceFeedback {
  stepId: string;
  stepTitle: string;
  choiceId: string;
  choiceLabel: string;
  feedback: string;
  redFlags: RedFlagView[];
}

/** One question of a submitted round: what was asked, what the learner chose, and what was right. */
export interface QuizQuestionResult {
  questionId: string;
  prompt: string;
  kind: 'single' | 'multiple';
  /** Every option with its label, in the question's document order: to name the choices below. */
  options: { id: string; label: string }[];
  correct: boolean;
  /** The learner's selection, in document order. */
  selected: string[];
  /** The right answer(s), in document order. */
  correctOptionIds: string[];
  explanation: string;
}

export interface QuizResultView {
  round: number;
  scorePercent: number;
  passMark: number;
  passed: boolean;
  correctCount: number;
  total: number;
  questions: QuizQuestionResult[];
}

/**
 * What stands between a learner and a retry (round 2 on), from the module's retry policy. The
 * API refuses the round until it is cleared: 429 `quiz_cooldown` while `opensAt` is ahead, 409
 * `debrief_review_required` until the debrief has been opened again.
 */
export interface QuizGate {
  /** When the round opens (ISO), if a pause after the failed round is still running; else null. */
  opensAt: string | null;
  /** The scenario's ending and debrief must be opened again first (POST …/debrief-review). */
  reviewDebrief: boolean;
}

/** Everything the player needs to render an attempt and resume it. */
export interface AttemptState {
  attemptId: string;
  assignmentId: string;
  module: { id: string; title: string; version: number };
  phase: 'scenario' | 'quiz' | 'passed';
  /** Number of choices made so far; send it back as `seq` with the next choice. */
  choicesMade: number;
  /** The step on screen (an ending once the scenario is over). */
  step: StepView;
  /** Choices made so far with their feedback, oldest first. */
  history: ChoiceFeedback[];
  ending: (Ending & { redFlags: RedFlagView[] }) | null;
  /** Present in the quiz phase: the round to answer and its questions in this attempt's order. */
  quiz: { round: number; passMark: number; questions: QuestionView[]; gate: QuizGate | null } | null;
  /** The latest quiz result, if any round was submitted. */
  lastResult: QuizResultView | null;
  progressPercent: number;
}

/**
 * The answer to a choice: what the player needs next, not the whole attempt (that stays at GET).
 * `applyChoiceResult` folds it into the state the player holds.
 */
export interface ChoiceResult {
  attemptId: string;
  /** The position the choice was recorded at: the request's `seq`. */
  seq: number;
  /** The choice just made, with its feedback: the last entry of the attempt's history. */
  feedback: ChoiceFeedback;
  phase: AttemptState['phase'];
  choicesMade: number;
  step: StepView;
  /** The ending reached, if this choice reached one (its red flags are the whole path's). */
  ending: Ending | null;
  quiz: AttemptState['quiz'];
  progressPercent: number;
}

export const choiceRequestSchema = z.object({
  /** How many choices the client had seen made; makes a retried request harmless. */
  seq: z.number().int().min(0).max(10_000),
  choiceId: textSchema.min(1).max(64),
});
export type ChoiceRequest = z.infer<typeof choiceRequestSchema>;

export const quizSubmissionSchema = z.object({
  round: z.number().int().min(1).max(1000),
  answers: z.record(textSchema.max(64), z.array(textSchema.max(64)).max(8)),
});
export type QuizSubmission = z.infer<typeof quizSubmissionSchema>;
