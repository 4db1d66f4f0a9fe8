import {
  artefactSchema,
  emailArtefactSchema,
  invitationArtefactSchema,
  messageThreadArtefactSchema,
  moduleContentSchema,
  profileCardArtefactSchema,
  stepSchema,
  validateModule,
  type Artefact,
  type ModuleContent,
} from '@countersign/scenario-engine';
import type { ZodType } from 'zod';
import { imageFileProblem } from '../../../api/media';
import {
  addArtefact,
  ARTEFACT_KINDS,
  ARTEFACT_LIMITS,
  artefactSummary,
  moveArtefact,
  moveItem,
  newArtefact,
  optionalText,
  removeArtefact,
  removeAt,
  replaceAt,
  updateArtefact,
} from '../artefact-ops';

function content(artefacts: Artefact[] = []): ModuleContent {
  return moduleContentSchema.parse({
    scenario: {
      start: 'a',
      steps: [
        {
          id: 'a',
          title: 'A',
          narrative: 'Start.',
          artefacts,
          choices: [{ id: 'c', label: 'On', next: 'b', feedback: 'Fine.' }],
        },
        { id: 'b', title: 'B', narrative: 'End.', ending: { outcome: 'safe', debrief: 'Done.' } },
      ],
    },
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

const artefactsOf = (c: ModuleContent, stepId = 'a') =>
  c.scenario.steps.find((s) => s.id === stepId)!.artefacts;
const kinds = ARTEFACT_KINDS.map((entry) => entry.kind);

describe('newArtefact', () => {
  it.each(kinds)('starts a %s that the model accepts as it is', (kind) => {
    const artefact = newArtefact(kind);
    expect(artefact.kind).toBe(kind);
    expect(artefactSchema.parse(artefact)).toEqual(artefact);
  });

  it('leaves a module with one of each kind valid', () => {
    const result = validateModule(content(kinds.map(newArtefact)), { redFlagKeys: [] });
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('answers a fresh object each time, so edits never leak into the next new artefact', () => {
    const first = newArtefact('profile');
    expect(newArtefact('profile')).not.toBe(first);
    if (first.kind === 'profile') first.history.push({ role: 'x', organisation: 'y', period: 'z' });
    expect(newArtefact('profile')).not.toEqual(first);
  });
});

describe('ARTEFACT_LIMITS agree with the model', () => {
  /** A field at its limit is accepted and one past it refused. */
  function expectLimit(
    schema: ZodType,
    base: object,
    field: string,
    max: number,
    make: (n: number) => unknown,
  ) {
    expect({ field, ok: schema.safeParse({ ...base, [field]: make(max) }).success }).toEqual({
      field,
      ok: true,
    });
    expect({ field, ok: schema.safeParse({ ...base, [field]: make(max + 1) }).success }).toEqual({
      field,
      ok: false,
    });
  }
  const chars = (n: number) => 'x'.repeat(n);

  it('for profiles', () => {
    const base = newArtefact('profile');
    const L = ARTEFACT_LIMITS.profile;
    for (const field of ['name', 'headline', 'company', 'location', 'about'] as const) {
      expectLimit(profileCardArtefactSchema, base, field, L[field], chars);
    }
    expectLimit(profileCardArtefactSchema, base, 'connections', L.connections, (n) => n);
    expectLimit(profileCardArtefactSchema, base, 'accountAgeMonths', L.accountAgeMonths, (n) => n);
    const job = { role: 'r', organisation: 'o', period: 'p' };
    expectLimit(profileCardArtefactSchema, base, 'history', L.history, (n) => Array(n).fill(job));
    for (const field of ['role', 'organisation', 'period'] as const) {
      expectLimit(profileCardArtefactSchema, base, 'history', L[field], (n) => [
        { ...job, [field]: chars(n) },
      ]);
    }
    expectLimit(profileCardArtefactSchema, base, 'activity', L.activity, (n) => Array(n).fill('post'));
    expectLimit(profileCardArtefactSchema, base, 'activity', L.post, (n) => [chars(n)]);
  });

  it('for message threads', () => {
    const base = newArtefact('thread');
    const L = ARTEFACT_LIMITS.thread;
    const message = { from: 'f', at: 'a', body: 'b' };
    expectLimit(messageThreadArtefactSchema, base, 'platform', L.platform, chars);
    expectLimit(messageThreadArtefactSchema, base, 'participants', L.participants, (n) => Array(n).fill('P'));
    expectLimit(messageThreadArtefactSchema, base, 'participants', L.participant, (n) => [chars(n)]);
    expectLimit(messageThreadArtefactSchema, base, 'messages', L.messages, (n) => Array(n).fill(message));
    for (const field of ['from', 'at', 'body'] as const) {
      expectLimit(messageThreadArtefactSchema, base, 'messages', L[field], (n) => [
        { ...message, [field]: chars(n) },
      ]);
    }
  });

  it('for emails', () => {
    const base = newArtefact('email');
    for (const field of ['from', 'to', 'subject', 'sentAt', 'body'] as const) {
      expectLimit(emailArtefactSchema, base, field, ARTEFACT_LIMITS.email[field], chars);
    }
  });

  it('for invitations', () => {
    const base = newArtefact('invitation');
    const L = ARTEFACT_LIMITS.invitation;
    for (const field of ['event', 'host', 'location', 'dates', 'body'] as const) {
      expectLimit(invitationArtefactSchema, base, field, L[field], chars);
    }
    expectLimit(invitationArtefactSchema, base, 'benefits', L.benefits, (n) => Array(n).fill('B'));
    expectLimit(invitationArtefactSchema, base, 'benefits', L.benefit, (n) => [chars(n)]);
  });

  it('for the number per step', () => {
    const step = { id: 's', title: 'S', narrative: 'N.' };
    expectLimit(stepSchema, step, 'artefacts', ARTEFACT_LIMITS.perStep, (n) =>
      Array(n).fill(newArtefact('email')),
    );
  });
});

describe('step artefact edits', () => {
  it('adds at the end, up to the limit, and changes nothing past it', () => {
    let c = content([newArtefact('email')]);
    c = addArtefact(c, 'a', 'profile');
    expect(artefactsOf(c).map((a) => a.kind)).toEqual(['email', 'profile']);
    for (let i = 0; i < 10; i++) c = addArtefact(c, 'a', 'thread');
    expect(artefactsOf(c)).toHaveLength(ARTEFACT_LIMITS.perStep);
    expect(addArtefact(c, 'a', 'thread')).toBe(c);
  });

  it('leaves the document untouched when the step does not exist', () => {
    const c = content([newArtefact('email')]);
    expect(addArtefact(c, 'nope', 'email')).toBe(c);
    expect(removeArtefact(c, 'nope', 0)).toBe(c);
    expect(moveArtefact(c, 'nope', 0, 1)).toBe(c);
    expect(updateArtefact(c, 'nope', 0, 'email', (e) => ({ ...e, subject: 'x' }))).toBe(c);
  });

  it('removes by position and leaves the original document as it was', () => {
    const c = content([newArtefact('email'), newArtefact('profile'), newArtefact('thread')]);
    const removed = removeArtefact(c, 'a', 1);
    expect(artefactsOf(removed).map((a) => a.kind)).toEqual(['email', 'thread']);
    expect(artefactsOf(c).map((a) => a.kind)).toEqual(['email', 'profile', 'thread']);
    expect(removeArtefact(c, 'a', 3)).toBe(c);
    expect(removeArtefact(c, 'a', -1)).toBe(c);
  });

  it('moves up and down; a move off either end changes nothing', () => {
    const c = content([newArtefact('email'), newArtefact('profile'), newArtefact('thread')]);
    expect(artefactsOf(moveArtefact(c, 'a', 2, 1)).map((a) => a.kind)).toEqual([
      'email',
      'thread',
      'profile',
    ]);
    expect(artefactsOf(moveArtefact(c, 'a', 0, 1)).map((a) => a.kind)).toEqual([
      'profile',
      'email',
      'thread',
    ]);
    expect(moveArtefact(c, 'a', 0, -1)).toBe(c);
    expect(moveArtefact(c, 'a', 2, 3)).toBe(c);
    expect(moveArtefact(c, 'a', 1, 1)).toBe(c);
  });

  it('updates the artefact at a position only while it is still of the kind being edited', () => {
    const c = content([newArtefact('email'), newArtefact('profile')]);
    const changed = updateArtefact(c, 'a', 1, 'profile', (p) => ({ ...p, name: 'Li Wei' }));
    expect(artefactsOf(changed)[1]).toMatchObject({ kind: 'profile', name: 'Li Wei' });
    expect(artefactsOf(changed)[0]).toBe(artefactsOf(c)[0]);
    expect(artefactsOf(c)[1]).toMatchObject({ name: 'Alex Morgan' });
    // An undo may have put an email where the profile was: the stale edit is dropped.
    expect(updateArtefact(c, 'a', 0, 'profile', (p) => ({ ...p, name: 'x' }))).toBe(c);
    expect(updateArtefact(c, 'a', 5, 'email', (e) => e)).toBe(c);
  });

  it('touches no other step', () => {
    const c = content([newArtefact('email')]);
    const changed = addArtefact(c, 'a', 'profile');
    expect(changed.scenario.steps[1]).toBe(c.scenario.steps[1]);
  });
});

describe('list helpers', () => {
  it('moveItem moves one item and keeps the rest in order', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveItem(['a', 'b'], 0, 5)).toEqual(['a', 'b']);
  });

  it('removeAt and replaceAt answer new arrays', () => {
    const items = ['a', 'b', 'c'];
    expect(removeAt(items, 1)).toEqual(['a', 'c']);
    expect(replaceAt(items, 2, 'z')).toEqual(['a', 'b', 'z']);
    expect(items).toEqual(['a', 'b', 'c']);
  });

  it('optionalText treats blank as not set, which the model needs for optional fields', () => {
    expect(optionalText('')).toBeUndefined();
    expect(optionalText('   ')).toBeUndefined();
    expect(optionalText(' Zurich')).toBe(' Zurich');
    expect(profileCardArtefactSchema.safeParse({ ...newArtefact('profile'), company: '' }).success).toBe(
      false,
    );
  });
});

describe('artefactSummary', () => {
  it('names the kind and what tells it apart', () => {
    expect(artefactSummary(newArtefact('profile'))).toBe('Recruiter profile: Alex Morgan');
    expect(artefactSummary(newArtefact('thread'))).toBe('Message thread: Alex Morgan, You');
    expect(artefactSummary(newArtefact('email'))).toBe('Email: An opportunity that may interest you');
    expect(
      artefactSummary({
        ...(newArtefact('invitation') as Extract<Artefact, { kind: 'invitation' }>),
        event: ' ',
      }),
    ).toBe('Event invitation');
  });
});

describe('imageFileProblem', () => {
  const MB = 1024 * 1024;
  it('accepts PNG, JPEG and WebP up to 2 MB', () => {
    expect(imageFileProblem({ name: 'a.png', type: 'image/png', size: 2 * MB })).toBeUndefined();
    expect(imageFileProblem({ name: 'a.jpg', type: 'image/jpeg', size: 1000 })).toBeUndefined();
    expect(imageFileProblem({ name: 'a.webp', type: 'image/webp', size: 1000 })).toBeUndefined();
  });

  it('says why anything else is refused', () => {
    expect(imageFileProblem({ name: 'a.gif', type: 'image/gif', size: 10 })).toBe(
      'a.gif is not a PNG, JPEG or WebP image.',
    );
    expect(imageFileProblem({ name: 'logo.svg', type: 'image/svg+xml', size: 10 })).toMatch(/not a PNG/);
    expect(imageFileProblem({ name: 'big.png', type: 'image/png', size: 2 * MB + 1 })).toBe(
      'big.png is 2.0 MB, over the 2 MB limit. Choose a smaller image.',
    );
  });
});
