import type { z } from 'zod';
import {
  buildGraph,
  canReachEnding,
  reachableFrom,
  stronglyConnectedComponents,
  type StepGraph,
} from './graph.js';
import {
  draftContentSchema,
  moduleContentSchema,
  type ModuleContent,
  type Quiz,
  type Scenario,
} from './model.js';
import { describeSchemaIssue } from './schema-issues.js';

/**
 * Whole-document checks for a module: the zod schema first (shapes), then the graph and quiz
 * rules that need the entire document and must point at the step, choice or question at fault.
 *
 * Issues come out in document order (the order of their `path`), so the same content always
 * yields the same list and an editor can show them top to bottom.
 *
 * A draft may be incomplete (see `draftContentSchema`): a blank text is a problem that stops
 * publishing, not saving. So the graph and quiz rules run on any content shaped like a draft, and
 * the author sees a blank narrative and an unreachable step at once, not one after the other.
 */

export type ValidationCode =
  | 'schema'
  | 'duplicate-id'
  | 'missing-start'
  | 'dangling-link'
  | 'unreachable-step'
  | 'dead-end'
  | 'no-ending'
  | 'ending-with-choices'
  | 'cycle-without-exit'
  | 'unknown-red-flag'
  | 'quiz-no-correct-option'
  | 'quiz-single-needs-one-correct'
  | 'quiz-duplicate-option';

export interface ValidationIssue {
  code: ValidationCode;
  severity: 'error';
  message: string;
  /** JSON-pointer-like path, e.g. "scenario.steps[3].choices[1].next". */
  path: string;
  /**
   * What to do, worded for display next to the field the path names ("Fill this in before
   * publishing."); `message` says where the problem is as well. Absent when `message` serves both.
   */
  fieldMessage?: string;
  stepId?: string;
  choiceId?: string;
  questionId?: string;
}

export interface ValidateOptions {
  /** The red-flag catalogue; every key cited by a choice or question must be in it. */
  redFlagKeys: ReadonlySet<string> | readonly string[];
}

export type ValidationResult =
  { ok: true; content: ModuleContent; issues: [] } | { ok: false; issues: ValidationIssue[] };

export function validateModule(input: unknown, options: ValidateOptions): ValidationResult {
  const parsed = moduleContentSchema.safeParse(input);
  if (parsed.success) {
    const issues = rulesOf(parsed.data, options);
    return issues.length === 0 ? { ok: true, content: parsed.data, issues: [] } : { ok: false, issues };
  }
  const shape = parsed.error.issues.map((issue) => schemaIssue(issue, input));
  const draft = draftContentSchema.safeParse(input);
  if (!draft.success) return { ok: false, issues: shape };
  return { ok: false, issues: inDocumentOrder([...shape, ...rulesOf(draft.data, options)]) };
}

export type DraftParseResult =
  { ok: true; content: ModuleContent } | { ok: false; issues: ValidationIssue[] };

/**
 * Checks content as autosave stores it: shaped and bounded like a module, complete or not. What
 * it refuses (an unknown field type, a text over its limit, a malformed id) is named in plain words.
 */
export function parseDraft(input: unknown): DraftParseResult {
  const parsed = draftContentSchema.safeParse(input);
  return parsed.success
    ? { ok: true, content: parsed.data }
    : { ok: false, issues: parsed.error.issues.map((issue) => schemaIssue(issue, input)) };
}

function rulesOf(content: ModuleContent, options: ValidateOptions): ValidationIssue[] {
  return [...validateScenario(content.scenario, options), ...validateQuiz(content.quiz, options)];
}

/** Joins a zod path the way the rest of the issues are written: `scenario.steps[2].title`. */
function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

function schemaIssue(issue: z.core.$ZodIssue, input: unknown): ValidationIssue {
  const { message, fieldMessage } = describeSchemaIssue(issue, input);
  return { code: 'schema', severity: 'error', message, path: formatPath(issue.path), fieldMessage };
}

/**
 * The order of the fields in the model, for sorting issues from the schema and from the rules
 * into one list. Keys not listed (artefact fields) rank after these, in the order first found.
 */
const FIELD_ORDER = [
  'scenario',
  'start',
  'steps',
  'quiz',
  'passMark',
  'shuffle',
  'questions',
  'id',
  'kind',
  'title',
  'prompt',
  'narrative',
  'artefacts',
  'choices',
  'ending',
  'outcome',
  'debrief',
  'label',
  'next',
  'feedback',
  'options',
  'correct',
  'explanation',
  'redFlags',
  'points',
  'position',
];

