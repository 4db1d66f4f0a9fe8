import type { Quiz, QuizQuestion } from './model.js';

/**
 * Presenting and scoring the end-of-module quiz. Presentation hides the answers; scoring is
 * strict (a question counts only when the selection is exactly the set of correct options) and
 * rejects malformed answers rather than guessing what the learner meant.
 */

export class QuizError extends Error {
  constructor(
    public readonly code: 'unknown-question' | 'unknown-option' | 'missing-answer' | 'too-many-options',
    message: string,
    public readonly questionId?: string,
  ) {
    super(message);
    this.name = 'QuizError';
  }
}

/** Question id -> selected option ids. */
export type QuizAnswers = Record<string, string[]>;

/** What a learner sees: no `correct` flags, no explanation, no red flags. */
export interface QuestionView {
  id: string;
  kind: 'single' | 'multiple';
  prompt: string;
  options: { id: string; label: string }[];
}

/**
 * The quiz as shown to a learner. With `quiz.shuffle`, questions and each question's options are
 * shuffled deterministically from `seed` (e.g. the attempt id and round), so reloading the page or
 * scoring on the server sees the same order the learner saw; otherwise document order.
 *
 * With `round`, consecutive rounds never repeat an order: every list of two or more (the
 * questions, and each question's options) is shown in an order of the round's parity — an even
 * or odd permutation of document order, swapping the first two when the shuffle landed on the
 * other kind. An even and an odd permutation always differ, so a learner who failed cannot
 * retry by position ("the second option of the third question"); within a round each order of
 * its parity is equally likely.
 */
export function presentQuiz(quiz: Quiz, seed: string, round?: number): QuestionView[] {
  const random = quiz.shuffle ? mulberry32(xmur3(seed)) : undefined;
  const arrange = <T>(items: readonly T[]): T[] => {
    if (!random) return [...items];
    const order = shuffled(
      items.map((_, index) => index),
      random,
    );
    if (round !== undefined && order.length > 1 && parityOf(order) !== round % 2) {
      [order[0], order[1]] = [order[1]!, order[0]!];
    }
    return order.map((index) => items[index]!);
  };
  return arrange(quiz.questions).map((question) => ({
    id: question.id,
    kind: question.kind,
    prompt: question.prompt,
    options: arrange(question.options).map((option) => ({ id: option.id, label: option.label })),
  }));
}

/** 0 for an even permutation of 0..n-1, 1 for an odd one (the parity of its inversions). */
function parityOf(order: readonly number[]): number {
  let inversions = 0;
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j < order.length; j++) if (order[i]! > order[j]!) inversions++;
  }
  return inversions % 2;
}

export interface QuestionResult {
  questionId: string;
  correct: boolean;
  /** The learner's selection without duplicates, in the options' document order. */
  selected: string[];
  /** In the options' document order. */
  correctOptionIds: string[];
  explanation: string;
  redFlags: string[];
}

export interface QuizResult {
  correctCount: number;
  total: number;
  /** Integer percentage of questions answered exactly right (Math.round). */
  scorePercent: number;
  /** scorePercent >= quiz.passMark */
  passed: boolean;
  /** In document order. */
  questions: QuestionResult[];
}

/**
 * Scores a complete set of answers. Throws a QuizError when an answer names an unknown question
 * or option, when a question is left unanswered (an empty selection counts as unanswered: every
 * question has a correct option, so "none" is never a deliberate answer), or when a single-answer
 * question has more than one option selected. Repeated option ids in a selection are ignored.
 */
export function scoreQuiz(quiz: Quiz, answers: QuizAnswers): QuizResult {
  const questionIds = new Set(quiz.questions.map((question) => question.id));
  for (const questionId of Object.keys(answers)) {
    if (!questionIds.has(questionId)) {
      throw new QuizError(
        'unknown-question',
        `Question "${questionId}" is not part of this quiz.`,
        questionId,
      );
    }
  }

  const questions = quiz.questions.map((question) => scoreQuestion(question, answers));
  const correctCount = questions.filter((result) => result.correct).length;
  const total = questions.length;
  const scorePercent = total === 0 ? 0 : Math.round((correctCount / total) * 100);
  return { correctCount, total, scorePercent, passed: scorePercent >= quiz.passMark, questions };
}

function scoreQuestion(question: QuizQuestion, answers: QuizAnswers): QuestionResult {
  // Own properties only: answers arrive from the network, and "constructor" or "__proto__"
  // must not be mistaken for an answer.
  const answer: unknown = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
  if (!Array.isArray(answer) || answer.length === 0) {
    throw new QuizError('missing-answer', `Question "${question.id}" has not been answered.`, question.id);
  }

  const optionIds = new Set(question.options.map((option) => option.id));
  const picked = new Set<string>();
  for (const optionId of answer as unknown[]) {
    if (typeof optionId !== 'string' || !optionIds.has(optionId)) {
      throw new QuizError(
        'unknown-option',
        `Option "${String(optionId)}" is not an option of question "${question.id}".`,
        question.id,
      );
    }
    picked.add(optionId);
  }
  if (question.kind === 'single' && picked.size > 1) {
    throw new QuizError(
      'too-many-options',
      `Question "${question.id}" takes a single answer but ${picked.size} options were selected.`,
      question.id,
    );
  }

  // Option ids are unique in valid content; de-duplicating anyway keeps the comparison honest.
  const documentOrder = [...new Set(question.options.map((option) => option.id))];
  const correctIds = new Set(question.options.filter((option) => option.correct).map((option) => option.id));
  const selected = documentOrder.filter((id) => picked.has(id));
  const correctOptionIds = documentOrder.filter((id) => correctIds.has(id));
  return {
    questionId: question.id,
    correct: selected.length === correctOptionIds.length && selected.every((id) => correctIds.has(id)),
    selected,
    correctOptionIds,
    explanation: question.explanation,
    redFlags: [...question.redFlags],
  };
}

// --- Seeded shuffling --------------------------------------------------------------------------
// Math.random cannot be seeded, and the order must be reproducible on server and browser alike,
// so: xmur3 to hash the seed string into 32 bits, mulberry32 as the generator (both public-domain
// one-liners by bryc), and a Fisher-Yates shuffle. Statistical quality is ample for ordering.

function xmur3(text: string): number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^= h >>> 16) >>> 0;
}

/** A generator of floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
