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

/** Layered left-to-right layout: column = breadth-first depth from the start; unreachable steps last. */
export function autoLayout(content: ModuleContent): ModuleContent {
  const steps = content.scenario.steps;
  const byId = new Map(steps.map((s) => [s.id, s]));
  const depth = new Map<string, number>();
  const queue: string[] = [];
  if (byId.has(content.scenario.start)) {
    depth.set(content.scenario.start, 0);
    queue.push(content.scenario.start);
  }
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const choice of byId.get(id)?.choices ?? []) {
      if (byId.has(choice.next) && !depth.has(choice.next)) {
        depth.set(choice.next, (depth.get(id) ?? 0) + 1);
        queue.push(choice.next);
      }
    }
  }
  const lastColumn = Math.max(-1, ...depth.values()) + 1;
  const rows = new Map<number, number>();
  const positioned = steps.map((step) => {
    const column = depth.get(step.id) ?? lastColumn;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    return { ...step, position: { x: column * 300, y: row * 170 } };
  });
  return { ...content, scenario: { ...content.scenario, steps: positioned } };
}

const STEP_PATH = /^scenario\.steps\[(\d+)\]/;

/** The step an issue points at: its stepId, or for shape problems the step index in its path. */
export function stepOfIssue(content: ModuleContent, issue: ValidationIssue): string | undefined {
  if (issue.stepId) return issue.stepId;
  const match = STEP_PATH.exec(issue.path);
  return match ? content.scenario.steps[Number(match[1])]?.id : undefined;
}
