import fc from 'fast-check';
import type { Quiz, Scenario } from '../model.js';
import {
  buildQuiz,
  buildScenario,
  RED_FLAGS,
  type ChoiceSpec,
  type QuestionSpec,
  type StepSpec,
} from './fixtures.js';

/**
 * fast-check arbitraries for well-formed content. Structure is drawn from a pool of random
 * numbers ("rolls") consumed in order, which keeps the construction readable and deterministic
 * for a given sample (and so reproducible when fast-check reports a counterexample).
 */

const ROLLS = 400;

function roller(rolls: readonly number[]) {
  let cursor = 0;
  /** A number in [0, max). */
  return (max: number): number => rolls[cursor++ % rolls.length]! % max;
}

export interface GeneratedScenario {
  scenario: Scenario;
  /** For each non-ending step, a choice leading to a later step, so following these always ends. */
  forwardChoice: Map<string, string>;
  nonEndingIds: string[];
}

/**
 * A valid scenario: steps s0..s(n-1) with s0 the start and the last `endings` steps endings.
 * Construction guarantees validity:
 *  - every step j > 0 gets a "tree" choice from an earlier non-ending step, so all are reachable;
 *  - every non-ending step has at least one choice to a later step, so following later steps
 *    always ends at an ending (every step can reach an ending, and every loop has an exit);
 *  - extra choices go anywhere (back edges, self loops, forward), adding loops with exits.
 * Steps are then listed in a random order, so the start is not necessarily first. At most five
 * choices per step, leaving room for mutations to add one (the schema allows six).
 */
export const scenarioArb = (maxSize = 25): fc.Arbitrary<GeneratedScenario> =>
  fc
    .record({
      size: fc.integer({ min: 2, max: maxSize }),
      endings: fc.integer({ min: 1, max: 3 }),
      rolls: fc.array(fc.nat({ max: 1_000_000 }), { minLength: ROLLS, maxLength: ROLLS }),
    })
    .map(({ size: n, endings, rolls }) => {
      const roll = roller(rolls);
      const k = Math.min(endings, n - 1);
      const firstEnding = n - k;
      const targets: number[][] = Array.from({ length: n }, () => []);

      for (let j = 1; j < n; j++) {
        const parents = [];
        for (let i = 0; i < Math.min(j, firstEnding); i++) if (targets[i]!.length < 4) parents.push(i);
        if (parents.length === 0) throw new Error('generator: no parent available'); // cannot happen for k <= 3
        targets[parents[roll(parents.length)]!]!.push(j);
      }
      for (let i = 0; i < firstEnding; i++) {
        if (targets[i]!.length === 0) targets[i]!.push(i + 1 + roll(n - i - 1));
        for (let extra = roll(3); extra > 0 && targets[i]!.length < 5; extra--) targets[i]!.push(roll(n));
      }

      const forwardChoice = new Map<string, string>();
      const specs: StepSpec[] = targets.map((out, i) => {
        if (i >= firstEnding) return { id: `s${i}`, ending: roll(2) === 0 ? 'safe' : 'compromised' };
        const choices: ChoiceSpec[] = out.map((to, c) => ({
          id: `c${c}`,
          next: `s${to}`,
          points: roll(11),
          redFlags: Array.from({ length: roll(3) }, () => RED_FLAGS[roll(RED_FLAGS.length)]!),
        }));
        forwardChoice.set(`s${i}`, choices[out.findIndex((to) => to > i)]!.id);
        return { id: `s${i}`, choices };
      });

      // Fisher-Yates over the document order.
      for (let i = specs.length - 1; i > 0; i--) {
        const j = roll(i + 1);
        [specs[i], specs[j]] = [specs[j]!, specs[i]!];
      }

      return {
        scenario: buildScenario('s0', specs),
        forwardChoice,
        nonEndingIds: Array.from({ length: firstEnding }, (_, i) => `s${i}`),
      };
    });

/**
 * A valid quiz: 1..15 questions with 2..8 options each; single questions have exactly one
 * correct option, multiple questions at least one.
 */
export const quizArb: fc.Arbitrary<Quiz> = fc
  .record({
    passMark: fc.integer({ min: 1, max: 100 }),
    shuffle: fc.boolean(),
    questions: fc.array(
      fc.record({
        multiple: fc.boolean(),
        correct: fc.array(fc.boolean(), { minLength: 2, maxLength: 8 }),
        pick: fc.nat(),
        redFlag: fc.option(fc.constantFrom(...RED_FLAGS), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 15 },
    ),
  })
  .map(({ passMark, shuffle, questions }) => {
    const specs: QuestionSpec[] = questions.map((q, i) => {
      const forced = q.pick % q.correct.length;
      const correct = q.multiple
        ? q.correct.map((flag, o) => flag || o === forced) // at least one correct
        : q.correct.map((_, o) => o === forced); // exactly one correct
      return {
        id: `q${i}`,
        kind: q.multiple ? 'multiple' : 'single',
        options: correct.map((isCorrect, o): [string, boolean] => [`q${i}-o${o}`, isCorrect]),
        redFlags: q.redFlag ? [q.redFlag] : [],
      };
    });
    return buildQuiz(specs, passMark, shuffle);
  });

/** Any short seed string, including empty and non-ASCII. */
export const seedArb = fc.string({ maxLength: 20, unit: 'grapheme' });
