import { diffModules, sameValue } from '../diff.js';
import type { ModuleContent } from '../model.js';
import { recruiterModule } from './fixtures.js';

const clone = (c: ModuleContent): ModuleContent => JSON.parse(JSON.stringify(c)) as ModuleContent;

describe('diffModules', () => {
  it('finds nothing between a version and itself, nor when only canvas positions moved', () => {
    const a = recruiterModule();
    const b = clone(a);
    b.scenario.steps[0]!.position = { x: 10, y: 20 };
    const diff = diffModules(a, b);
    expect(diff.identical).toBe(true);
    expect(diff.steps).toEqual({ added: [], removed: [], changed: [] });
  });

  it('lists steps added, removed and changed, with the changed fields and choices', () => {
    const a = recruiterModule();
    const b = clone(a);
    const [first, second] = b.scenario.steps;
    first!.title = 'A new title';
    first!.narrative = 'Rewritten.';
    first!.choices[0]!.feedback = 'Different feedback.';
    first!.choices.push({ ...first!.choices[0]!, id: 'extra-choice' });
    const removed = b.scenario.steps.splice(b.scenario.steps.indexOf(second!), 1)[0]!;
    b.scenario.steps.push({
      id: 'brand-new',
      title: 'Brand new',
      narrative: 'N',
      artefacts: [],
      choices: [],
    });

    const diff = diffModules(a, b);
    expect(diff.identical).toBe(false);
    expect(diff.steps.added).toEqual([{ id: 'brand-new', title: 'Brand new' }]);
    expect(diff.steps.removed).toEqual([{ id: removed.id, title: removed.title }]);
    expect(diff.steps.changed).toEqual([
      {
        id: first!.id,
        title: 'A new title',
        fields: ['title', 'narrative', 'choices'],
        choices: { added: ['extra-choice'], removed: [], changed: [a.scenario.steps[0]!.choices[0]!.id] },
      },
    ]);
  });

  it('reports changed artefacts and endings', () => {
    const a = recruiterModule();
    const b = clone(a);
    const withEnding = b.scenario.steps.find((s) => s.ending)!;
    withEnding.ending = { ...withEnding.ending!, debrief: 'Another debrief.' };
    const withArtefacts = b.scenario.steps.find((s) => s.artefacts.length > 0);
    if (withArtefacts) withArtefacts.artefacts = [];
    const fields = Object.fromEntries(diffModules(a, b).steps.changed.map((c) => [c.id, c.fields]));
    expect(fields[withEnding.id]).toContain('ending');
    if (withArtefacts) expect(fields[withArtefacts.id]).toContain('artefacts');
  });

  it('lists questions added, removed and changed, the pass mark and the start', () => {
    const a = recruiterModule();
    const b = clone(a);
    const q0 = b.quiz.questions[0]!;
    q0.explanation = 'Explained differently.';
    q0.options = [...q0.options].reverse();
    const gone = a.quiz.questions.length > 1 ? b.quiz.questions.pop()! : null;
    b.quiz.questions.push({ ...q0, id: 'q-new', prompt: 'New?' });
    b.quiz.passMark = a.quiz.passMark === 90 ? 80 : 90;

    const diff = diffModules(a, b);
    expect(diff.questions.changed).toEqual([
      { id: q0.id, prompt: q0.prompt, fields: ['options', 'explanation'] },
    ]);
    expect(diff.questions.added).toEqual([{ id: 'q-new', prompt: 'New?' }]);
    expect(diff.questions.removed).toEqual(gone ? [{ id: gone.id, prompt: gone.prompt }] : []);
    expect(diff.passMark).toEqual({ from: a.quiz.passMark, to: b.quiz.passMark });
    expect(diff.start).toBeNull();
    expect(diff.retryPolicy).toBeNull();
  });

  it('shows a change of retry policy, and counts a missing policy as the default one', () => {
    const a = recruiterModule();
    delete a.quiz.retryPolicy;
    const same = clone(a);
    same.quiz.retryPolicy = { cooldownMinutes: 0, reviewDebrief: false, notifyOfficersAfter: null };
    expect(diffModules(a, same)).toMatchObject({ retryPolicy: null, identical: true });

    const stricter = clone(a);
    stricter.quiz.retryPolicy = { cooldownMinutes: 30, reviewDebrief: true, notifyOfficersAfter: 3 };
    expect(diffModules(a, stricter)).toMatchObject({
      retryPolicy: {
        from: { cooldownMinutes: 0, reviewDebrief: false, notifyOfficersAfter: null },
        to: { cooldownMinutes: 30, reviewDebrief: true, notifyOfficersAfter: 3 },
      },
      identical: false,
    });
  });
});

describe('sameValue', () => {
  it('ignores key order and treats absent as undefined, but not array order', () => {
    expect(sameValue({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: [] }, { a: {} })).toBe(false);
  });
});
