import { mediaUrlPattern, moduleContentSchema, profileCardArtefactSchema } from '../model.js';
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
