import type { ModuleContent, QuizQuestion, Step } from './model.js';
import { retryPolicyOf, type RetryPolicy } from './retry-policy.js';

/**
 * A readable comparison of two versions of a module: which steps and quiz questions were added,
 * removed or changed (matched by id), and what changed in each. Editor-only data (step
 * positions on the canvas) is ignored, so moving a node is not a change.
 */

export type StepField = 'title' | 'narrative' | 'artefacts' | 'choices' | 'ending';
export type QuestionField = 'kind' | 'prompt' | 'options' | 'explanation' | 'redFlags';

export interface StepRef {
  id: string;
  title: string;
}

export interface StepChange extends StepRef {
  /** Fields that differ, in a fixed order. `title` is the newer title. */
  fields: StepField[];
  choices: { added: string[]; removed: string[]; changed: string[] };
}

export interface QuestionRef {
  id: string;
  prompt: string;
}

export interface QuestionChange extends QuestionRef {
  fields: QuestionField[];
}

export interface ModuleDiff {
  start: { from: string; to: string } | null;
  steps: { added: StepRef[]; removed: StepRef[]; changed: StepChange[] };
  questions: { added: QuestionRef[]; removed: QuestionRef[]; changed: QuestionChange[] };
  passMark: { from: number; to: number } | null;
  shuffle: { from: boolean; to: boolean } | null;
  /** What a failed quiz round leads to; a quiz without a policy counts as the default one. */
  retryPolicy: { from: RetryPolicy; to: RetryPolicy } | null;
  /** True when nothing a learner would notice differs. */
  identical: boolean;
}

export function diffModules(from: ModuleContent, to: ModuleContent): ModuleDiff {
  const steps = diffById(from.scenario.steps, to.scenario.steps, stepChange, (s) => ({
    id: s.id,
    title: s.title,
  }));
  const questions = diffById(from.quiz.questions, to.quiz.questions, questionChange, (q) => ({
    id: q.id,
    prompt: q.prompt,
  }));
  const start =
    from.scenario.start === to.scenario.start ? null : { from: from.scenario.start, to: to.scenario.start };
  const passMark =
    from.quiz.passMark === to.quiz.passMark ? null : { from: from.quiz.passMark, to: to.quiz.passMark };
  const shuffle =
    from.quiz.shuffle === to.quiz.shuffle ? null : { from: from.quiz.shuffle, to: to.quiz.shuffle };
  const policies = { from: retryPolicyOf(from.quiz), to: retryPolicyOf(to.quiz) };
  const retryPolicy = sameValue(policies.from, policies.to) ? null : policies;
  const identical =
    start === null &&
    passMark === null &&
    shuffle === null &&
    retryPolicy === null &&
    [steps, questions].every((d) => d.added.length + d.removed.length + d.changed.length === 0);
  return { start, steps, questions, passMark, shuffle, retryPolicy, identical };
}

function diffById<T extends { id: string }, R, C>(
  before: readonly T[],
  after: readonly T[],
  change: (a: T, b: T) => C | null,
  ref: (item: T) => R,
): { added: R[]; removed: R[]; changed: C[] } {
  const old = new Map(before.map((item) => [item.id, item]));
  const next = new Set(after.map((item) => item.id));
  const added: R[] = [];
  const changed: C[] = [];
  for (const item of after) {
    const previous = old.get(item.id);
    if (!previous) added.push(ref(item));
    else {
      const c = change(previous, item);
      if (c) changed.push(c);
    }
  }
  const removed = before.filter((item) => !next.has(item.id)).map(ref);
  return { added, removed, changed };
}

function stepChange(a: Step, b: Step): StepChange | null {
  const choices = diffById(
    a.choices,
    b.choices,
    (x, y) => (sameValue(x, y) ? null : x.id),
    (c) => c.id,
  );
  const fields: StepField[] = [];
  if (a.title !== b.title) fields.push('title');
  if (a.narrative !== b.narrative) fields.push('narrative');
  if (!sameValue(a.artefacts, b.artefacts)) fields.push('artefacts');
  if (
    choices.added.length + choices.removed.length + choices.changed.length > 0 ||
    !sameValue(
      a.choices.map((c) => c.id),
      b.choices.map((c) => c.id),
    )
  )
    fields.push('choices');
  if (!sameValue(a.ending ?? null, b.ending ?? null)) fields.push('ending');
  return fields.length === 0 ? null : { id: b.id, title: b.title, fields, choices };
}

function questionChange(a: QuizQuestion, b: QuizQuestion): QuestionChange | null {
  const fields = (['kind', 'prompt', 'options', 'explanation', 'redFlags'] as const).filter(
    (f) => !sameValue(a[f], b[f]),
  );
  return fields.length === 0 ? null : { id: b.id, prompt: b.prompt, fields: [...fields] };
}

/** Structural equality of JSON values; object key order does not matter, array order does. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    // Absent and undefined are the same thing in JSON.
    return a === b;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (!sameValue(ra[k], rb[k])) return false;
  return true;
}