function pathSegments(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

/** A stable sort by path, segment by segment: indices by number, keys by their place in the model. */
function inDocumentOrder(issues: ValidationIssue[]): ValidationIssue[] {
  const rank = new Map(FIELD_ORDER.map((key, i) => [key, i]));
  const keyed = issues.map((issue, index) => {
    const segments = pathSegments(issue.path).map((s) => {
      if (typeof s === 'number') return s;
      if (!rank.has(s)) rank.set(s, rank.size);
      return rank.get(s)!;
    });
    return { issue, index, segments };
  });
  keyed.sort((a, b) => {
    for (let i = 0; i < Math.min(a.segments.length, b.segments.length); i++) {
      const d = a.segments[i]! - b.segments[i]!;
      if (d !== 0) return d;
    }
    // A place comes before the places inside it (a step's problems before its fields').
    return a.segments.length - b.segments.length || a.index - b.index;
  });
  return keyed.map(({ issue }) => issue);
}

function toKeySet(keys: ValidateOptions['redFlagKeys']): ReadonlySet<string> {
  return keys instanceof Set ? keys : new Set(keys as readonly string[]);
}

const quote = (id: string) => `"${id}"`;

/**
 * Steps that lie on a loop learners can never leave for an ending. Of all the steps that cannot
 * reach an ending, only the root causes are reported: a "trapped" region always drains into a
 * sink component (one with no edge to another trapped component). A single-step sink has no usable
 * choice at all and is already reported as a dead end or by its dangling links; a sink that is a
 * loop is reported here, once per step on it. Steps upstream of a trap are not reported, since
 * fixing the trap fixes them — this keeps one mistake from producing a cascade of issues.
 */
function exitlessLoops(graph: StepGraph, reachesEnding: readonly boolean[]): number[][] {
  const trapped = graph.isNode.map((isNode, i) => isNode && !reachesEnding[i]);
  const component = stronglyConnectedComponents(graph.edges, trapped);
  const members = new Map<number, number[]>();
  const isSink = new Map<number, boolean>();
  const isLoop = new Map<number, boolean>();
  component.forEach((c, v) => {
    if (c === -1) return;
    members.set(c, [...(members.get(c) ?? []), v]);
    if (!isSink.has(c)) isSink.set(c, true);
    for (const w of graph.edges[v]!) {
      // Every successor of a trapped step is trapped too, so w is always in some component.
      if (component[w] !== c) isSink.set(c, false);
      if (w === v) isLoop.set(c, true);
    }
  });
  const loops: number[][] = [];
  for (const [c, steps] of members) {
    if (isSink.get(c) && (steps.length > 1 || isLoop.get(c))) loops.push(steps.sort((a, b) => a - b));
  }
  return loops;
}

export function validateScenario(scenario: Scenario, options: ValidateOptions): ValidationIssue[] {
  const redFlagKeys = toKeySet(options.redFlagKeys);
  const { steps } = scenario;
  const graph = buildGraph(steps);
  const startIndex = graph.indexById.get(scenario.start);
  const reachable = startIndex === undefined ? undefined : reachableFrom(graph, startIndex);
  const reachesEnding = canReachEnding(graph, steps);

  const issues: ValidationIssue[] = [];
  const add = (issue: Omit<ValidationIssue, 'severity'>) => issues.push({ severity: 'error', ...issue });

  // Issues are produced by walking the document in order (start, steps, each step's fields,
  // each choice's fields), which is what keeps the output in path order without sorting.
  if (startIndex === undefined) {
    add({
      code: 'missing-start',
      path: 'scenario.start',
      message: `The start step ${quote(scenario.start)} does not exist.`,
    });
  }

  // With a missing start, "reachable" is meaningless; only complain if there is no ending at all.
  const hasEnding = reachable
    ? steps.some((step, i) => reachable[i] && graph.isNode[i] && step.ending !== undefined)
    : steps.some((step) => step.ending !== undefined);
  if (!hasEnding) {
    add({
      code: 'no-ending',
      path: 'scenario.steps',
      message: reachable
        ? 'No ending can be reached from the start step; the scenario needs at least one reachable ending.'
        : 'The scenario has no ending step; it needs at least one.',
    });
  }

  const loopOf = new Map<number, number[]>();
  for (const loop of exitlessLoops(graph, reachesEnding)) for (const i of loop) loopOf.set(i, loop);

  steps.forEach((step, i) => {
    const stepPath = `scenario.steps[${i}]`;
    const stepId = step.id;

    if (graph.isNode[i]) {
      if (reachable && !reachable[i]) {
        add({
          code: 'unreachable-step',
          path: stepPath,
          stepId,
          message: `Step ${quote(stepId)} cannot be reached from the start step.`,
        });
      }
      const loop = loopOf.get(i);
      if (loop) {
        const others = loop.filter((j) => j !== i).map((j) => quote(steps[j]!.id));
        add({
          code: 'cycle-without-exit',
          path: stepPath,
          stepId,
          message:
            others.length > 0
              ? `Step ${quote(stepId)} is on a loop (with ${others.join(', ')}) from which no ending can be reached.`
              : `Step ${quote(stepId)} only leads back to itself; no ending can be reached from it.`,
        });
      }
    } else {
      add({
        code: 'duplicate-id',
        path: `${stepPath}.id`,
        stepId,
        message: `Step id ${quote(stepId)} is used by more than one step.`,
      });
    }

    if (step.ending && step.choices.length > 0) {
      add({
        code: 'ending-with-choices',
        path: `${stepPath}.choices`,
        stepId,
        message: `Step ${quote(stepId)} is an ending but also offers choices; an ending must have none.`,
      });
    } else if (!step.ending && step.choices.length === 0) {
      add({
        code: 'dead-end',
        path: `${stepPath}.choices`,
        stepId,
        message: `Step ${quote(stepId)} is a dead end: it has no choices and is not an ending.`,
      });
    }

    const choiceIds = new Set<string>();
    step.choices.forEach((choice, j) => {
      const choicePath = `${stepPath}.choices[${j}]`;
      const choiceId = choice.id;
      if (choiceIds.has(choiceId)) {
        add({
          code: 'duplicate-id',
          path: `${choicePath}.id`,
          stepId,
          choiceId,
          message: `Step ${quote(stepId)} has more than one choice with id ${quote(choiceId)}.`,
        });
      }
      choiceIds.add(choiceId);

      if (!graph.indexById.has(choice.next)) {
        add({
          code: 'dangling-link',
          path: `${choicePath}.next`,
          stepId,
          choiceId,
          message: `Choice ${quote(choiceId)} of step ${quote(stepId)} leads to step ${quote(choice.next)}, which does not exist.`,
        });
      }

      choice.redFlags.forEach((key, k) => {
        if (!redFlagKeys.has(key)) {
          add({
            code: 'unknown-red-flag',
            path: `${choicePath}.redFlags[${k}]`,
            stepId,
            choiceId,
            message: `Choice ${quote(choiceId)} of step ${quote(stepId)} cites unknown red flag ${quote(key)}.`,
          });
        }
      });
    });
  });

  return issues;
}

export function validateQuiz(quiz: Quiz, options: ValidateOptions): ValidationIssue[] {
  const redFlagKeys = toKeySet(options.redFlagKeys);
  const issues: ValidationIssue[] = [];
  const add = (issue: Omit<ValidationIssue, 'severity'>) => issues.push({ severity: 'error', ...issue });
  const questionIds = new Set<string>();

  quiz.questions.forEach((question, q) => {
    const questionPath = `quiz.questions[${q}]`;
    const questionId = question.id;

    if (questionIds.has(questionId)) {
      add({
        code: 'duplicate-id',
        path: `${questionPath}.id`,
        questionId,
        message: `Question id ${quote(questionId)} is used by more than one question.`,
      });
    }
    questionIds.add(questionId);

    const correctCount = question.options.filter((option) => option.correct).length;
    if (correctCount === 0) {
      add({
        code: 'quiz-no-correct-option',
        path: `${questionPath}.options`,
        questionId,
        message: `Question ${quote(questionId)} has no correct option.`,
      });
    } else if (question.kind === 'single' && correctCount > 1) {
      add({
        code: 'quiz-single-needs-one-correct',
        path: `${questionPath}.options`,
        questionId,
        message: `Question ${quote(questionId)} is single-answer but has ${correctCount} correct options; it needs exactly one.`,
      });
    }

    const optionIds = new Set<string>();
    question.options.forEach((option, o) => {
      if (optionIds.has(option.id)) {
        add({
          code: 'quiz-duplicate-option',
          path: `${questionPath}.options[${o}].id`,
          questionId,
          message: `Question ${quote(questionId)} has more than one option with id ${quote(option.id)}.`,
        });
      }
      optionIds.add(option.id);
    });

    question.redFlags.forEach((key, k) => {
      if (!redFlagKeys.has(key)) {
        add({
          code: 'unknown-red-flag',
          path: `${questionPath}.redFlags[${k}]`,
          questionId,
          message: `Question ${quote(questionId)} cites unknown red flag ${quote(key)}.`,
        });
      }
    });
  });

  return issues;
}
