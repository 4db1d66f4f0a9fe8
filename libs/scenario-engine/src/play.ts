import { buildGraph, stronglyConnectedComponents } from './graph.js';
import type { Artefact, Choice, Ending, Scenario, Step } from './model.js';

/**
 * Playing a scenario: what the learner may see, moving from step to step, and the authoritative
 * server-side replay that turns a learner's list of choice ids into a score.
 *
 * Scoring rule (shared by `replay` and `bestPoints`, so a playthrough can never beat the best):
 * points are those of the learner's *route*, i.e. the visited path with loops erased. When a
 * learner comes back to a step they already visited, the detour since their last visit is
 * dropped, points included. Otherwise a scenario with a loop (e.g. "ask for more detail" leading
 * back to the same decision) could be farmed for points, and a score of `points / bestPoints`
 * could exceed 100 %. `bestPoints` is then exactly the best any playthrough can score.
 */

export class PlayError extends Error {
  constructor(
    public readonly code: 'unknown-step' | 'unknown-choice' | 'already-ended',
    message: string,
  ) {
    super(message);
    this.name = 'PlayError';
  }
}

/** What a learner may see before choosing: no feedback, no `next`, no points, no red flags. */
export interface StepView {
  id: string;
  title: string;
  narrative: string;
  artefacts: Artefact[];
  choices: { id: string; label: string }[];
  ending?: Ending;
}

export function toStepView(step: Step): StepView {
  const view: StepView = {
    id: step.id,
    title: step.title,
    narrative: step.narrative,
    artefacts: step.artefacts,
    // Rebuilt field by field (not spread) so nothing added to Choice later leaks by default.
    choices: step.choices.map((choice) => ({ id: choice.id, label: choice.label })),
  };
  if (step.ending) view.ending = { outcome: step.ending.outcome, debrief: step.ending.debrief };
  return view;
}

/** The step with this id (the first one, should the content have duplicates). */
export function findStep(scenario: Scenario, stepId: string): Step {
  const step = scenario.steps.find((candidate) => candidate.id === stepId);
  if (!step) throw new PlayError('unknown-step', `Step "${stepId}" does not exist in this scenario.`);
  return step;
}

export interface ChoiceOutcome {
  choice: Choice;
  from: Step;
  to: Step;
  ended: boolean;
}

export function applyChoice(scenario: Scenario, currentStepId: string, choiceId: string): ChoiceOutcome {
  const from = findStep(scenario, currentStepId);
  if (from.ending) {
    throw new PlayError('already-ended', `Step "${from.id}" is an ending; no further choice can be made.`);
  }
  const choice = from.choices.find((candidate) => candidate.id === choiceId);
  if (!choice) {
    throw new PlayError('unknown-choice', `Choice "${choiceId}" is not offered at step "${from.id}".`);
  }
  const to = findStep(scenario, choice.next);
  return { choice, from, to, ended: to.ending !== undefined };
}

export interface Playthrough {
  /** Step ids visited, starting with the start step (loops included). */
  path: string[];
  currentStepId: string;
  ended: boolean;
  outcome?: 'safe' | 'compromised';
  /** Points of the route taken, with loops erased (see the note at the top of this file). */
  points: number;
  /** Red flags cited by the choices made (detours included), unique, in order first cited. */
  redFlagsMet: string[];
}

/**
 * Replays a learner's choices from the start step. A prefix of a full playthrough is fine (the
 * result is then not `ended`); any choice that is not offered where the learner stands, or any
 * choice after an ending, throws a PlayError.
 */
export function replay(scenario: Scenario, choiceIds: readonly string[]): Playthrough {
  let current = findStep(scenario, scenario.start);
  const path = [current.id];
  // The loop-erased route: each entry is a step on it and the points earned on arrival there.
  const route: { stepId: string; points: number }[] = [{ stepId: current.id, points: 0 }];
  const redFlagsMet = new Set<string>();

  for (const choiceId of choiceIds) {
    const { choice, to } = applyChoice(scenario, current.id, choiceId);
    for (const flag of choice.redFlags) redFlagsMet.add(flag);
    path.push(to.id);
    const earlier = route.findIndex((entry) => entry.stepId === to.id);
    if (earlier >= 0) route.length = earlier + 1;
    else route.push({ stepId: to.id, points: route[route.length - 1]!.points + choice.points });
    current = to;
  }

  const playthrough: Playthrough = {
    path,
    currentStepId: current.id,
    ended: current.ending !== undefined,
    points: route[route.length - 1]!.points,
    redFlagsMet: [...redFlagsMet],
  };
  if (current.ending) playthrough.outcome = current.ending.outcome;
  return playthrough;
}

