import { describe, expect, it } from '@jest/globals';
import { moduleContentSchema, validateModule, type ModuleContent } from '@countersign/scenario-engine';
import { builtInModules, RED_FLAG_KEYS, redFlagByKey, redFlags } from '../index.js';

const ID = /^[a-z0-9][a-z0-9-]*$/;
const knownFlags = new Set<string>(RED_FLAG_KEYS);

/** Every red-flag key cited anywhere in a module, with where it was cited. */
function citedFlags(content: ModuleContent): Array<{ key: string; where: string }> {
  const cited: Array<{ key: string; where: string }> = [];
  for (const step of content.scenario.steps) {
    for (const choice of step.choices) {
      for (const key of choice.redFlags) cited.push({ key, where: `step ${step.id} choice ${choice.id}` });
    }
  }
  for (const question of content.quiz.questions) {
    for (const key of question.redFlags) cited.push({ key, where: `question ${question.id}` });
  }
  return cited;
}

/** Step ids reachable from the start step (breadth-first over choice links). */
function reachable(content: ModuleContent): Set<string> {
  const byId = new Map(content.scenario.steps.map((step) => [step.id, step]));
  const seen = new Set<string>([content.scenario.start]);
  const queue = [content.scenario.start];
  while (queue.length > 0) {
    const step = byId.get(queue.shift()!);
    for (const choice of step?.choices ?? []) {
      if (!seen.has(choice.next)) {
        seen.add(choice.next);
        queue.push(choice.next);
      }
    }
  }
  return seen;
}

/** Step ids from which no ending can be reached (reverse breadth-first from the endings). */
function cannotFinish(content: ModuleContent): string[] {
  const incoming = new Map<string, string[]>();
  for (const step of content.scenario.steps) {
    for (const choice of step.choices)
      incoming.set(choice.next, [...(incoming.get(choice.next) ?? []), step.id]);
  }
  const done = new Set(content.scenario.steps.filter((step) => step.ending).map((step) => step.id));
  const queue = [...done];
  while (queue.length > 0) {
    for (const from of incoming.get(queue.shift()!) ?? []) {
      if (!done.has(from)) {
        done.add(from);
        queue.push(from);
      }
    }
  }
  return content.scenario.steps.filter((step) => !done.has(step.id)).map((step) => step.id);
}

/**
 * The most points with which each ending can be reached (longest path over choice points). The
 * built-in scenarios are acyclic, so a depth-first search with memoisation is exact.
 */
function bestPointsByEnding(content: ModuleContent): Map<string, number> {
  const byId = new Map(content.scenario.steps.map((step) => [step.id, step]));
  const memo = new Map<string, Map<string, number>>();
  const from = (id: string): Map<string, number> => {
    const known = memo.get(id);
    if (known) return known;
    const step = byId.get(id)!;
    const result = new Map<string, number>();
    if (step.ending) result.set(step.id, 0);
    for (const choice of step.choices) {
      for (const [ending, points] of from(choice.next)) {
        result.set(ending, Math.max(result.get(ending) ?? -Infinity, points + choice.points));
      }
    }
    memo.set(id, result);
    return result;
  };
  return from(content.scenario.start);
}

/** Steps on a cycle, if any (the built-in track keeps its scenarios acyclic). */
function stepsOnCycles(content: ModuleContent): string[] {
  const byId = new Map(content.scenario.steps.map((step) => [step.id, step]));
  const state = new Map<string, 'open' | 'done'>();
  const onCycle = new Set<string>();
  const visit = (id: string, stack: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'open') {
      for (const s of stack.slice(stack.indexOf(id))) onCycle.add(s);
      return;
    }
    state.set(id, 'open');
    for (const choice of byId.get(id)?.choices ?? []) visit(choice.next, [...stack, id]);
    state.set(id, 'done');
  };
  for (const step of content.scenario.steps) visit(step.id, []);
  return [...onCycle];
}

