import type {
  Choice,
  ModuleContent,
  QuizQuestion,
  Step,
  ValidationIssue,
} from '@countersign/scenario-engine';

/** Pure edits of a module's content: each returns a new document and leaves the old one untouched. */

/** The first `${prefix}-N` not in `taken` (ids are lower-case letters, digits and hyphens). */
export function freshId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!used.has(id)) return id;
  }
}

export function updateStep(
  content: ModuleContent,
  stepId: string,
  change: (step: Step) => Step,
): ModuleContent {
  return {
    ...content,
    scenario: {
      ...content.scenario,
      steps: content.scenario.steps.map((step) => (step.id === stepId ? change(step) : step)),
    },
  };
}

export function addStep(
  content: ModuleContent,
  kind: 'step' | 'ending',
  position: { x: number; y: number },
): { content: ModuleContent; stepId: string } {
  const steps = content.scenario.steps;
  const stepId = freshId(
    kind,
    steps.map((s) => s.id),
  );
  const step: Step = {
    id: stepId,
    title: kind === 'ending' ? 'New ending' : 'New step',
    narrative: 'Describe what happens.',
    artefacts: [],
    choices: [],
    position,
    ...(kind === 'ending' ? { ending: { outcome: 'safe' as const, debrief: 'Explain the outcome.' } } : {}),
  };
  return { content: { ...content, scenario: { ...content.scenario, steps: [...steps, step] } }, stepId };
}

/** Removes steps and choices; choices that pointed at a removed step go too. */
export function removeElements(
  content: ModuleContent,
  stepIds: readonly string[],
  choices: readonly { stepId: string; choiceId: string }[],
): ModuleContent {
  const goneSteps = new Set(stepIds);
  const goneChoices = new Set(choices.map((c) => `${c.stepId}::${c.choiceId}`));
  const steps = content.scenario.steps
    .filter((step) => !goneSteps.has(step.id))
    .map((step) => ({
      ...step,
      choices: step.choices.filter(
        (choice) => !goneSteps.has(choice.next) && !goneChoices.has(`${step.id}::${choice.id}`),
      ),
    }));
  if (steps.length === 0) return content; // a scenario needs at least one step
  const start = goneSteps.has(content.scenario.start) ? steps[0].id : content.scenario.start;
  return { ...content, scenario: { start, steps } };
}

export function addChoice(content: ModuleContent, stepId: string, next: string): ModuleContent {
  return updateStep(content, stepId, (step) => {
    const choice: Choice = {
      id: freshId(
        'choice',
        step.choices.map((c) => c.id),
      ),
      label: 'New choice',
      next,
      feedback: 'Explain what this choice leads to.',
      redFlags: [],
      points: 0,
    };
    return { ...step, choices: [...step.choices, choice] };
  });
}

export function updateChoice(
  content: ModuleContent,
  stepId: string,
  choiceId: string,
  change: Partial<Choice>,
): ModuleContent {
  return updateStep(content, stepId, (step) => ({
    ...step,
    choices: step.choices.map((choice) => (choice.id === choiceId ? { ...choice, ...change } : choice)),
  }));
}

export function newQuestion(taken: readonly QuizQuestion[]): QuizQuestion {
  return {
    id: freshId(
      'question',
      taken.map((q) => q.id),
    ),
    kind: 'single',
    prompt: 'New question',
    options: [
      { id: 'option-1', label: 'First answer', correct: true },
      { id: 'option-2', label: 'Second answer', correct: false },
    ],
    explanation: 'Explain the right answer.',
    redFlags: [],
  };
}

/** Layout spacing: a node is 200 px wide; the gap between columns leaves room for choice labels. */
const COLUMN_WIDTH = 320;
const ROW_HEIGHT = 140;
const WAYPOINT_GAP = 70;

/**
 * A layered left-to-right layout (a small Sugiyama): the story reads from left to right, loops
 * aside. Steps go in columns by their longest path from the start, ignoring the choices that
 * loop back; a choice spanning columns holds a waypoint in each (so steps keep off its line);
 * each column is ordered by the average row of its neighbours (a few sweeps down and up to
 * untangle crossings); then each step is moved as near as the spacing allows to the steps
 * leading into it. Steps the start cannot reach go in a last column.
 */
