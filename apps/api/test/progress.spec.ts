import type { AttemptState } from '@countersign/contracts/learning';
import type {
  CompletionTotals,
  PersonDetail,
  ProgressOverview,
  ProgressPage,
  ProgressRow,
} from '@countersign/contracts/progress';
import type { ModuleContent, Step } from '@countersign/scenario-engine';
import { choose as playChoice, playToEnding, quizAnswers } from './play.js';
import { TestContext, type Client, type TestUser } from './test-app.js';

/*
 * Organisation "Acme": departments Alpha, Beta and Gamma (Gamma has a member but no
 * assignments), one person without a department and one inactive person. Modules M1 ("The
 * approach") and M2 ("Too good to be true") are assigned with distinct due dates, then played
 * through the real learning API. Organisation "Elsewhere" has activity of its own that must never
 * show up in Acme's reports.
 *
 * Names start with distinct letters so ordering by name is the same under any collation; two
 * pairs exist to prove `%` and `_` in the search are literal ("Dee 50% Done" vs "Eve 50x Done",
 * "Bea Under_Score" vs "Cal UnderXScore").
 */
const PEOPLE = {
  ada: { name: 'Ada Archer', dept: 'alpha' },
  bea: { name: 'Bea Under_Score', dept: 'alpha' },
  cal: { name: 'Cal UnderXScore', dept: 'alpha' },
  dee: { name: 'Dee 50% Done', dept: 'beta' },
  eve: { name: 'Eve 50x Done', dept: 'beta' },
  fay: { name: 'Fay Field', dept: 'beta' },
  gus: { name: 'Gus Nodept', dept: null },
  hal: { name: 'Hal Idle', dept: 'gamma' },
  ivy: { name: 'Ivy Inactive', dept: 'alpha' },
} as const;
type Person = keyof typeof PEOPLE;
type Dept = 'alpha' | 'beta' | 'gamma';
type ModuleKey = 'm1' | 'm2';

/** The expected state of every assignment of active people once the beforeAll has run. */
const MODEL = {
  adaM1: { who: 'ada', module: 'm1', due: '2020-01-05', status: 'completed', overdue: false },
  adaM2: { who: 'ada', module: 'm2', due: '2099-03-01', status: 'in-progress', overdue: false },
  beaM1: { who: 'bea', module: 'm1', due: '2099-01-10', status: 'completed', overdue: false },
  beaM2: { who: 'bea', module: 'm2', due: '2020-02-01', status: 'not-started', overdue: true },
  calM1: { who: 'cal', module: 'm1', due: '2020-03-01', status: 'in-progress', overdue: true },
  deeM1: { who: 'dee', module: 'm1', due: '2099-02-01', status: 'not-started', overdue: false },
  deeM2: { who: 'dee', module: 'm2', due: '2099-01-20', status: 'completed', overdue: false },
  eveM2: { who: 'eve', module: 'm2', due: '2020-01-20', status: 'not-started', overdue: true },
  fayM1: { who: 'fay', module: 'm1', due: '2099-04-01', status: 'in-progress', overdue: false },
  gusM1: { who: 'gus', module: 'm1', due: '2099-05-01', status: 'not-started', overdue: false },
} as const satisfies Record<
  string,
  { who: Person; module: ModuleKey; due: string; status: ProgressRow['status']; overdue: boolean }
>;
type Key = keyof typeof MODEL;

/** All rows in the default order (due date). */
const BY_DUE_DATE: Key[] = [
  'adaM1',
  'eveM2',
  'beaM2',
  'calM1',
  'beaM1',
  'deeM2',
  'deeM1',
  'adaM2',
  'fayM1',
  'gusM1',
];

const zero: CompletionTotals = {
  assigned: 0,
  completed: 0,
  inProgress: 0,
  notStarted: 0,
  overdue: 0,
  completionRate: 0,
};

// --- Playing through the learning API ----------------------------------------------------------

