import {
  draftContentSchema,
  mediaUrlPattern,
  moduleContentSchema,
  profileCardArtefactSchema,
} from '../model.js';
import { recruiterModuleInput } from './fixtures.js';

describe('profile photoUrl', () => {
  const profile = (photoUrl: string) => ({
    kind: 'profile',
    name: 'Alex',
    headline: 'Talent partner',
    connections: 31,
    photoUrl,
  });
  const id = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';

  it('accepts an uploaded image, /api/media/<uuid>, normalised to lower case', () => {
    expect(profileCardArtefactSchema.parse(profile(`/api/media/${id}`)).photoUrl).toBe(`/api/media/${id}`);
    expect(profileCardArtefactSchema.parse(profile(` /API/MEDIA/${id.toUpperCase()} `)).photoUrl).toBe(
      `/api/media/${id}`,
    );
    expect(profileCardArtefactSchema.parse({ ...profile(''), photoUrl: undefined }).photoUrl).toBeUndefined();
  });

  it.each([
    'https://images.example.com/face.jpg',
    'http://169.254.169.254/latest/meta-data',
    '//images.example.com/face.jpg',
    'data:image/png;base64,iVBORw0KGgo=',
    'javascript:alert(1)',
    `/api/media/${id}/../../auth/session`,
    `/api/media/${id}?x=1`,
    '/api/media/not-a-uuid',
    `/api/approaches/attachments/${id}`,
    '',
  ])('refuses %j, naming the field', (url) => {
    const result = profileCardArtefactSchema.safeParse(profile(url));
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['photoUrl']);
    expect(mediaUrlPattern.test(url)).toBe(false);
  });

  it('names the photoUrl by its path within the module', () => {
    const input = recruiterModuleInput();
    const steps = input.scenario.steps as { artefacts?: { kind: string; photoUrl?: string }[] }[];
    const at = steps.findIndex((s) => s.artefacts?.some((a) => a.kind === 'profile'));
    const artefact = steps[at]!.artefacts!.findIndex((a) => a.kind === 'profile');
    steps[at]!.artefacts![artefact]!.photoUrl = 'https://tracker.example.com/pixel.gif';
    const result = moduleContentSchema.safeParse(input);
    expect(result.error!.issues.map((i) => i.path)).toEqual([
      ['scenario', 'steps', at, 'artefacts', artefact, 'photoUrl'],
    ]);
  });
});

describe('draft content', () => {
  it('holds what an author has not finished: blank texts and lists shorter than publishing needs', () => {
    const input = recruiterModuleInput();
    input.scenario.steps[1]!.narrative = '';
    input.scenario.steps[0]!.choices![0]!.label = '   ';
    input.quiz.questions[0]!.options = [];
    input.quiz.questions[0]!.explanation = '';
    expect(moduleContentSchema.safeParse(input).success).toBe(false);
    const draft = draftContentSchema.parse(input);
    expect(draft.scenario.steps[1]!.narrative).toBe('');
    expect(draft.scenario.steps[0]!.choices[0]!.label).toBe('');
    expect(
      draftContentSchema.parse({ ...input, quiz: { ...input.quiz, questions: [] } }).quiz.questions,
    ).toEqual([]);
  });

  it('keeps the shape and every upper bound: nothing larger or stranger than a module gets in', () => {
    const cases: [string, (input: ReturnType<typeof recruiterModuleInput>) => void][] = [
      ['scenario.steps.1.title', (i) => void (i.scenario.steps[1]!.title = 'x'.repeat(201))],
      ['scenario.steps.0.choices.0.id', (i) => void (i.scenario.steps[0]!.choices![0]!.id = 'Not An Id')],
      [
        'scenario.steps.0.narrative',
        (i) => void ((i.scenario.steps[0] as { narrative: unknown }).narrative = 7),
      ],
      ['scenario.steps', (i) => void (i.scenario.steps = [])],
      ['quiz.questions.0.kind', (i) => void ((i.quiz.questions[0] as { kind: string }).kind = 'essay')],
      ['quiz.passMark', (i) => void (i.quiz.passMark = 1000)],
    ];
    for (const [path, spoil] of cases) {
      const input = recruiterModuleInput();
      spoil(input);
      const result = draftContentSchema.safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error!.issues.map((issue) => issue.path.join('.'))).toEqual([path]);
    }
    const extra = { ...recruiterModuleInput(), script: '<script>' } as Record<string, unknown>;
    expect(draftContentSchema.parse(extra)).not.toHaveProperty('script');
  });
});
