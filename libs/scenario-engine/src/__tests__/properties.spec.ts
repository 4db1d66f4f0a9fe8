import fc from 'fast-check';
import type { Scenario, Step } from '../model.js';
import { bestPoints, replay } from '../play.js';
import { presentQuiz, scoreQuiz, type QuizAnswers } from '../quiz.js';
import { validateModule, validateQuiz, validateScenario } from '../validate.js';
import { scenarioArb, quizArb, seedArb, type GeneratedScenario } from './arbitraries.js';
import { RED_FLAGS, stepInput } from './fixtures.js';
import { scenarioSchema } from '../model.js';

const options = { redFlagKeys: RED_FLAGS };
const runs = { numRuns: 200 };

// --- Small independent reference implementations, used as oracles -----------------------------

const stepById = (scenario: Scenario) => new Map(scenario.steps.map((step) => [step.id, step]));

/** Ids of the steps reachable from the start (choices of endings are not followed). */
function reachableIds(scenario: Scenario): Set<string> {
  const byId = stepById(scenario);
  const seen = new Set<string>();
  const visit = (id: string) => {
    const step = byId.get(id);
    if (!step || seen.has(id)) return;
    seen.add(id);
    if (!step.ending) step.choices.forEach((choice) => visit(choice.next));
  };
  visit(scenario.start);
  return seen;
}

/** The best simple path by brute force: every path from the start that repeats no step. */
function bruteForceBest(scenario: Scenario): { points: number; choices: string[] } | undefined {
  const byId = stepById(scenario);
  let best: { points: number; choices: string[] } | undefined;
  const visited = new Set<string>();
  const walk = (step: Step, points: number, choices: string[]) => {
    if (step.ending) {
      if (!best || points > best.points) best = { points, choices: [...choices] };
      return;
    }
    visited.add(step.id);
    for (const choice of step.choices) {
      const next = byId.get(choice.next);
      if (next && !visited.has(next.id)) walk(next, points + choice.points, [...choices, choice.id]);
    }
    visited.delete(step.id);
  };
  walk(byId.get(scenario.start)!, 0, []);
  return best;
}

const withSteps = (scenario: Scenario, steps: Step[]): Scenario => ({ ...scenario, steps });
const indexOf = (scenario: Scenario, stepId: string) =>
  scenario.steps.findIndex((step) => step.id === stepId);
const parseStep = (spec: Parameters<typeof stepInput>[0]): Step =>
  scenarioSchema.parse({ start: spec.id, steps: [stepInput(spec)] }).steps[0]!;

// --- Validation -------------------------------------------------------------------------------