describe('red-flag catalogue', () => {
  it('has the 13 keys, in catalogue order, each once', () => {
    expect(RED_FLAG_KEYS).toHaveLength(13);
    expect(new Set(RED_FLAG_KEYS).size).toBe(13);
    expect(redFlags.map((flag) => flag.key)).toEqual([...RED_FLAG_KEYS]);
  });

  it.each(redFlags.map((flag) => [flag.key, flag] as const))('%s is complete', (key, flag) => {
    expect(key).toMatch(ID);
    expect(flag.title.trim()).not.toBe('');
    expect(flag.explanation.trim().length).toBeGreaterThan(80);
    expect(flag.advice.trim()).not.toBe('');
    expect(Number.isInteger(flag.weight)).toBe(true);
    expect(flag.weight).toBeGreaterThanOrEqual(1);
    expect(flag.weight).toBeLessThanOrEqual(5);
  });

  it('looks flags up by key', () => {
    for (const key of RED_FLAG_KEYS) expect(redFlagByKey(key)?.key).toBe(key);
    expect(redFlagByKey('not-a-flag')).toBeUndefined();
    expect(redFlagByKey('')).toBeUndefined();
  });
});

describe('built-in modules', () => {
  it('are the six modules of the Think Before You Link track, in order', () => {
    expect(builtInModules.map((m) => [m.order, m.slug])).toEqual([
      [1, 'the-approach'],
      [2, 'too-good-to-be-true'],
      [3, 'all-expenses-paid'],
      [4, 'what-your-profile-tells-them'],
      [5, 'when-it-turns-to-pressure'],
      [6, 'report-it'],
    ]);
  });

  it('every module passes the scenario engine validator against the catalogue', () => {
    for (const m of builtInModules) {
      const result = validateModule(m.content, { redFlagKeys: RED_FLAG_KEYS });
      expect({ slug: m.slug, issues: result.issues, ok: result.ok }).toEqual({
        slug: m.slug,
        issues: [],
        ok: true,
      });
    }
  });

  it('keeps the Mallory case in "Report it" and out of the earlier modules', () => {
    const mentions = (m: (typeof builtInModules)[number]) => JSON.stringify(m.content).includes('Mallory');
    expect(builtInModules.filter(mentions).map((m) => m.slug)).toEqual(['report-it']);
  });

  it('have unique slugs and run in track order 1..n', () => {
    const slugs = builtInModules.map((m) => m.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(ID);
    expect(builtInModules.map((m) => m.order)).toEqual(builtInModules.map((_, index) => index + 1));
    for (const m of builtInModules) {
      expect(m.track).toBe('think-before-you-link');
      expect(m.title.trim()).not.toBe('');
      expect(m.summary.trim()).not.toBe('');
      expect(m.estimatedMinutes).toBeGreaterThanOrEqual(10);
      expect(m.estimatedMinutes).toBeLessThanOrEqual(20);
    }
  });

  describe.each(builtInModules.map((m) => [m.slug, m] as const))('%s', (_slug, m) => {
    const content = moduleContentSchema.parse(m.content);
    const steps = content.scenario.steps;
    const endings = steps.filter((step) => step.ending);

    it('parses with the module content schema', () => {
      expect(moduleContentSchema.safeParse(m.content).success).toBe(true);
    });

    it('passes the scenario engine validator', () => {
      const result = validateModule(m.content, { redFlagKeys: RED_FLAG_KEYS });
      // Comparing the issues (not just `ok`) makes Jest print every issue when this fails.
      expect(result.issues).toEqual([]);
      expect(result.ok).toBe(true);
    });

    it('has at least 8 steps with unique ids and a start step', () => {
      expect(steps.length).toBeGreaterThanOrEqual(8);
      expect(new Set(steps.map((step) => step.id)).size).toBe(steps.length);
      expect(steps.map((step) => step.id)).toContain(content.scenario.start);
    });

    it('has at least two endings, at least one safe and one compromised', () => {
      expect(endings.length).toBeGreaterThanOrEqual(2);
      const outcomes = new Set(endings.map((step) => step.ending!.outcome));
      expect(outcomes).toContain('safe');
      expect(outcomes).toContain('compromised');
    });

    it('gives every non-ending step 2–3 choices with unique ids and valid links, and endings none', () => {
      const ids = new Set(steps.map((step) => step.id));
      for (const step of steps) {
        if (step.ending) {
          expect({ step: step.id, choices: step.choices.length }).toEqual({ step: step.id, choices: 0 });
          continue;
        }
        expect(step.choices.length).toBeGreaterThanOrEqual(2);
        expect(step.choices.length).toBeLessThanOrEqual(3);
        expect(new Set(step.choices.map((choice) => choice.id)).size).toBe(step.choices.length);
        for (const choice of step.choices) {
          expect({ link: `${step.id}/${choice.id}`, known: ids.has(choice.next) }).toEqual({
            link: `${step.id}/${choice.id}`,
            known: true,
          });
          expect(choice.points).toBeGreaterThanOrEqual(0);
          expect(choice.points).toBeLessThanOrEqual(3);
          expect(choice.redFlags.length).toBeGreaterThan(0);
        }
      }
    });

    it('reaches every step from the start, and an ending from every step', () => {
      const seen = reachable(content);
      expect(steps.map((step) => step.id).filter((id) => !seen.has(id))).toEqual([]);
      expect(cannotFinish(content)).toEqual([]);
    });

    it('cites only red flags from the catalogue', () => {
      const unknown = citedFlags(content).filter(({ key }) => !knownFlags.has(key));
      expect(unknown).toEqual([]);
    });

    it('is acyclic, and its highest-scoring route ends safely', () => {
      expect(stepsOnCycles(content)).toEqual([]);
      const best = bestPointsByEnding(content);
      const outcomeOf = new Map(endings.map((step) => [step.id, step.ending!.outcome]));
      const bestOf = (outcome: 'safe' | 'compromised') =>
        Math.max(...[...best].filter(([id]) => outcomeOf.get(id) === outcome).map(([, points]) => points));
      expect(bestOf('safe')).toBeGreaterThan(bestOf('compromised'));
    });

    it('lays every step out on the editor grid (x step 300, y step 160), one step per cell', () => {
      const cells = steps.map((step) => `${step.position?.x},${step.position?.y}`);
      for (const step of steps) {
        expect({
          step: step.id,
          onGrid: step.position !== undefined && step.position.x % 300 === 0 && step.position.y % 160 === 0,
        }).toEqual({
          step: step.id,
          onGrid: true,
        });
      }
      expect(new Set(cells).size).toBe(cells.length);
    });

    it('gives every ending a debrief covering what happened, the red flags and what to do', () => {
      for (const step of endings) {
        const debrief = step.ending!.debrief;
        expect({
          step: step.id,
          ok:
            /What happened/.test(debrief) && /Red flags present/.test(debrief) && /What to do/.test(debrief),
        }).toEqual({
          step: step.id,
          ok: true,
        });
      }
    });

    it('has a quiz of at least 6 questions, mixing single and multiple, pass mark 80, shuffled', () => {
      const { quiz } = content;
      expect(quiz.passMark).toBe(80);
      expect(quiz.shuffle).toBe(true);
      // A retry follows a second look at the debrief; officers hear of a third failed round.
      expect(quiz.retryPolicy).toEqual({ cooldownMinutes: 0, reviewDebrief: true, notifyOfficersAfter: 3 });
      expect(quiz.questions.length).toBeGreaterThanOrEqual(6);
      expect(new Set(quiz.questions.map((q) => q.id)).size).toBe(quiz.questions.length);
      const kinds = new Set(quiz.questions.map((q) => q.kind));
      expect(kinds).toContain('single');
      expect(kinds).toContain('multiple');
      for (const q of quiz.questions) {
        const correct = q.options.filter((option) => option.correct).length;
        expect({ question: q.id, ok: q.kind === 'single' ? correct === 1 : correct >= 1 }).toEqual({
          question: q.id,
          ok: true,
        });
        expect(new Set(q.options.map((option) => option.id)).size).toBe(q.options.length);
        expect(q.redFlags.length).toBeGreaterThan(0);
      }
    });
  });
});