/**
 * Upper limit on the steps explored by the exhaustive search inside loops. Real scenarios have
 * short loops and never come near it; it only keeps hostile or machine-made content from making
 * the search (exponential in the loop size in the worst case) hang a server.
 */
export const LOOP_SEARCH_BUDGET = 200_000;

/**
 * The most points any playthrough can score: the best path from the start to an ending that
 * visits no step twice. 0 when no ending can be reached (content that fails validation).
 *
 * The graph is split into strongly connected components. Components form a DAG, so the best
 * score from each step is memoised across them; within a component that is a loop, the simple
 * paths from the entry step are searched exhaustively, then leave through an exit choice whose
 * remaining score is the memoised value. A path never comes back to a component it has left, so
 * this is exact. Should a loop exhaust LOOP_SEARCH_BUDGET, a safe over-estimate is used for it
 * instead (every step of the loop contributing its best internal choice).
 */
export function bestPoints(scenario: Scenario): number {
  return searchBestPoints(scenario).points;
}

/** `bestPoints` with how it got there: what its search of loops cost, in steps (not time). */
export interface BestPointsSearch {
  points: number;
  /** Steps the exhaustive loop search explored: never more than LOOP_SEARCH_BUDGET. */
  explored: number;
  /** The budget ran out, so some loop's over-estimate was used. */
  exhausted: boolean;
}

export function searchBestPoints(scenario: Scenario): BestPointsSearch {
  const { steps } = scenario;
  const graph = buildGraph(steps);
  const start = graph.indexById.get(scenario.start);
  if (start === undefined)
    throw new PlayError('unknown-step', `Start step "${scenario.start}" does not exist.`);

  const component = stronglyConnectedComponents(graph.edges, graph.isNode);
  const memo = new Map<number, number>();
  let budget = LOOP_SEARCH_BUDGET;
  let explored = 0;

  // Best score from step v to an ending; -Infinity when no ending can be reached from v.
  const best = (v: number): number => {
    const known = memo.get(v);
    if (known !== undefined) return known;
    const value = steps[v]!.ending ? 0 : isLoop(v) ? bestThroughLoop(v) : bestLeaving(v, 0, () => true);
    memo.set(v, value);
    return value;
  };

  const isLoop = (v: number): boolean =>
    graph.edges[v]!.some((w) => w === v) || component.some((c, w) => w !== v && c === component[v]);

  // Best over v's choices that leave v's component (the only ones when v is not on a loop).
  const bestLeaving = (v: number, earned: number, leaves: (to: number) => boolean): number => {
    let result = -Infinity;
    for (const { to, choice } of graph.links[v]!) {
      if (leaves(to)) result = Math.max(result, earned + choice.points + best(to));
    }
    return result;
  };

  const bestThroughLoop = (entry: number): number => {
    const c = component[entry];
    const outside = (to: number) => component[to] !== c;
    const visited = new Set<number>([entry]);
    let result = -Infinity;
    const search = (v: number, earned: number): void => {
      if (--budget < 0) return;
      explored++;
      result = Math.max(result, bestLeaving(v, earned, outside));
      for (const { to, choice } of graph.links[v]!) {
        if (outside(to) || visited.has(to)) continue;
        visited.add(to);
        search(to, earned + choice.points);
        visited.delete(to);
      }
    };
    search(entry, 0);
    return budget < 0 ? loopUpperBound(c!) : result;
  };

  const loopUpperBound = (c: number): number => {
    let inside = 0;
    let exit = -Infinity;
    component.forEach((cv, v) => {
      if (cv !== c) return;
      let bestInside = 0;
      for (const { to, choice } of graph.links[v]!) {
        if (component[to] === c) bestInside = Math.max(bestInside, choice.points);
        else exit = Math.max(exit, choice.points + best(to));
      }
      inside += bestInside;
    });
    return inside + exit;
  };

  const result = best(start);
  return { points: result === -Infinity ? 0 : result, explored, exhausted: budget < 0 };
}