describe('validation properties', () => {
  it('accepts every generated well-formed scenario', () => {
    fc.assert(
      fc.property(scenarioArb(), ({ scenario }) => {
        expect(validateScenario(scenario, options)).toEqual([]);
      }),
      runs,
    );
  });

  it('accepts every generated well-formed module', () => {
    fc.assert(
      fc.property(scenarioArb(), quizArb, ({ scenario }, quiz) => {
        const result = validateModule({ scenario, quiz }, { redFlagKeys: new Set(RED_FLAGS) });
        expect(result.issues).toEqual([]);
        expect(result.ok).toBe(true);
      }),
      runs,
    );
  });

  it('reports an added orphan step, and only that', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.nat(), fc.nat(), ({ scenario }, at, target) => {
        const next = scenario.steps[target % scenario.steps.length]!.id;
        const orphan = parseStep({ id: 'orphan', choices: [{ id: 'go', next }] });
        const steps = [...scenario.steps];
        const position = at % (steps.length + 1);
        steps.splice(position, 0, orphan);
        expect(validateScenario(withSteps(scenario, steps), options)).toEqual([
          expect.objectContaining({
            code: 'unreachable-step',
            stepId: 'orphan',
            path: `scenario.steps[${position}]`,
          }),
        ]);
      }),
      runs,
    );
  });

  it('reports a non-ending step stripped of its choices as a dead end (plus what it cut off)', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.nat(), ({ scenario, nonEndingIds }, pick) => {
        const stripped = nonEndingIds[pick % nonEndingIds.length]!;
        const mutated = withSteps(
          scenario,
          scenario.steps.map((step) => (step.id === stripped ? { ...step, choices: [] } : step)),
        );
        const issues = validateScenario(mutated, options);

        // The stripped step is reported, once, as a dead end.
        expect(issues.filter((issue) => issue.stepId === stripped)).toEqual([
          expect.objectContaining({
            code: 'dead-end',
            path: `scenario.steps[${indexOf(mutated, stripped)}].choices`,
          }),
        ]);
        // Anything else is a consequence the oracle predicts: steps only reachable through it,
        // and no reachable ending at all if it was the only way to one. Nothing cascades upstream.
        const reachable = reachableIds(mutated);
        const cutOff = mutated.steps.filter((step) => !reachable.has(step.id)).map((step) => step.id);
        const endingLeft = mutated.steps.some((step) => step.ending && reachable.has(step.id));
        const others = issues.filter((issue) => issue.stepId !== stripped);
        expect(others.map((issue) => issue.code)).toEqual([
          ...(endingLeft ? [] : ['no-ending']),
          ...cutOff.map(() => 'unreachable-step'),
        ]);
        expect(others.flatMap((issue) => (issue.stepId ? [issue.stepId] : []))).toEqual(cutOff);
      }),
      runs,
    );
  });

  it('reports exactly the stripped step when nothing else depended on it', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.nat(), ({ scenario, nonEndingIds }, pick) => {
        const stripped = nonEndingIds[pick % nonEndingIds.length]!;
        const mutated = withSteps(
          scenario,
          scenario.steps.map((step) => (step.id === stripped ? { ...step, choices: [] } : step)),
        );
        fc.pre(reachableIds(mutated).size === mutated.steps.length);
        expect(validateScenario(mutated, options)).toEqual([
          expect.objectContaining({ code: 'dead-end', stepId: stripped }),
        ]);
      }),
      { numRuns: 100 },
    );
  });

  it('reports a choice pointed at a missing step, naming the step and the choice', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.nat(), ({ scenario, nonEndingIds }, pick) => {
        const broken = nonEndingIds[pick % nonEndingIds.length]!;
        const index = indexOf(scenario, broken);
        const step = scenario.steps[index]!;
        const dangling = { ...step.choices[0]!, id: 'dangling', next: 'missing-step' };
        const mutated = withSteps(
          scenario,
          scenario.steps.map((s, i) => (i === index ? { ...s, choices: [...s.choices, dangling] } : s)),
        );
        expect(validateScenario(mutated, options)).toEqual([
          expect.objectContaining({
            code: 'dangling-link',
            stepId: broken,
            choiceId: 'dangling',
            path: `scenario.steps[${index}].choices[${step.choices.length}].next`,
          }),
        ]);
      }),
      runs,
    );
  });

  it('reports each step of an added loop without exit, and only those', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.nat(), ({ scenario, nonEndingIds }, pick) => {
        const entry = nonEndingIds[pick % nonEndingIds.length]!;
        const trapA = parseStep({ id: 'trap-a', choices: [{ id: 'on', next: 'trap-b' }] });
        const trapB = parseStep({ id: 'trap-b', choices: [{ id: 'back', next: 'trap-a' }] });
        const steps = scenario.steps.map((step) =>
          step.id === entry
            ? { ...step, choices: [...step.choices, { ...step.choices[0]!, id: 'enter', next: 'trap-a' }] }
            : step,
        );
        const issues = validateScenario(withSteps(scenario, [...steps, trapA, trapB]), options);
        expect(issues.map((issue) => [issue.code, issue.stepId])).toEqual([
          ['cycle-without-exit', 'trap-a'],
          ['cycle-without-exit', 'trap-b'],
        ]);
      }),
      runs,
    );
  });
});

// --- Play -------------------------------------------------------------------------------------

/** A random walk driven by `rolls`, then forward choices until an ending: always finishes. */
function randomPlaythrough(
  { scenario, forwardChoice }: GeneratedScenario,
  rolls: readonly number[],
): string[] {
  const byId = stepById(scenario);
  let step = byId.get(scenario.start)!;
  const choices: string[] = [];
  for (const r of rolls) {
    if (step.ending) break;
    const choice = step.choices[r % step.choices.length]!;
    choices.push(choice.id);
    step = byId.get(choice.next)!;
  }
  while (!step.ending) {
    const choiceId = forwardChoice.get(step.id)!;
    choices.push(choiceId);
    step = byId.get(step.choices.find((choice) => choice.id === choiceId)!.next)!;
  }
  return choices;
}

