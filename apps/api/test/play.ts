import { applyChoiceResult, type AttemptState, type ChoiceResult } from '@countersign/contracts/learning';
import type { ModuleContent } from '@countersign/scenario-engine';
import type { Client } from './test-app.js';

/** Playing modules through the learner's API, for tests that need attempts and completions. */

/** The choice at `fromStepId` on a shortest way to an ending (fewest choices). */
export function choiceTowardsEnding(content: ModuleContent, fromStepId: string): string {
  const steps = content.scenario.steps;
  const distance = new Map<string, number>(steps.filter((s) => s.ending).map((s) => [s.id, 0]));
  for (let changed = true; changed;) {
    changed = false;
    for (const s of steps) {
      for (const c of s.choices) {
        const d = distance.get(c.next);
        if (d !== undefined && d + 1 < (distance.get(s.id) ?? Infinity)) {
          distance.set(s.id, d + 1);
          changed = true;
        }
      }
    }
  }
  const from = steps.find((s) => s.id === fromStepId)!;
  const best = [...from.choices].sort(
    (a, b) => (distance.get(a.next) ?? Infinity) - (distance.get(b.next) ?? Infinity),
  )[0];
  if (!best) throw new Error(`No way to an ending from ${fromStepId}`);
  return best.id;
}

/**
 * Makes a choice as the player does: posts it and folds the answer into the state held. Throws if
 * the answer does not follow from that state.
 */
export async function choose(client: Client, state: AttemptState, choiceId: string): Promise<AttemptState> {
  const result = (
    await client
      .post(`/api/me/attempts/${state.attemptId}/choices`, { seq: state.choicesMade, choiceId })
      .expect(200)
  ).body as ChoiceResult;
  const next = applyChoiceResult(state, result);
  if (!next) throw new Error(`The answer to choice ${state.choicesMade} does not follow from the state`);
  return next;
}

/** Plays the scenario along a shortest way to an ending; returns the state after the last choice. */
export async function playToEnding(
  client: Client,
  state: AttemptState,
  content: ModuleContent,
): Promise<AttemptState> {
  for (let i = 0; state.phase === 'scenario' && i < 50; i++) {
    state = await choose(client, state, choiceTowardsEnding(content, state.step.id));
  }
  return state;
}

/** Answers to every question; the first `wrong` questions (document order) answered wrongly. */
export function quizAnswers(content: ModuleContent, wrong = 0): Record<string, string[]> {
  return Object.fromEntries(
    content.quiz.questions.map((q, i) => {
      if (i >= wrong) return [q.id, q.options.filter((o) => o.correct).map((o) => o.id)];
      const incorrect = q.options.find((o) => !o.correct);
      if (!incorrect) throw new Error(`Question ${q.id} has no wrong option to pick`);
      return [q.id, [incorrect.id]];
    }),
  );
}

/**
 * Plays an attempt to a pass: a shortest way to an ending, then every quiz answer right. `content`
 * must be the version the attempt plays.
 */
export async function playToPass(
  client: Client,
  state: AttemptState,
  content: ModuleContent,
): Promise<AttemptState> {
  state = await playToEnding(client, state, content);
  return (
    await client
      .post(`/api/me/attempts/${state.attemptId}/quiz`, {
        round: state.quiz!.round,
        answers: quizAnswers(content),
      })
      .expect(200)
  ).body as AttemptState;
}