export function autoLayout(content: ModuleContent): ModuleContent {
  const steps = content.scenario.steps;
  const ids = [...new Set(steps.map((s) => s.id))];
  const known = new Set(ids);
  const next = new Map(
    ids.map((id) => [
      id,
      [
        ...new Set(
          steps
            .find((s) => s.id === id)!
            .choices.map((c) => c.next)
            .filter((to) => known.has(to)),
        ),
      ],
    ]),
  );

  // Depth-first from the start: a choice leading back to a step still on the path closes a loop.
  const forward = new Map<string, string[]>(ids.map((id) => [id, []]));
  const order: string[] = []; // reverse post-order: a topological order of the forward choices
  const state = new Map<string, 'open' | 'done'>();
  const visit = (root: string) => {
    const stack: { id: string; i: number }[] = [{ id: root, i: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const targets = next.get(top.id)!;
      if (top.i < targets.length) {
        const to = targets[top.i++]!;
        if (state.get(to) === 'open') continue; // a loop back
        forward.get(top.id)!.push(to);
        if (!state.has(to)) {
          state.set(to, 'open');
          stack.push({ id: to, i: 0 });
        }
      } else {
        state.set(top.id, 'done');
        order.push(top.id);
        stack.pop();
      }
    }
  };
  if (known.has(content.scenario.start)) visit(content.scenario.start);
  const reachable = new Set(order);
  order.reverse();

  const column = new Map<string, number>(order.map((id) => [id, 0]));
  for (const id of order) {
    for (const to of forward.get(id)!) column.set(to, Math.max(column.get(to)!, column.get(id)! + 1));
  }
  const lastColumn = order.length > 0 ? Math.max(...column.values()) + 1 : 0;
  for (const id of ids) if (!reachable.has(id)) column.set(id, lastColumn);

  // A choice spanning several columns gets a waypoint in each column it crosses, so the steps
  // there make room for its line instead of sitting on it.
  const incoming = new Map<string, string[]>(ids.map((id) => [id, []]));
  const outgoing = new Map<string, string[]>(ids.map((id) => [id, []]));
  const waypoints = new Set<string>();
  const link = (from: string, to: string) => {
    outgoing.get(from)!.push(to);
    incoming.get(to)!.push(from);
  };
  for (const [from, targets] of forward) {
    for (const to of targets) {
      let previous = from;
      for (let c = column.get(from)! + 1; c < column.get(to)!; c++) {
        const waypoint = ` ${from}>${to}@${c}`; // a space: cannot clash with a step id
        waypoints.add(waypoint);
        column.set(waypoint, c);
        incoming.set(waypoint, []);
        outgoing.set(waypoint, []);
        link(previous, waypoint);
        previous = waypoint;
      }
      link(previous, to);
    }
  }

  const columns: string[][] = [];
  for (const id of [...ids, ...waypoints]) (columns[column.get(id)!] ??= []).push(id);
  for (let c = 0; c < columns.length; c++) columns[c] ??= [];

  // Order within columns by the average row of the neighbours, sweeping down then up.
  const rowOf = new Map<string, number>();
  const number = () => columns.forEach((col) => col.forEach((id, row) => rowOf.set(id, row)));
  number();
  const sortBy = (col: string[], neighbours: Map<string, string[]>) => {
    const key = new Map(
      col.map((id, row) => {
        const rows = neighbours.get(id)!.map((n) => rowOf.get(n)!);
        return [id, rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : row];
      }),
    );
    col.sort((a, b) => key.get(a)! - key.get(b)!);
    col.forEach((id, row) => rowOf.set(id, row));
  };
  for (let sweep = 0; sweep < 4; sweep++) {
    for (let c = 1; c < columns.length; c++) sortBy(columns[c]!, incoming);
    for (let c = columns.length - 2; c >= 0; c--) sortBy(columns[c]!, outgoing);
  }

  // Rows: each step as near as spacing allows to the steps leading into it; a waypoint needs
  // less room than a step.
  const gap = (a: string, b: string) => (waypoints.has(a) || waypoints.has(b) ? WAYPOINT_GAP : ROW_HEIGHT);
  const y = new Map<string, number>();
  for (const col of columns) {
    const wanted = col.map((id, row) => {
      const from = incoming.get(id)!.filter((n) => y.has(n));
      return from.length ? from.reduce((sum, n) => sum + y.get(n)!, 0) / from.length : row * ROW_HEIGHT;
    });
    const down = [...wanted];
    for (let i = 1; i < down.length; i++)
      down[i] = Math.max(down[i]!, down[i - 1]! + gap(col[i - 1]!, col[i]!));
    const up = [...wanted];
    for (let i = up.length - 2; i >= 0; i--) up[i] = Math.min(up[i]!, up[i + 1]! - gap(col[i]!, col[i + 1]!));
    // Both keep the spacing, and so does their average; it balances pushing down and up.
    col.forEach((id, i) => y.set(id, Math.round((down[i]! + up[i]!) / 2)));
  }
  const top = Math.min(0, ...ids.map((id) => y.get(id)!));

  const positioned = steps.map((step) => ({
    ...step,
    position: { x: column.get(step.id)! * COLUMN_WIDTH, y: y.get(step.id)! - top },
  }));
  return { ...content, scenario: { ...content.scenario, steps: positioned } };
}

const STEP_PATH = /^scenario\.steps\[(\d+)\]/;

/** The step an issue points at: its stepId, or for shape problems the step index in its path. */
export function stepOfIssue(content: ModuleContent, issue: ValidationIssue): string | undefined {
  if (issue.stepId) return issue.stepId;
  const match = STEP_PATH.exec(issue.path);
  return match ? content.scenario.steps[Number(match[1])]?.id : undefined;
}
