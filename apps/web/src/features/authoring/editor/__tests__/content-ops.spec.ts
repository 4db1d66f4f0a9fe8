import { builtInModules } from '@countersign/curriculum';
import { moduleContentSchema, type ModuleContent } from '@countersign/scenario-engine';
import { autoLayout } from '../content-ops';

const step = (id: string, ...next: string[]) => ({
  id,
  title: `Title of ${id}`,
  narrative: `Narrative of ${id}.`,
  choices: next.map((to, i) => ({ id: `c${i}`, label: `To ${to}`, next: to, feedback: 'Feedback.' })),
});
const ending = (id: string) => ({ ...step(id), ending: { outcome: 'safe', debrief: 'Debrief.' } });

function parse(steps: unknown[], start = 'a'): ModuleContent {
  return moduleContentSchema.parse({
    scenario: { start, steps },
    quiz: {
      passMark: 50,
      questions: [
        {
          id: 'q',
          kind: 'single',
          prompt: 'Prompt?',
          options: [
            { id: 'o1', label: 'One', correct: true },
            { id: 'o2', label: 'Two', correct: false },
          ],
          explanation: 'Because.',
        },
      ],
    },
  });
}

const positions = (content: ModuleContent) => new Map(content.scenario.steps.map((s) => [s.id, s.position!]));

function expectNoOverlap(content: ModuleContent) {
  const all = [...positions(content).values()];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const [p, q] = [all[i]!, all[j]!];
      expect(p.x !== q.x || Math.abs(p.y - q.y) >= 140).toBe(true);
    }
  }
}

describe('autoLayout', () => {
  it('reads left to right: every choice but a loop back leads to a later column', () => {
    // a → b → c → end, with b ⇄ d a loop and a → c a shortcut.
    const content = autoLayout(
      parse([
        step('a', 'b', 'c'),
        step('b', 'c', 'd'),
        step('d', 'b', 'end'),
        step('c', 'end'),
        ending('end'),
      ]),
    );
    const at = positions(content);
    expect(at.get('a')!.x).toBe(0);
    expect(at.get('b')!.x).toBeLessThan(at.get('c')!.x);
    expect(at.get('b')!.x).toBeLessThan(at.get('d')!.x);
    expect(at.get('c')!.x).toBeLessThan(at.get('end')!.x);
    expect(at.get('d')!.x).toBeLessThan(at.get('end')!.x);
    expect(Math.min(...[...at.values()].map((p) => p.y))).toBe(0);
    expectNoOverlap(content);
  });

  it('puts steps the start cannot reach in a last column', () => {
    const at = positions(autoLayout(parse([step('a', 'end'), ending('end'), step('lost', 'end')])));
    expect(at.get('lost')!.x).toBeGreaterThan(at.get('end')!.x);
  });

  it('copes with a missing start step and links to steps that do not exist', () => {
    const content = autoLayout(parse([step('a', 'nowhere'), ending('end')], 'missing'));
    expect(content.scenario.steps.every((s) => s.position)).toBe(true);
    expectNoOverlap(content);
  });

  it.each(builtInModules.map((m) => [m.slug, m] as const))(
    'lays out the built-in module %s without overlaps, forward choices left to right',
    (_slug, builtIn) => {
      const content = autoLayout(moduleContentSchema.parse(builtIn.content));
      expectNoOverlap(content);
      expect(autoLayout(content)).toEqual(content);
      const at = positions(content);
      const forward = content.scenario.steps.flatMap((s) =>
        s.choices.filter((c) => at.get(c.next)!.x > at.get(s.id)!.x),
      );
      const all = content.scenario.steps.flatMap((s) => s.choices);
      // The built-in scenarios have no loops: every choice moves the story on.
      expect(forward).toHaveLength(all.length);
    },
  );
});