describe('officer progress reports', () => {
  let ctx: TestContext;
  let officer: Client;
  let otherOfficer: Client;
  const users = {} as Record<Person, TestUser>;
  const depts = {} as Record<Dept, { id: string; name: string }>;
  const modules = {} as Record<ModuleKey, string>;
  const assignment = {} as Record<Key, string>;
  const keyOf = new Map<string, Key>();
  /** Facts recorded while playing, checked against the reports. */
  const played = {
    adaM1: { ending: undefined as Step | undefined },
    beaM1: { score: 0, firstRoundScore: 0 },
    fayM1: { ending: undefined as Step | undefined },
  };
  let other: {
    orgId: string;
    deptId: string;
    moduleId: string;
    userIds: string[];
    ada: TestUser;
  };

  async function contentOf(attemptId: string): Promise<ModuleContent> {
    const [attempt] = await ctx.dataSource.query<{ module_version_id: string }[]>(
      `SELECT module_version_id FROM attempt WHERE id = $1`,
      [attemptId],
    );
    const [version] = await ctx.dataSource.query<{ content: ModuleContent }[]>(
      `SELECT content FROM module_version WHERE id = $1`,
      [attempt!.module_version_id],
    );
    return version!.content;
  }

  async function start(client: Client, assignmentId: string): Promise<AttemptState> {
    const state = (await client.post(`/api/me/assignments/${assignmentId}/attempts`).expect(200))
      .body as AttemptState;
    expect(state).toMatchObject({ assignmentId, phase: 'scenario', choicesMade: 0 });
    return state;
  }

  async function choose(client: Client, state: AttemptState, choiceId: string): Promise<AttemptState> {
    expect(state.step.choices.map((c) => c.id)).toContain(choiceId);
    return playChoice(client, state, choiceId);
  }

  /** Plays the scenario to an ending along a shortest way; returns the quiz-phase state and the ending. */
  async function playScenario(client: Client, state: AttemptState, content: ModuleContent) {
    state = await playToEnding(client, state, content);
    expect(state.phase).toBe('quiz');
    const ending = content.scenario.steps.find((s) => s.id === state.step.id)!;
    expect(ending.ending).toBeDefined();
    return { state, ending };
  }

  async function submitQuiz(
    client: Client,
    state: AttemptState,
    answers: Record<string, string[]>,
  ): Promise<AttemptState> {
    const res = await client
      .post(`/api/me/attempts/${state.attemptId}/quiz`, { round: state.quiz!.round, answers })
      .expect(200);
    return res.body as AttemptState;
  }

  /** Plays a module to completion: scenario to an ending, then the quiz, failing `failedRounds` rounds first. */
  async function complete(
    client: Client,
    assignmentId: string,
    options: { wrongAtPass?: number; failedRounds?: number } = {},
  ) {
    const started = await start(client, assignmentId);
    const content = await contentOf(started.attemptId);
    const scenario = await playScenario(client, started, content);
    const { ending } = scenario;
    let { state } = scenario;
    const n = content.quiz.questions.length;
    for (let round = 0; round < (options.failedRounds ?? 0); round++) {
      const wrong = n; // every answer wrong: certainly below the pass mark
      state = await submitQuiz(client, state, quizAnswers(content, wrong));
      expect(state.phase).toBe('quiz');
      expect(state.lastResult).toMatchObject({ passed: false, scorePercent: 0 });
      // The built-in modules ask for the debrief to be read again before a retry.
      if (state.quiz!.gate?.reviewDebrief) {
        state = (await client.post(`/api/me/attempts/${state.attemptId}/debrief-review`).expect(200))
          .body as AttemptState;
      }
    }
    const wrong = options.wrongAtPass ?? 0;
    const expectedScore = Math.round((100 * (n - wrong)) / n);
    expect(expectedScore).toBeGreaterThanOrEqual(content.quiz.passMark);
    state = await submitQuiz(client, state, quizAnswers(content, wrong));
    expect(state.phase).toBe('passed');
    expect(state.lastResult).toMatchObject({ passed: true, scorePercent: expectedScore });
    return { ending, score: expectedScore };
  }

  beforeAll(async () => {
    ctx = await TestContext.create();

    // Acme.
    const org = await ctx.newOrganisation('Acme');
    for (const [key, name] of [
      ['alpha', 'Alpha'],
      ['beta', 'Beta'],
      ['gamma', 'Gamma'],
    ] as const) {
      depts[key] = await ctx.newDepartment(org.id, name);
    }
    for (const [key, p] of Object.entries(PEOPLE) as [Person, (typeof PEOPLE)[Person]][]) {
      users[key] = await ctx.newUser({
        organisationId: org.id,
        name: p.name,
        departmentId: p.dept ? depts[p.dept].id : null,
        active: key !== 'ivy',
      });
    }
    const officerUser = await ctx.newUser({
      organisationId: org.id,
      role: 'officer',
      name: 'Olga Officer',
      departmentId: depts.alpha.id,
    });
    await ctx.dataSource.query(`UPDATE app_user SET manager_id = $1 WHERE id = $2`, [
      officerUser.id,
      users.ada.id,
    ]);
    [modules.m1, modules.m2] = (await ctx.moduleIds(org.id)) as [string, string];
    for (const [key, row] of Object.entries(MODEL) as [Key, (typeof MODEL)[Key]][]) {
      assignment[key] = await ctx.assign(users[row.who], modules[row.module], row.due);
      keyOf.set(assignment[key], key);
    }
    // The inactive person's overdue assignment must count nowhere.
    await ctx.assign(users.ivy, modules.m1, '2020-01-01');

    // Elsewhere: same module titles, a person with the same name, activity of every kind.
    const elsewhere = await ctx.newTeam('Elsewhere');
    const [otherModule] = await ctx.moduleIds(elsewhere.org.id);
    const otherAda = await ctx.newUser({
      organisationId: elsewhere.org.id,
      name: 'Ada Archer',
      departmentId: elsewhere.department.id,
    });
    await ctx.assign(otherAda, otherModule!, '2020-01-02');
    const otherEmployeeAssignment = await ctx.assign(elsewhere.employee, otherModule!, '2020-01-03');
    other = {
      orgId: elsewhere.org.id,
      deptId: elsewhere.department.id,
      moduleId: otherModule!,
      userIds: [otherAda.id, elsewhere.employee.id, elsewhere.officer.id, elsewhere.admin.id],
      ada: otherAda,
    };

    const [ada, bea, cal, dee, fay, otherEmployee] = await Promise.all([
      ctx.login(users.ada),
      ctx.login(users.bea),
      ctx.login(users.cal),
      ctx.login(users.dee),
      ctx.login(users.fay),
      ctx.login(elsewhere.employee),
    ]);
    [officer, otherOfficer] = await Promise.all([ctx.login(officerUser), ctx.login(elsewhere.officer)]);

    // Completions, one after the other so their order is known: Ada M1, Bea M1, Dee M2.
    played.adaM1.ending = (await complete(ada!, assignment.adaM1)).ending;
    const beaResult = await complete(bea!, assignment.beaM1, { failedRounds: 1, wrongAtPass: 1 });
    played.beaM1.score = beaResult.score;
    await complete(dee!, assignment.deeM2);
    // In progress: Ada M2 one choice in, Cal M1 just started, Fay M1 at the quiz.
    const adaM2 = await start(ada!, assignment.adaM2);
    const adaM2Content = await contentOf(adaM2.attemptId);
    const here = adaM2Content.scenario.steps.find((s) => s.id === adaM2.step.id)!;
    const notEnding = here.choices.find(
      (c) => !adaM2Content.scenario.steps.find((s) => s.id === c.next)!.ending,
    )!;
    expect((await choose(ada!, adaM2, notEnding.id)).phase).toBe('scenario');
    await start(cal!, assignment.calM1);
    const fayM1 = await start(fay!, assignment.fayM1);
    played.fayM1.ending = (await playScenario(fay!, fayM1, await contentOf(fayM1.attemptId))).ending;
    // Elsewhere's employee completes; their Ada does not start.
    await complete(otherEmployee!, otherEmployeeAssignment);
  });
  afterAll(() => ctx.close());

  async function list(query = ''): Promise<ProgressPage> {
    return (await officer.get(`/api/progress${query}`).expect(200)).body as ProgressPage;
  }
  const keys = (page: ProgressPage) =>
    page.items.map((r) => keyOf.get(r.assignmentId) ?? `foreign:${r.assignmentId}`);

  describe('GET /api/progress/overview', () => {
    it('totals the organisation exactly, per department and per module', async () => {
      const overview = (await officer.get('/api/progress/overview').expect(200)).body as ProgressOverview;
      expect(overview).toEqual<ProgressOverview>({
        totals: { assigned: 10, completed: 3, inProgress: 3, notStarted: 4, overdue: 3, completionRate: 30 },
        departments: [
          {
            departmentId: depts.alpha.id,
            name: 'Alpha',
            people: 4,
            assigned: 5,
            completed: 2,
            inProgress: 2,
            notStarted: 1,
            overdue: 2,
            completionRate: 40,
          },
          {
            departmentId: depts.beta.id,
            name: 'Beta',
            people: 3,
            assigned: 4,
            completed: 1,
            inProgress: 1,
            notStarted: 2,
            overdue: 1,
            completionRate: 25,
          },
          { departmentId: depts.gamma.id, name: 'Gamma', people: 1, ...zero },
          // `people` of this row is checked in its own test below.
          {
            departmentId: null,
            name: 'No department',
            people: expect.any(Number) as number,
            assigned: 1,
            completed: 0,
            inProgress: 0,
            notStarted: 1,
            overdue: 0,
            completionRate: 0,
          },
        ],
        modules: [
          {
            moduleId: modules.m1,
            title: 'The approach',
            assigned: 6,
            completed: 2,
            inProgress: 2,
            notStarted: 2,
            overdue: 1,
            completionRate: 33.3,
          },
          {
            moduleId: modules.m2,
            title: 'Too good to be true',
            assigned: 4,
            completed: 1,
            inProgress: 1,
            notStarted: 2,
            overdue: 2,
            completionRate: 25,
          },
        ],
      });
    });

    // ProgressService.overview hard-codes `people: 0` for the "No department" row, so the report
    // shows "0 people" next to that row's assignments; it should count the active people without a
    // department (here: Gus), like the real departments count their active members.
    it('counts the active people without a department in the "No department" row', async () => {
      const overview = (await officer.get('/api/progress/overview').expect(200)).body as ProgressOverview;
      const none = overview.departments.find((d) => d.departmentId === null);
      expect(none).toMatchObject({ name: 'No department', people: 1 });
    });

    it('gives another organisation its own totals, never Acme’s', async () => {
      const overview = (await otherOfficer.get('/api/progress/overview').expect(200))
        .body as ProgressOverview;
      expect(overview.totals).toEqual({
        assigned: 2,
        completed: 1,
        inProgress: 0,
        notStarted: 1,
        overdue: 1,
        completionRate: 50,
      });
      expect(overview.departments).toEqual([
        {
          departmentId: other.deptId,
          name: 'Engineering',
          people: 4,
          assigned: 2,
          completed: 1,
          inProgress: 0,
          notStarted: 1,
          overdue: 1,
          completionRate: 50,
        },
      ]);
      expect(overview.modules).toEqual([
        {
          moduleId: other.moduleId,
          title: 'The approach',
          assigned: 2,
          completed: 1,
          inProgress: 0,
          notStarted: 1,
          overdue: 1,
          completionRate: 50,
        },
      ]);
    });
  });

  describe('GET /api/progress', () => {
    it('lists every assignment of active people, by due date, with the full row shape', async () => {
      const page = await list();
      expect({ total: page.total, page: page.page, pageSize: page.pageSize }).toEqual({
        total: 10,
        page: 1,
        pageSize: 25,
      });
      expect(keys(page)).toEqual(BY_DUE_DATE);
      for (const row of page.items) {
        const m = MODEL[keyOf.get(row.assignmentId)!];
        const person = PEOPLE[m.who];
        expect(row).toEqual<ProgressRow>({
          assignmentId: assignment[keyOf.get(row.assignmentId)!],
          user: { id: users[m.who].id, name: person.name, email: users[m.who].email },
          department: person.dept ? { id: depts[person.dept].id, name: depts[person.dept].name } : null,
          module: {
            id: modules[m.module],
            title: m.module === 'm1' ? 'The approach' : 'Too good to be true',
          },
          cycle: 1,
          current: true,
          source: 'manual',
          status: m.status,
          overdue: m.overdue,
          dueDate: m.due,
          completedAt:
            m.status === 'completed'
              ? expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
              : null,
          scorePercent: m.status === 'completed' ? expect.any(Number) : null,
          completedVersion: m.status === 'completed' ? 1 : null,
        });
      }
    });

    it('reports the score and version of each completion', async () => {
      const page = await list('?status=completed');
      expect(page.items.map((r) => [keyOf.get(r.assignmentId), r.scorePercent, r.completedVersion])).toEqual([
        ['adaM1', 100, 1],
        ['beaM1', played.beaM1.score, 1],
        ['deeM2', 100, 1],
      ]);
      expect(played.beaM1.score).toBeLessThan(100);
    });

    it.each([
      ['completed', ['adaM1', 'beaM1', 'deeM2']],
      ['in-progress', ['calM1', 'adaM2', 'fayM1']],
      ['not-started', ['eveM2', 'beaM2', 'deeM1', 'gusM1']],
      ['overdue', ['eveM2', 'beaM2', 'calM1']],
    ] as const)('filters by status=%s', async (status, expected) => {
      const page = await list(`?status=${status}`);
      expect(keys(page)).toEqual(expected);
      expect(page.total).toBe(expected.length);
      if (status === 'overdue')
        expect(page.items.every((r) => r.overdue && r.status !== 'completed')).toBe(true);
      else expect(page.items.every((r) => r.status === status)).toBe(true);
    });

    it('filters by department, by module, and by both with a status', async () => {
      expect(keys(await list(`?departmentId=${depts.alpha.id}`))).toEqual([
        'adaM1',
        'beaM2',
        'calM1',
        'beaM1',
        'adaM2',
      ]);
      expect(keys(await list(`?departmentId=${depts.beta.id}`))).toEqual([
        'eveM2',
        'deeM2',
        'deeM1',
        'fayM1',
      ]);
      expect(await list(`?departmentId=${depts.gamma.id}`)).toEqual({
        items: [],
        total: 0,
        page: 1,
        pageSize: 25,
        nextCursor: null,
      });
      expect(keys(await list(`?moduleId=${modules.m2}`))).toEqual(['eveM2', 'beaM2', 'deeM2', 'adaM2']);
      expect(keys(await list(`?moduleId=${modules.m1}`))).toEqual([
        'adaM1',
        'calM1',
        'beaM1',
        'deeM1',
        'fayM1',
        'gusM1',
      ]);
      expect(
        keys(await list(`?departmentId=${depts.beta.id}&moduleId=${modules.m1}&status=not-started`)),
      ).toEqual(['deeM1']);
      expect(keys(await list(`?departmentId=${depts.alpha.id}&status=overdue`))).toEqual(['beaM2', 'calM1']);
    });

    it('searches names and emails case-insensitively', async () => {
      expect(keys(await list('?q=ada'))).toEqual(['adaM1', 'adaM2']);
      expect(keys(await list('?q=%20ARCHER%20'))).toEqual(['adaM1', 'adaM2']);
      expect(keys(await list(`?q=${encodeURIComponent(users.fay.email.toUpperCase())}`))).toEqual(['fayM1']);
      expect(await list('?q=nobody-by-this-name')).toMatchObject({ items: [], total: 0 });
    });

    it('treats % and _ in the search literally', async () => {
      expect(keys(await list(`?q=${encodeURIComponent('50%')}`))).toEqual(['deeM2', 'deeM1']);
      expect(keys(await list(`?q=${encodeURIComponent('%')}`))).toEqual(['deeM2', 'deeM1']);
      expect(keys(await list(`?q=${encodeURIComponent('r_S')}`))).toEqual(['beaM2', 'beaM1']);
      expect(keys(await list(`?q=${encodeURIComponent('_')}`))).toEqual(['beaM2', 'beaM1']);
      expect(await list(`?q=${encodeURIComponent('\\')}`)).toMatchObject({ items: [], total: 0 });
    });

    it('sorts by name (then module title) and by completion time (latest first)', async () => {
      expect(keys(await list('?sort=name'))).toEqual([
        'adaM1',
        'adaM2',
        'beaM1',
        'beaM2',
        'calM1',
        'deeM1',
        'deeM2',
        'eveM2',
        'fayM1',
        'gusM1',
      ]);
      expect(keys(await list('?sort=completedAt'))).toEqual([
        'deeM2',
        'beaM1',
        'adaM1',
        'adaM2',
        'beaM2',
        'calM1',
        'deeM1',
        'eveM2',
        'fayM1',
        'gusM1',
      ]);
      expect(keys(await list('?sort=dueDate'))).toEqual(BY_DUE_DATE);
    });

    it('pages through the list with the true total on every page', async () => {
      const pages = await Promise.all([1, 2, 3].map((p) => list(`?pageSize=4&page=${p}`)));
      expect(pages.map((p) => [p.page, p.pageSize, p.total, p.items.length])).toEqual([
        [1, 4, 10, 4],
        [2, 4, 10, 4],
        [3, 4, 10, 2],
      ]);
      expect(pages.flatMap(keys)).toEqual(BY_DUE_DATE);
    });

    it('answers a page past the end with no items and the true total', async () => {
      expect(await list('?pageSize=4&page=4')).toEqual({
        items: [],
        total: 10,
        page: 4,
        pageSize: 4,
        nextCursor: null,
      });
      expect(await list('?status=completed&pageSize=1&page=100')).toEqual({
        items: [],
        total: 3,
        page: 100,
        pageSize: 1,
        nextCursor: null,
      });
      expect(await list('?q=ada&pageSize=2&page=2')).toEqual({
        items: [],
        total: 2,
        page: 2,
        pageSize: 2,
        nextCursor: null,
      });
      expect(await list(`?departmentId=${depts.alpha.id}&moduleId=${modules.m2}&pageSize=5&page=3`)).toEqual({
        items: [],
        total: 2,
        page: 3,
        pageSize: 5,
        nextCursor: null,
      });
    });

    it.each([
      ['status=bogus', 'status'],
      ['page=0', 'page'],
      ['page=two', 'page'],
      ['pageSize=1000', 'pageSize'],
      ['pageSize=0', 'pageSize'],
      ['departmentId=not-a-uuid', 'departmentId'],
      ['moduleId=123', 'moduleId'],
      ['sort=score', 'sort'],
      [`q=${'x'.repeat(101)}`, 'q'],
    ])('rejects %s with 400 naming %s', async (query, field) => {
      const res = await officer.get(`/api/progress?${query}`).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'validation_failed' });
      expect((res.body.details as { field: string }[]).map((d) => d.field)).toEqual([field]);
    });

    it('never shows another organisation’s people, even when filtered by its ids', async () => {
      const all = await list('?pageSize=200');
      expect(all.total).toBe(10);
      expect(
        all.items.filter((r) => other.userIds.includes(r.user.id) || !keyOf.has(r.assignmentId)),
      ).toEqual([]);
      expect(keys(await list('?q=Ada%20Archer'))).toEqual(['adaM1', 'adaM2']);
      expect(await list(`?moduleId=${other.moduleId}`)).toMatchObject({ items: [], total: 0 });
      expect(await list(`?departmentId=${other.deptId}`)).toMatchObject({ items: [], total: 0 });

      const theirs = (await otherOfficer.get('/api/progress?pageSize=200').expect(200)).body as ProgressPage;
      expect(theirs.total).toBe(2);
      expect(theirs.items.every((r) => other.userIds.includes(r.user.id) && !keyOf.has(r.assignmentId))).toBe(
        true,
      );
      expect(theirs.items.map((r) => r.status).sort()).toEqual(['completed', 'not-started']);
    });
  });

  describe('leavers', () => {
    it('lists deactivated people only with leavers=show, marked, and never in the rates', async () => {
      const hidden = await list(`?q=${encodeURIComponent('Ivy Inactive')}`);
      expect(hidden.total).toBe(0);
      const shown = await list(`?q=${encodeURIComponent('Ivy Inactive')}&leavers=show`);
      expect(shown.total).toBe(1);
      expect(shown.items[0]!.user).toEqual({
        id: users.ivy.id,
        name: 'Ivy Inactive',
        email: users.ivy.email,
        deactivated: true,
      });
      const active = await list(`?q=${encodeURIComponent(users.ada.email)}&leavers=show`);
      expect(active.items.every((r) => !('deactivated' in r.user))).toBe(true);
    });
  });

  describe('GET /api/progress/people/:userId', () => {
    it('shows a person with their manager, assignments and attempts (latest first)', async () => {
      const detail = (await officer.get(`/api/progress/people/${users.ada.id}`).expect(200))
        .body as PersonDetail;
      const rows = await list(`?q=${encodeURIComponent(users.ada.email)}`);
      expect(detail.user).toEqual({
        id: users.ada.id,
        name: 'Ada Archer',
        email: users.ada.email,
        role: 'employee',
        sensitivityTier: 'standard',
        department: { id: depts.alpha.id, name: 'Alpha' },
        manager: { id: expect.any(String), name: 'Olga Officer' },
        status: 'active',
      });
      expect(detail.assignments).toEqual(rows.items);
      expect(detail.assignments.map((a) => keyOf.get(a.assignmentId))).toEqual(['adaM1', 'adaM2']);

      const completedAt = rows.items.find((r) => r.status === 'completed')!.completedAt;
      expect(detail.attempts).toEqual([
        {
          id: expect.any(String),
          module: { id: modules.m2, title: 'Too good to be true' },
          version: 1,
          startedAt: expect.any(String),
          finishedAt: null,
          status: 'in-progress',
          scenarioOutcome: null,
          quizRounds: 0,
          lastScorePercent: null,
        },
        {
          id: expect.any(String),
          module: { id: modules.m1, title: 'The approach' },
          version: 1,
          startedAt: expect.any(String),
          finishedAt: completedAt,
          status: 'passed',
          scenarioOutcome: played.adaM1.ending!.ending!.outcome,
          quizRounds: 1,
          lastScorePercent: 100,
        },
      ]);
      expect(Date.parse(detail.attempts[0]!.startedAt)).toBeGreaterThan(
        Date.parse(detail.attempts[1]!.startedAt),
      );
    });

    it('counts failed quiz rounds and shows an attempt waiting at the quiz', async () => {
      const bea = (await officer.get(`/api/progress/people/${users.bea.id}`).expect(200))
        .body as PersonDetail;
      expect(
        bea.assignments.map((a) => [keyOf.get(a.assignmentId), a.status, a.overdue, a.scorePercent]),
      ).toEqual([
        ['beaM2', 'not-started', true, null],
        ['beaM1', 'completed', false, played.beaM1.score],
      ]);
      expect(bea.attempts).toEqual([
        expect.objectContaining({
          module: { id: modules.m1, title: 'The approach' },
          status: 'passed',
          quizRounds: 2,
          lastScorePercent: played.beaM1.score,
        }),
      ]);
      expect(bea.user.manager).toBeNull();

      const fay = (await officer.get(`/api/progress/people/${users.fay.id}`).expect(200))
        .body as PersonDetail;
      expect(fay.attempts).toEqual([
        expect.objectContaining({
          status: 'in-progress',
          finishedAt: null,
          scenarioOutcome: played.fayM1.ending!.ending!.outcome,
          quizRounds: 0,
          lastScorePercent: null,
        }),
      ]);
    });

    it('shows a person with no assignments', async () => {
      const hal = (await officer.get(`/api/progress/people/${users.hal.id}`).expect(200))
        .body as PersonDetail;
      expect(hal).toMatchObject({
        user: { id: users.hal.id, department: { id: depts.gamma.id, name: 'Gamma' } },
        assignments: [],
        attempts: [],
      });
    });

    it('answers 404 for another organisation’s person or an unknown id, 400 for a malformed one', async () => {
      for (const id of [other.ada.id, '7c1e5a52-3b9f-4c1d-9e2a-6f0b8d4c2a11']) {
        const res = await officer.get(`/api/progress/people/${id}`).expect(404);
        expect(res.body).toEqual({ statusCode: 404, code: 'not_found', message: expect.any(String) });
      }
      const bad = await officer.get('/api/progress/people/not-a-uuid').expect(400);
      expect(bad.body).toMatchObject({
        code: 'validation_failed',
        details: [{ field: 'userId', message: 'must be a UUID' }],
      });
      // And the other way round.
      await otherOfficer.get(`/api/progress/people/${users.ada.id}`).expect(404);
    });
  });
});
