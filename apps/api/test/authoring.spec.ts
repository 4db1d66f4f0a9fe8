import { randomBytes } from 'node:crypto';
import type {
  AuthoringModuleDetail,
  LibraryModule,
  ModuleExportDocument,
  SaveDraftResponse,
  VersionDiffResponse,
  VersionHistoryEntry,
} from '@countersign/contracts/authoring';
import type { AttemptState } from '@countersign/contracts/learning';
import type { MediaAsset } from '@countersign/contracts/media';
import type { ModuleContent, ValidationIssue } from '@countersign/scenario-engine';
import sharp from 'sharp';
import { playToPass } from './play.js';
import { type Client, TestContext } from './test-app.js';

describe('authoring: library, drafts, publishing, versions, import and export', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());

  async function setUp() {
    const team = await ctx.newTeam();
    const admin = await ctx.login(team.admin);
    const moduleIds = await ctx.moduleIds(team.org.id);
    return { ...team, admin, moduleIds };
  }

  const clone = (c: ModuleContent): ModuleContent => JSON.parse(JSON.stringify(c)) as ModuleContent;

  async function createModule(admin: Client, title = 'Phishing at the conference') {
    const res = await admin
      .post('/api/authoring/modules', { title, summary: 'A new scenario', estimatedMinutes: 12 })
      .expect(201);
    return res.body as AuthoringModuleDetail;
  }

  function saveDraft(admin: Client, moduleId: string, content: unknown, baseRevision: number | null) {
    return admin.put(`/api/authoring/modules/${moduleId}/draft`, { content, baseRevision });
  }

  async function versionRow(moduleId: string, version: number) {
    const [row] = await ctx.dataSource.query<
      { id: string; status: string; content: ModuleContent; published_at: Date | null }[]
    >(`SELECT id, status, content, published_at FROM module_version WHERE module_id = $1 AND version = $2`, [
      moduleId,
      version,
    ]);
    return row!;
  }

  it('lists the library: built-in modules published at version 1, with assignees', async () => {
    const { admin, moduleIds, employee, officer } = await setUp();
    await ctx.assign(employee, moduleIds[0]!);
    await ctx.assign(officer, moduleIds[0]!);
    const library = (await admin.get('/api/authoring/modules').expect(200)).body as LibraryModule[];
    expect(library.map((m) => m.id)).toEqual(moduleIds);
    expect(library[0]).toMatchObject({
      builtIn: true,
      status: 'published',
      publishedVersion: 1,
      draftVersion: null,
      assignees: 2,
      openAssignees: 2,
      completedAssignees: 0,
      lastEditedBy: null,
    });
    expect(library[1]).toMatchObject({ assignees: 0, openAssignees: 0, completedAssignees: 0 });
  });

  it('tells the archive dialog who has the module open and who completed it', async () => {
    const { admin, moduleIds, employee, officer, org } = await setUp();
    const leaver = await ctx.newUser({ organisationId: org.id, role: 'employee' });
    const done = await ctx.assign(employee, moduleIds[0]!);
    await ctx.assign(officer, moduleIds[0]!);
    await ctx.assign(leaver, moduleIds[0]!);
    await ctx.dataSource.query(
      `UPDATE assignment SET status = 'completed', completed_at = now() WHERE id = $1`,
      [done],
    );
    // Someone who has left keeps an open assignment on record but has nothing to finish.
    await ctx.dataSource.query(`UPDATE app_user SET active = false WHERE id = $1`, [leaver.id]);
    const library = (await admin.get('/api/authoring/modules').expect(200)).body as LibraryModule[];
    expect(library[0]).toMatchObject({ assignees: 3, openAssignees: 1, completedAssignees: 1 });
    const archived = (await admin.post(`/api/authoring/modules/${moduleIds[0]}/archive`).expect(200))
      .body as LibraryModule;
    expect(archived).toMatchObject({ status: 'archived', openAssignees: 1, completedAssignees: 1 });
  });

  it('creates a module with a valid starter draft at version 1, shown in the library as a draft', async () => {
    const { admin } = await setUp();
    const created = await createModule(admin);
    expect(created.module).toMatchObject({
      title: 'Phishing at the conference',
      summary: 'A new scenario',
      estimatedMinutes: 12,
      builtIn: false,
      archived: false,
    });
    expect(created.module.slug).toMatch(/^phishing-at-the-conference-[0-9a-f]{6}$/);
    expect(created.draft).toMatchObject({ version: 1, revision: 0 });
    expect(created.draft!.lastEditedBy).toEqual({ id: admin.user.id, name: expect.any(String) });
    expect(created.published).toBeNull();
    expect(created.issues).toEqual([]);
    expect(created.draft!.content.quiz.passMark).toBe(80);
    expect(
      created
        .draft!.content.scenario.steps.filter((s) => s.ending)
        .map((s) => s.ending!.outcome)
        .sort(),
    ).toEqual(['compromised', 'safe']);

    const library = (await admin.get('/api/authoring/modules').expect(200)).body as LibraryModule[];
    expect(library.find((m) => m.id === created.module.id)).toMatchObject({
      status: 'draft',
      publishedVersion: null,
      draftVersion: 1,
      lastEditedBy: { id: admin.user.id },
      assignees: 0,
    });
    const detail = (await admin.get(`/api/authoring/modules/${created.module.id}`).expect(200))
      .body as AuthoringModuleDetail;
    expect(detail.draft!.id).toBe(created.draft!.id);

    const bad = await admin.post('/api/authoring/modules', { title: '' }).expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'title' })]);
  });

  it('autosaves the draft: revisions advance, a stale revision is a conflict, graph problems come back as issues', async () => {
    const { admin } = await setUp();
    const { module, draft } = await createModule(admin);
    const content = clone(draft!.content);
    content.scenario.steps[0]!.title = 'Renamed';

    const first = (await saveDraft(admin, module.id, content, 0).expect(200)).body as SaveDraftResponse;
    expect(first.draft).toMatchObject({ version: 1, revision: 1 });
    expect(first.draft.content.scenario.steps[0]!.title).toBe('Renamed');
    expect(first.issues).toEqual([]);

    // Another tab still holding revision 0 is refused, and nothing changes.
    const stale = await saveDraft(admin, module.id, draft!.content, 0).expect(409);
    expect(stale.body).toMatchObject({ code: 'draft_conflict', details: { currentRevision: 1 } });
    expect((await versionRow(module.id, 1)).content.scenario.steps[0]!.title).toBe('Renamed');

    // A dangling link is saved (the author is mid-edit) and reported against the choice.
    content.scenario.steps[0]!.choices[0]!.next = 'nowhere';
    const broken = (await saveDraft(admin, module.id, content, 1).expect(200)).body as SaveDraftResponse;
    expect(broken.draft.revision).toBe(2);
    expect(broken.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'dangling-link',
          path: 'scenario.steps[0].choices[0].next',
          stepId: 'start',
          choiceId: 'check-first',
        }),
      ]),
    );

    // A shape error is refused with the path at fault.
    const shape = clone(content);
    (shape.scenario.steps[1] as { title: unknown }).title = 42;
    const refused = await saveDraft(admin, module.id, shape, 2).expect(400);
    expect(refused.body.code).toBe('validation_failed');
    expect(refused.body.details).toEqual([
      expect.objectContaining({ field: 'content.scenario.steps[1].title' }),
    ]);
    const missing = await admin.put(`/api/authoring/modules/${module.id}/draft`, { content }).expect(400);
    expect(missing.body.details).toEqual([expect.objectContaining({ field: 'baseRevision' })]);
  });

  it('saves a draft with blank required fields, and publishing refuses it with each problem in plain words', async () => {
    const { admin } = await setUp();
    const { module, draft } = await createModule(admin);
    const content = clone(draft!.content);
    content.scenario.steps[0]!.narrative = '';
    content.scenario.steps[0]!.choices[0]!.label = '   ';
    content.quiz.questions[0]!.options = content.quiz.questions[0]!.options.slice(0, 1);
    content.scenario.steps[0]!.choices[1]!.next = 'nowhere';

    const saved = (await saveDraft(admin, module.id, content, 0).expect(200)).body as SaveDraftResponse;
    expect(saved.draft.revision).toBe(1);
    expect(saved.draft.content.scenario.steps[0]!.narrative).toBe('');
    expect((await versionRow(module.id, 1)).content.scenario.steps[0]!.choices[0]!.label).toBe('');
    const title = content.scenario.steps[0]!.title;
    expect(
      saved.issues.map(({ code, path, message, fieldMessage }) => ({ code, path, message, fieldMessage })),
    ).toEqual([
      {
        code: 'schema',
        path: 'scenario.steps[0].narrative',
        message: `Step 1 “${title}”: the narrative is empty.`,
        fieldMessage: 'Fill this in before publishing.',
      },
      {
        code: 'schema',
        path: 'scenario.steps[0].choices[0].label',
        message: `Step 1 “${title}”, choice 1: the text of the choice is empty.`,
        fieldMessage: 'Fill this in before publishing.',
      },
      expect.objectContaining({ code: 'dangling-link', path: 'scenario.steps[0].choices[1].next' }),
      expect.objectContaining({ code: 'unreachable-step', path: 'scenario.steps[2]' }),
      {
        code: 'schema',
        path: 'quiz.questions[0].options',
        message: 'Question 1: add at least 2 answers.',
        fieldMessage: 'Add at least 2 answers.',
      },
    ]);
    for (const issue of saved.issues) expect(issue.message).not.toMatch(/Too small|expected|>=/);

    // The editor reopens it as saved, with the same problems.
    const detail = (await admin.get(`/api/authoring/modules/${module.id}`).expect(200))
      .body as AuthoringModuleDetail;
    expect(detail.draft!.content.scenario.steps[0]!.narrative).toBe('');
    expect(detail.issues).toEqual(saved.issues);

    const refused = await admin.post(`/api/authoring/modules/${module.id}/publish`).expect(422);
    expect(refused.body).toMatchObject({ code: 'invalid_module', details: saved.issues });
    expect((await versionRow(module.id, 1)).status).toBe('draft');

    // Still bounded: what no draft may hold is refused, in plain words at its path.
    const tooLong = clone(content);
    tooLong.scenario.steps[0]!.title = 'x'.repeat(201);
    const long = await saveDraft(admin, module.id, tooLong, 1).expect(400);
    expect(long.body).toMatchObject({
      code: 'validation_failed',
      details: [
        {
          field: 'content.scenario.steps[0].title',
          message: expect.stringMatching(/the title is too long: at most 200 characters \(it has 201\)\.$/),
        },
      ],
    });

    // Filled in and linked, it publishes.
    const fixed = clone(draft!.content);
    await saveDraft(admin, module.id, fixed, 1).expect(200);
    await admin.post(`/api/authoring/modules/${module.id}/publish`).expect(200);
  });

  it('refuses to publish while errors stand, listing every issue, then publishes and freezes the version', async () => {
    const { admin } = await setUp();
    const { module, draft } = await createModule(admin);
    const content = clone(draft!.content);
    content.scenario.steps[0]!.choices[0]!.next = 'nowhere';
    content.quiz.questions[0]!.options.forEach((o) => (o.correct = false));
    await saveDraft(admin, module.id, content, 0).expect(200);

    const refused = await admin.post(`/api/authoring/modules/${module.id}/publish`).expect(422);
    expect(refused.body.code).toBe('invalid_module');
    const issues = refused.body.details as ValidationIssue[];
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['scenario.steps[0].choices[0].next', 'quiz.questions[0].options']),
    );
    expect((await versionRow(module.id, 1)).status).toBe('draft');
    const detail = (await admin.get(`/api/authoring/modules/${module.id}`).expect(200))
      .body as AuthoringModuleDetail;
    expect(detail.issues).toEqual(issues);

    await saveDraft(admin, module.id, draft!.content, 1).expect(200);
    const published = (await admin.post(`/api/authoring/modules/${module.id}/publish`).expect(200))
      .body as AuthoringModuleDetail;
    expect(published.draft).toBeNull();
    expect(published.published).toMatchObject({
      version: 1,
      publishedBy: { id: admin.user.id },
      publishedAt: expect.any(String),
    });
    const nothing = await admin.post(`/api/authoring/modules/${module.id}/publish`).expect(409);
    expect(nothing.body.code).toBe('no_draft');

    // Editing the published module opens draft 2; a stale revision from the old draft is refused.
    await saveDraft(admin, module.id, draft!.content, 2).expect(409);
    const next = (await saveDraft(admin, module.id, draft!.content, null).expect(200))
      .body as SaveDraftResponse;
    expect(next.draft).toMatchObject({ version: 2, revision: 0 });
    await saveDraft(admin, module.id, draft!.content, null).expect(409);
  });

  it('keeps published versions immutable in the database, and publishing never changes an older version', async () => {
    const { admin, moduleIds } = await setUp();
    const moduleId = moduleIds[0]!;
    const v1 = await versionRow(moduleId, 1);

    await expect(
      ctx.dataSource.query(
        `UPDATE module_version SET content = jsonb_set(content, '{quiz,passMark}', '1') WHERE id = $1`,
        [v1.id],
      ),
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      ctx.dataSource.query(`UPDATE module_version SET pass_mark = 1 WHERE id = $1`, [v1.id]),
    ).rejects.toThrow(/cannot be changed/);

    const content = clone(v1.content);
    content.scenario.steps[0]!.title = 'A better first step';
    await saveDraft(admin, moduleId, content, null).expect(200);
    await admin.post(`/api/authoring/modules/${moduleId}/publish`).expect(200);

    const after = await versionRow(moduleId, 1);
    expect(after).toEqual(v1);
    expect((await versionRow(moduleId, 2)).status).toBe('published');
    const library = (await admin.get('/api/authoring/modules').expect(200)).body as LibraryModule[];
    expect(library.find((m) => m.id === moduleId)).toMatchObject({
      publishedVersion: 2,
      status: 'published',
    });

    const history = (await admin.get(`/api/authoring/modules/${moduleId}/versions`).expect(200))
      .body as VersionHistoryEntry[];
    expect(history).toEqual([
      expect.objectContaining({
        version: 2,
        status: 'published',
        publishedBy: { id: admin.user.id, name: expect.any(String) },
        changeNote: null,
      }),
      expect.objectContaining({
        version: 1,
        status: 'published',
        publishedBy: null,
        publishedAt: expect.any(String),
        changeNote: null,
      }),
    ]);
  });

  it('keeps the note of what changed with the published version, frozen like the rest of it', async () => {
    const { admin } = await setUp();
    const { module, draft } = await createModule(admin);
    const publish = (body?: object) => admin.post(`/api/authoring/modules/${module.id}/publish`, body);

    const tooLong = await publish({ note: 'x'.repeat(501) }).expect(400);
    expect(tooLong.body.code).toBe('validation_failed');
    expect(tooLong.body.details).toEqual([expect.objectContaining({ field: 'note' })]);
    const notText = await publish({ note: 42 }).expect(400);
    expect(notText.body.details).toEqual([expect.objectContaining({ field: 'note' })]);
    expect((await versionRow(module.id, 1)).status).toBe('draft');

    // Trimmed first, so 500 characters of note with spaces around them still fit.
    const note = `Explains the fake invoice <b>red flag</b>.\nReworded step 2 after feedback.${'.'.repeat(426)}`;
    expect(note).toHaveLength(500);
    await publish({ note: `  ${note}  ` }).expect(200);
    await saveDraft(admin, module.id, draft!.content, null).expect(200);
    await publish({ note: '   ' }).expect(200);
    await saveDraft(admin, module.id, draft!.content, null).expect(200);
    await publish({}).expect(200);

    const history = (await admin.get(`/api/authoring/modules/${module.id}/versions`).expect(200))
      .body as VersionHistoryEntry[];
    expect(history.map((v) => [v.version, v.changeNote])).toEqual([
      [3, null],
      [2, null],
      [1, note],
    ]);

    // The note is written by the UPDATE that publishes; afterwards the database refuses to change it.
    const v1 = await versionRow(module.id, 1);
    await expect(
      ctx.dataSource.query(`UPDATE module_version SET change_note = 'Rewritten history' WHERE id = $1`, [
        v1.id,
      ]),
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      ctx.dataSource.query(`UPDATE module_version SET change_note = NULL WHERE id = $1`, [v1.id]),
    ).rejects.toThrow(/cannot be changed/);
    const [stored] = await ctx.dataSource.query<{ change_note: string | null }[]>(
      `SELECT change_note FROM module_version WHERE id = $1`,
      [v1.id],
    );
    expect(stored!.change_note).toBe(note);
  });

  it('shows a readable diff between two versions', async () => {
    const { admin, moduleIds } = await setUp();
    const moduleId = moduleIds[1]!;
    const v1 = (await versionRow(moduleId, 1)).content;
    const content = clone(v1);
    const changed = content.scenario.steps[0]!;
    changed.narrative = 'Rewritten narrative.';
    content.quiz.questions.pop();
    content.quiz.passMark = v1.quiz.passMark === 90 ? 85 : 90;
    await saveDraft(admin, moduleId, content, null).expect(200);

    const res = (await admin.get(`/api/authoring/modules/${moduleId}/diff?from=1&to=2`).expect(200))
      .body as VersionDiffResponse;
    expect(res.from).toBe(1);
    expect(res.to).toBe(2);
    expect(res.diff.steps.changed).toEqual([
      expect.objectContaining({ id: changed.id, fields: ['narrative'] }),
    ]);
    expect(res.diff.questions.removed).toEqual([
      { id: v1.quiz.questions.at(-1)!.id, prompt: expect.any(String) },
    ]);
    expect(res.diff.passMark).toEqual({ from: v1.quiz.passMark, to: content.quiz.passMark });

    await admin.get(`/api/authoring/modules/${moduleId}/diff?from=1&to=9`).expect(404);
    const bad = await admin.get(`/api/authoring/modules/${moduleId}/diff?from=x&to=2`).expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'from' })]);
  });

  it('duplicates a built-in module into a draft copy, and archives and unarchives modules', async () => {
    const { admin, moduleIds, employee } = await setUp();
    const source = (await admin.get(`/api/authoring/modules/${moduleIds[0]}`).expect(200))
      .body as AuthoringModuleDetail;
    const copy = (await admin.post(`/api/authoring/modules/${moduleIds[0]}/duplicate`).expect(201))
      .body as AuthoringModuleDetail;
    expect(copy.module).toMatchObject({ title: `Copy of ${source.module.title}`, builtIn: false });
    expect(copy.module.id).not.toBe(source.module.id);
    expect(copy.draft).toMatchObject({ version: 1, content: source.published!.content });
    expect(copy.published).toBeNull();

    const archived = (await admin.post(`/api/authoring/modules/${moduleIds[0]}/archive`).expect(200))
      .body as LibraryModule;
    expect(archived).toMatchObject({ id: moduleIds[0], status: 'archived', publishedVersion: 1 });
    const assign = { moduleId: moduleIds[0], dueDate: '2099-12-31', userIds: [employee.id] };
    const refused = await admin.post('/api/assignments', assign).expect(409);
    expect(refused.body.code).toBe('module_archived');

    const back = (await admin.post(`/api/authoring/modules/${moduleIds[0]}/unarchive`).expect(200))
      .body as LibraryModule;
    expect(back.status).toBe('published');
    await admin.post('/api/assignments', assign).expect(201);
  });

  it('exports a version as a download and imports it into another organisation as a draft', async () => {
    const { admin, moduleIds } = await setUp();
    const res = await admin.get(`/api/authoring/modules/${moduleIds[0]}/versions/1/export`).expect(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[a-z0-9-]+-v1\.json"$/);
    const document = res.body as ModuleExportDocument;
    expect(document).toMatchObject({ format: 'countersign.module', formatVersion: 1, media: [] });
    expect(document.content).toEqual((await versionRow(moduleIds[0]!, 1)).content);

    const schema = (await admin.get('/api/authoring/module-schema.json').expect(200)).body as {
      type: string;
      properties: Record<string, unknown>;
    };
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).sort()).toEqual([
      'content',
      'format',
      'formatVersion',
      'media',
      'module',
    ]);

    const other = await setUp();
    const imported = (await other.admin.post('/api/authoring/modules/import', document).expect(201))
      .body as AuthoringModuleDetail;
    expect(imported.module).toMatchObject({ title: document.module.title, builtIn: false });
    expect(imported.draft).toMatchObject({ version: 1, content: document.content });
    expect(imported.published).toBeNull();
    expect(imported.issues).toEqual([]);
    const [row] = await ctx.dataSource.query<{ organisation_id: string }[]>(
      `SELECT organisation_id FROM training_module WHERE id = $1`,
      [imported.module.id],
    );
    expect(row!.organisation_id).toBe(other.org.id);
    // The source organisation does not see it.
    await admin.get(`/api/authoring/modules/${imported.module.id}`).expect(404);
  });

  it('refuses an import that is not a module document, naming the JSON path at fault', async () => {
    const { admin, moduleIds } = await setUp();
    const document = (await admin.get(`/api/authoring/modules/${moduleIds[0]}/versions/1/export`).expect(200))
      .body as ModuleExportDocument;
    const before = (await ctx.moduleIds(admin.user.organisationId)).length;

    const badLink = clone(document.content);
    badLink.scenario.steps[3]!.choices[0]!.next = 'Not An Id';
    const res = await admin
      .post('/api/authoring/modules/import', { ...document, content: badLink })
      .expect(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.details).toEqual([
      expect.objectContaining({ field: 'content.scenario.steps[3].choices[0].next' }),
    ]);
    expect(res.body.message).toContain('content.scenario.steps[3].choices[0].next');

    const wrongFormat = await admin
      .post('/api/authoring/modules/import', { ...document, format: 'something-else', formatVersion: 2 })
      .expect(400);
    expect((wrongFormat.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      'format',
      'formatVersion',
    ]);
    await admin.post('/api/authoring/modules/import', { content: document.content }).expect(400);
    expect((await ctx.moduleIds(admin.user.organisationId)).length).toBe(before);
  });

  it("answers 404 for another organisation's module on every route, and changes nothing", async () => {
    const mine = await setUp();
    const theirs = await setUp();
    const { module, draft } = await createModule(theirs.admin);
    const id = module.id;
    const calls = [
      mine.admin.get(`/api/authoring/modules/${id}`),
      mine.admin.post(`/api/authoring/modules/${id}/duplicate`),
      mine.admin.post(`/api/authoring/modules/${id}/archive`),
      mine.admin.post(`/api/authoring/modules/${id}/unarchive`),
      mine.admin.put(`/api/authoring/modules/${id}/draft`, { content: draft!.content, baseRevision: 0 }),
      mine.admin.post(`/api/authoring/modules/${id}/publish`),
      mine.admin.get(`/api/authoring/modules/${id}/versions`),
      mine.admin.get(`/api/authoring/modules/${id}/diff?from=1&to=1`),
      mine.admin.get(`/api/authoring/modules/${id}/versions/1/export`),
    ];
    for (const res of await Promise.all(calls)) {
      expect({ status: res.status, code: (res.body as { code: string }).code }).toEqual({
        status: 404,
        code: 'not_found',
      });
    }
    const after = (await theirs.admin.get(`/api/authoring/modules/${id}`).expect(200))
      .body as AuthoringModuleDetail;
    expect(after.draft).toMatchObject({ revision: 0 });
    expect(after.module.archived).toBe(false);
    expect(after.published).toBeNull();
    const library = (await mine.admin.get('/api/authoring/modules').expect(200)).body as LibraryModule[];
    expect(library.map((m) => m.id)).not.toContain(id);
  });

  it('keeps a learner who started on v1 on v1 after v2 is published, while a new attempt uses v2', async () => {
    const { admin, moduleIds, employee, org, department } = await setUp();
    const moduleId = moduleIds[0]!;
    const colleague = await ctx.newUser({ organisationId: org.id, departmentId: department.id });
    const first = await ctx.login(employee);
    const second = await ctx.login(colleague);
    const firstAssignment = await ctx.assign(employee, moduleId);
    const secondAssignment = await ctx.assign(colleague, moduleId);

    const started = (await first.post(`/api/me/assignments/${firstAssignment}/attempts`).expect(200))
      .body as AttemptState;
    const v1 = await versionRow(moduleId, 1);
    const content = clone(v1.content);
    content.scenario.steps.find((s) => s.id === content.scenario.start)!.title = 'Version two opening';
    await saveDraft(admin, moduleId, content, null).expect(200);
    await admin.post(`/api/authoring/modules/${moduleId}/publish`).expect(200);
    const v2 = await versionRow(moduleId, 2);

    const attemptVersion = async (attemptId: string) =>
      (
        await ctx.dataSource.query<{ module_version_id: string }[]>(
          `SELECT module_version_id FROM attempt WHERE id = $1`,
          [attemptId],
        )
      )[0]!.module_version_id;

    const resumed = (await first.post(`/api/me/assignments/${firstAssignment}/attempts`).expect(200))
      .body as AttemptState;
    expect(resumed.attemptId).toBe(started.attemptId);
    expect(resumed.step.title).toBe(started.step.title);
    expect(resumed.step.title).not.toBe('Version two opening');
    await first
      .post(`/api/me/attempts/${started.attemptId}/choices`, {
        seq: 0,
        choiceId: started.step.choices[0]!.id,
      })
      .expect(200);
    expect(await attemptVersion(started.attemptId)).toBe(v1.id);

    const fresh = (await second.post(`/api/me/assignments/${secondAssignment}/attempts`).expect(200))
      .body as AttemptState;
    expect(fresh.step.title).toBe('Version two opening');
    expect(await attemptVersion(fresh.attemptId)).toBe(v2.id);

    // Both finish: each completion counts against the version it was played on.
    const resumedAgain = (await first.get(`/api/me/attempts/${started.attemptId}`).expect(200))
      .body as AttemptState;
    expect((await playToPass(first, resumedAgain, v1.content)).phase).toBe('passed');
    expect((await playToPass(second, fresh, v2.content)).phase).toBe('passed');
    const history = (await admin.get(`/api/authoring/modules/${moduleId}/versions`).expect(200))
      .body as VersionHistoryEntry[];
    expect(history.map((v) => [v.version, v.completions])).toEqual([
      [2, 1],
      [1, 1],
    ]);
  });

  describe('images in modules', () => {
    const png = () =>
      sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 20, g: 90, b: 160 } } })
        .png()
        .toBuffer();

    async function uploadImage(admin: Client, data: Buffer) {
      const res = await admin
        .post('/api/authoring/media')
        .attach('file', data, { filename: 'face.png', contentType: 'image/png' })
        .expect(201);
      return res.body as MediaAsset;
    }

    /** The module's content with a profile card (showing `photoUrl`) on its first step. */
    function withPhoto(content: ModuleContent, photoUrl: string): ModuleContent {
      const next = clone(content);
      next.scenario.steps[0]!.artefacts = [
        {
          kind: 'thread',
          platform: 'Email',
          participants: ['A'],
          messages: [{ from: 'A', at: 'now', body: 'Hi' }],
        },
        {
          kind: 'profile',
          name: 'Dr Alex Recruiter',
          headline: 'Talent partner',
          photoUrl,
          connections: 12,
          history: [],
          activity: [],
        },
      ] as unknown as ModuleContent['scenario']['steps'][number]['artefacts'];
      return next;
    }

    const PHOTO_PATH = 'content.scenario.steps[0].artefacts[1].photoUrl';

    it('accepts only /api/media/<id> photoUrls of an image of the organisation, on save and on publish', async () => {
      const { admin } = await setUp();
      const other = await setUp();
      const { module, draft } = await createModule(admin);
      const mine = await uploadImage(admin, await png());
      const theirs = await uploadImage(other.admin, await png());

      for (const url of [
        'https://images.example.com/face.jpg',
        '//images.example.com/face.jpg',
        'data:image/png;base64,iVBORw0KGgo=',
        'javascript:alert(1)',
        `/api/media/${mine.id}/../../auth/session`,
      ]) {
        const res = await saveDraft(admin, module.id, withPhoto(draft!.content, url), 0).expect(400);
        expect(res.body.code).toBe('validation_failed');
        expect(res.body.details).toEqual([expect.objectContaining({ field: PHOTO_PATH })]);
      }
      for (const url of [theirs.url, '/api/media/00000000-0000-4000-8000-000000000000']) {
        const res = await saveDraft(admin, module.id, withPhoto(draft!.content, url), 0).expect(422);
        expect(res.body).toMatchObject({
          code: 'unknown_media',
          details: [{ field: PHOTO_PATH, message: expect.any(String) }],
        });
        expect(res.body.message).toContain(PHOTO_PATH);
      }
      expect((await versionRow(module.id, 1)).content.scenario.steps[0]!.artefacts).toEqual([]);

      const saved = // Upper-case hex digits are the same id.
        (await saveDraft(admin, module.id, withPhoto(draft!.content, mine.url.toUpperCase()), 0).expect(200))
          .body as SaveDraftResponse;
      expect(saved.draft.content.scenario.steps[0]!.artefacts[1]).toMatchObject({ photoUrl: mine.url });

      // A draft that names a missing image (written behind the API's back) cannot be published.
      const broken = withPhoto(draft!.content, '/api/media/00000000-0000-4000-8000-000000000001');
      await ctx.dataSource.query(
        `UPDATE module_version SET content = $2::jsonb WHERE module_id = $1 AND status = 'draft'`,
        [module.id, JSON.stringify(broken)],
      );
      const refused = await admin.post(`/api/authoring/modules/${module.id}/publish`).expect(422);
      expect(refused.body).toMatchObject({ code: 'unknown_media', details: [{ field: PHOTO_PATH }] });

      const fixed = (await admin.get(`/api/authoring/modules/${module.id}`).expect(200))
        .body as AuthoringModuleDetail;
      await saveDraft(admin, module.id, withPhoto(draft!.content, mine.url), fixed.draft!.revision).expect(
        200,
      );
      await admin.post(`/api/authoring/modules/${module.id}/publish`).expect(200);
    });

    it('exports a version with its images and imports it into another organisation with new copies of them', async () => {
      const source = await setUp();
      const target = await setUp();
      const { module, draft } = await createModule(source.admin);
      // Noise does not compress: the document is larger than the 256 kB of an ordinary request.
      const noise = await sharp(randomBytes(320 * 320 * 3), { raw: { width: 320, height: 320, channels: 3 } })
        .png()
        .toBuffer();
      const photo = await uploadImage(source.admin, noise);
      const content = withPhoto(draft!.content, photo.url);
      // The same image twice travels once.
      content.scenario.steps[1]!.artefacts = [content.scenario.steps[0]!.artefacts[1]!];
      await saveDraft(source.admin, module.id, content, 0).expect(200);
      await source.admin.post(`/api/authoring/modules/${module.id}/publish`).expect(200);

      const document = (
        await source.admin.get(`/api/authoring/modules/${module.id}/versions/1/export`).expect(200)
      ).body as ModuleExportDocument;
      const [stored] = await ctx.dataSource.query<{ data: Buffer }[]>(
        `SELECT data FROM media_asset_content WHERE asset_id = $1`,
        [photo.id],
      );
      expect(document.media).toEqual([
        { id: photo.id, contentType: 'image/png', data: stored!.data.toString('base64') },
      ]);
      expect(JSON.stringify(document).length).toBeGreaterThan(256 * 1024);

      const imported = (await target.admin.post('/api/authoring/modules/import', document).expect(201))
        .body as AuthoringModuleDetail;
      expect(imported.issues).toEqual([]);
      const steps = imported.draft!.content.scenario.steps;
      const newUrl = (steps[0]!.artefacts[1] as { photoUrl: string }).photoUrl;
      expect(newUrl).toMatch(/^\/api\/media\/[0-9a-f-]{36}$/);
      expect(newUrl).not.toBe(photo.url);
      expect((steps[1]!.artefacts[0] as { photoUrl: string }).photoUrl).toBe(newUrl);
      const [copy] = await ctx.dataSource.query<{ organisation_id: string; created_by: string }[]>(
        `SELECT organisation_id, created_by FROM media_asset WHERE id = $1`,
        [newUrl.split('/').pop()],
      );
      expect(copy).toEqual({ organisation_id: target.org.id, created_by: target.admin.user.id });

      // The target's learners see the copy; neither organisation sees the other's image.
      const learner = await ctx.login(target.employee);
      const image = await learner.get(newUrl).expect(200);
      expect(image.headers['content-type']).toBe('image/png');
      await learner.get(photo.url).expect(404);
      await source.admin.get(newUrl).expect(404);
      // Publishable as imported.
      await target.admin.post(`/api/authoring/modules/${imported.module.id}/publish`).expect(200);
    });

    it('refuses an import whose images are missing, broken or mislabelled, naming the path, and creates nothing', async () => {
      const source = await setUp();
      const target = await setUp();
      const { module, draft } = await createModule(source.admin);
      const photo = await uploadImage(source.admin, await png());
      await saveDraft(source.admin, module.id, withPhoto(draft!.content, photo.url), 0).expect(200);
      const document = (
        await source.admin.get(`/api/authoring/modules/${module.id}/versions/1/export`).expect(200)
      ).body as ModuleExportDocument;
      const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: 'red' } })
        .gif()
        .toBuffer();
      const jpeg = await sharp({ create: { width: 4, height: 4, channels: 3, background: 'red' } })
        .jpeg()
        .toBuffer();
      const entry = document.media[0]!;
      const cases: { media: unknown[]; status: number; code: string; field: string }[] = [
        { media: [], status: 422, code: 'unknown_media', field: PHOTO_PATH },
        {
          media: [{ ...entry, data: gif.toString('base64') }],
          status: 422,
          code: 'unsupported_image_type',
          field: 'media[0].data',
        },
        {
          media: [{ ...entry, data: Buffer.from('not an image at all').toString('base64') }],
          status: 422,
          code: 'unsupported_image_type',
          field: 'media[0].data',
        },
        {
          media: [{ ...entry, data: jpeg.toString('base64') }],
          status: 422,
          code: 'invalid_image',
          field: 'media[0].contentType',
        },
        {
          media: [{ ...entry, data: '%%%' }],
          status: 400,
          code: 'validation_failed',
          field: 'media[0].data',
        },
        { media: [{ ...entry, id: 'x' }], status: 400, code: 'validation_failed', field: 'media[0].id' },
      ];
      const modulesBefore = (await ctx.moduleIds(target.org.id)).length;
      for (const c of cases) {
        const res = await target.admin.post('/api/authoring/modules/import', { ...document, media: c.media });
        expect({ status: res.status, code: res.body.code }).toEqual({ status: c.status, code: c.code });
        const details = res.body.details as { field: string }[] | { field: string };
        const fields = Array.isArray(details) ? details.map((d) => d.field) : [details.field];
        expect(fields).toContain(c.field);
      }
      expect((await ctx.moduleIds(target.org.id)).length).toBe(modulesBefore);
      const [{ n }] = await ctx.dataSource.query<[{ n: number }]>(
        `SELECT count(*)::int AS n FROM media_asset WHERE organisation_id = $1`,
        [target.org.id],
      );
      expect(n).toBe(0);
    });
  });
});