describe('play properties', () => {
  it('replays any valid sequence to an ending, never scoring above bestPoints', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.array(fc.nat(), { maxLength: 60 }), (generated, rolls) => {
        const choices = randomPlaythrough(generated, rolls);
        const result = replay(generated.scenario, choices);
        expect(result.ended).toBe(true);
        expect(result.outcome).toBeDefined();
        expect(result.path).toHaveLength(choices.length + 1);
        expect(result.path[0]).toBe('s0');
        expect(result.currentStepId).toBe(result.path.at(-1));
        expect(result.points).toBeGreaterThanOrEqual(0);
        expect(result.points).toBeLessThanOrEqual(bestPoints(generated.scenario));
        expect(new Set(result.redFlagsMet).size).toBe(result.redFlagsMet.length);
      }),
      runs,
    );
  });

  it('bestPoints equals the brute-force best simple path, which replay achieves', () => {
    fc.assert(
      fc.property(scenarioArb(12), ({ scenario }) => {
        const best = bruteForceBest(scenario)!;
        expect(bestPoints(scenario)).toBe(best.points);
        expect(replay(scenario, best.choices).points).toBe(best.points);
      }),
      runs,
    );
  });

  it('replay rejects a sequence that continues past an ending', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.array(fc.nat(), { maxLength: 20 }), (generated, rolls) => {
        const choices = [...randomPlaythrough(generated, rolls), 'c0'];
        expect(() => replay(generated.scenario, choices)).toThrow(
          expect.objectContaining({ code: 'already-ended' }),
        );
      }),
      { numRuns: 100 },
    );
  });
});

// --- Quiz -------------------------------------------------------------------------------------

const allCorrect = (quiz: { questions: { id: string; options: { id: string; correct: boolean }[] }[] }) =>
  Object.fromEntries(
    quiz.questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]),
  ) as QuizAnswers;

describe('quiz properties', () => {
  it('generated quizzes are valid', () => {
    fc.assert(
      fc.property(quizArb, (quiz) => {
        expect(validateQuiz(quiz, options)).toEqual([]);
      }),
      runs,
    );
  });

  it('presentQuiz is a deterministic permutation of questions and options', () => {
    fc.assert(
      fc.property(quizArb, seedArb, (quiz, seed) => {
        const views = presentQuiz(quiz, seed);
        expect(presentQuiz(quiz, seed)).toEqual(views);

        const sortIds = (ids: string[]) => [...ids].sort();
        expect(sortIds(views.map((view) => view.id))).toEqual(sortIds(quiz.questions.map((q) => q.id)));
        for (const view of views) {
          const source = quiz.questions.find((q) => q.id === view.id)!;
          expect(view.kind).toBe(source.kind);
          expect(view.prompt).toBe(source.prompt);
          expect(sortIds(view.options.map((o) => `${o.id}:${o.label}`))).toEqual(
            sortIds(source.options.map((o) => `${o.id}:${o.label}`)),
          );
        }
        if (!quiz.shuffle) {
          expect(views.map((view) => view.id)).toEqual(quiz.questions.map((q) => q.id));
          views.forEach((view, i) =>
            expect(view.options.map((o) => o.id)).toEqual(quiz.questions[i]!.options.map((o) => o.id)),
          );
        }
      }),
      runs,
    );
  });

  it('scores the all-correct answers as 100 and passed, in any order and with repeats', () => {
    fc.assert(
      fc.property(quizArb, fc.boolean(), (quiz, messy) => {
        const answers = allCorrect(quiz);
        if (messy)
          for (const id of Object.keys(answers))
            answers[id] = [...answers[id]!].reverse().concat(answers[id]!);
        const result = scoreQuiz(quiz, answers);
        expect(result).toMatchObject({
          correctCount: quiz.questions.length,
          scorePercent: 100,
          passed: true,
        });
        expect(result.questions.every((q) => q.correct)).toBe(true);
      }),
      runs,
    );
  });

  it('counts exactly the questions answered wrong', () => {
    fc.assert(
      fc.property(quizArb, fc.array(fc.boolean(), { minLength: 15, maxLength: 15 }), (quiz, wrongMask) => {
        const answers = allCorrect(quiz);
        let wrong = 0;
        quiz.questions.forEach((q, i) => {
          const incorrect = q.options.find((o) => !o.correct);
          if (!wrongMask[i] || !incorrect) return;
          // A single question swaps to a wrong option; a multiple one adds a wrong option.
          answers[q.id] = q.kind === 'single' ? [incorrect.id] : [...answers[q.id]!, incorrect.id];
          wrong++;
        });
        const result = scoreQuiz(quiz, answers);
        const total = quiz.questions.length;
        expect(result.correctCount).toBe(total - wrong);
        expect(result.scorePercent).toBe(Math.round(((total - wrong) / total) * 100));
        expect(result.passed).toBe(result.scorePercent >= quiz.passMark);
      }),
      runs,
    );
  });
});
