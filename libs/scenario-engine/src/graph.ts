import type { Choice, Step } from './model.js';

/**
 * Graph helpers shared by validation and play. Internal to the library (not re-exported from
 * index.ts): callers work with step ids, these work with step indexes.
 */

/**
 * The playable graph: nodes are step indexes, edges follow choices. Only the first step with a
 * given id is a node (later duplicates are reported as duplicate-id and otherwise ignored, as
 * play would never reach them), and endings have no outgoing edges because play stops there.
 */
export interface StepGraph {
  /** Index of the first step with each id. */
  indexById: Map<string, number>;
  /** Whether steps[i] is the first step with its id (i.e. a node of the graph). */
  isNode: boolean[];
  /** Target indexes of the resolvable choices of each node; empty for endings. */
  edges: number[][];
  /** The same edges with the choice that makes each one (parallel to `edges`). */
  links: { to: number; choice: Choice }[][];
}

export function buildGraph(steps: readonly Step[]): StepGraph {
  const indexById = new Map<string, number>();
  const isNode = steps.map((step, i) => {
    if (indexById.has(step.id)) return false;
    indexById.set(step.id, i);
    return true;
  });
  const links = steps.map((step, i) => {
    if (!isNode[i] || step.ending) return [];
    return step.choices.flatMap((choice) => {
      const to = indexById.get(choice.next);
      return to === undefined ? [] : [{ to, choice }];
    });
  });
  const edges = links.map((out) => out.map((link) => link.to));
  return { indexById, isNode, edges, links };
}

/** Steps reachable from `from` (inclusive) following edges. */
export function reachableFrom(graph: StepGraph, from: number): boolean[] {
  const seen = graph.edges.map(() => false);
  const stack = [from];
  seen[from] = true;
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const next of graph.edges[node]!) {
      if (!seen[next]) {
        seen[next] = true;
        stack.push(next);
      }
    }
  }
  return seen;
}

/** Steps from which some ending can be reached (endings included): a reverse search from every ending. */
export function canReachEnding(graph: StepGraph, steps: readonly Step[]): boolean[] {
  const reverse: number[][] = steps.map(() => []);
  graph.edges.forEach((targets, from) => targets.forEach((to) => reverse[to]!.push(from)));
  const ok = steps.map((step, i) => graph.isNode[i]! && step.ending !== undefined);
  const stack = ok.flatMap((isEnding, i) => (isEnding ? [i] : []));
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const prev of reverse[node]!) {
      if (!ok[prev]) {
        ok[prev] = true;
        stack.push(prev);
      }
    }
  }
  return ok;
}

/**
 * Tarjan's strongly connected components over the nodes selected by `include` (edges leaving the
 * selection are ignored). Returns the component number of each selected node, -1 elsewhere.
 * Recursive: depth is bounded by the 200-step schema limit.
 */
export function stronglyConnectedComponents(
  edges: readonly (readonly number[])[],
  include: readonly boolean[],
): number[] {
  const n = edges.length;
  const component = new Array<number>(n).fill(-1);
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  let counter = 0;
  let components = 0;

  const visit = (v: number): void => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = true;
    for (const w of edges[v]!) {
      if (!include[w]) continue;
      if (index[w] === -1) {
        visit(w);
        low[v] = Math.min(low[v]!, low[w]!);
      } else if (onStack[w]) {
        low[v] = Math.min(low[v]!, index[w]!);
      }
    }
    if (low[v] === index[v]) {
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = false;
        component[w] = components;
      } while (w !== v);
      components++;
    }
  };

  for (let v = 0; v < n; v++) if (include[v] && index[v] === -1) visit(v);
  return component;
}
