import type { AttemptState } from '@countersign/contracts/learning';
import type { RuleInput, RulePreview, RuleSaved, RuleList } from '@countersign/contracts/programme';
import type { ModuleContent } from '@countersign/scenario-engine';
import { Clock } from '../src/common/clock.js';
import { JobQueue } from '../src/modules/jobs/job-queue.service.js';
import {
  PROGRAMME_EVALUATE_JOB,
  PROGRAMME_RUN_JOB,
  ProgrammeRunner,
} from '../src/modules/programme/programme-runner.service.js';
import { RulesService } from '../src/modules/programme/rules.service.js';
import { choose, playToEnding, playToPass, quizAnswers } from './play.js';
import { TestContext, type Client, type TestUser } from './test-app.js';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The programme that runs itself, with the injectable clock moved through the days: rules assign
 * existing matches and joiners, reminders and escalations go out on the right days, once, and stop
 * on completion, and an annual rule opens the next cycle with the first one's completion intact.
 */
describe('assignment rules, reminders, escalation and recurrence', () => {
  let ctx: TestContext;
  let clock: Clock;
  let runner: ProgrammeRunner;
  const realNow = Clock.prototype.now;
  const start = Date.now();

  /** Moves the clock to `days` after the test began (fractions for hours). */
  const at = (days: number) => {
    clock.now = () => new Date(start + days * DAY);
  };

  beforeAll(async () => {
    ctx = await TestContext.create({ MAIL_FROM: 'security@example.org' });
    clock = ctx.app.get(Clock);
    runner = ctx.app.get(ProgrammeRunner);
  });
  afterEach(() => {
    clock.now = realNow;
  });
  afterAll(() => ctx.close());

  async function setUp() {
    const team = await ctx.newTeam();
    const admin = await ctx.login(team.admin);
    const [moduleId, otherModuleId] = await ctx.moduleIds(team.org.id);
    const research = await ctx.newDepartment(team.org.id, 'Research');
    return { ...team, adminClient: admin, moduleId: moduleId!, otherModuleId: otherModuleId!, research };
  }

  const rule = (moduleId: string, over: Partial<RuleInput> = {}): RuleInput => ({
    name: 'Engineering annual refresh',
    moduleId,
    due: { kind: 'relative', days: 30 },
    ...over,
  });

  const assignments = (userId: string) =>
    ctx.dataSource.query<
      {
        module_id: string;
        cycle: number;
        status: string;
        due: string;
        source: string;
        rule_id: string | null;
        current: boolean;
      }[]
    >(
      `SELECT module_id, cycle, status, to_char(due_date, 'YYYY-MM-DD') AS due, source, rule_id,
              superseded_at IS NULL AS current
         FROM assignment WHERE user_id = $1 ORDER BY module_id, cycle`,
      [userId],
    );

  const emailsTo = (email: string) =>
    ctx.dataSource.query<{ subject: string; body_text: string; body_html: string | null }[]>(
      `SELECT subject, body_text, body_html FROM outbound_email WHERE to_address = $1 ORDER BY created_at`,
      [email],
    );

  /** Begins the person's current assignment of the module; returns the client, state and content. */
  async function begin(user: TestUser, moduleId: string) {
    const client = await ctx.login(user);
    const [a] = await ctx.dataSource.query<{ id: string }[]>(
      `SELECT id FROM assignment WHERE user_id = $1 AND module_id = $2 AND superseded_at IS NULL`,
      [user.id, moduleId],
    );
    const state = (await client.post(`/api/me/assignments/${a!.id}/attempts`).expect(200))
      .body as AttemptState;
    const [v] = await ctx.dataSource.query<{ content: ModuleContent }[]>(
      `SELECT v.content FROM attempt t JOIN module_version v ON v.id = t.module_version_id WHERE t.id = $1`,
      [state.attemptId],
    );
    return { client, state, content: v!.content };
  }

  /** Plays the person's current assignment of the module to a pass through the learner's API. */
  async function complete(user: TestUser, moduleId: string) {
    const { client, state, content } = await begin(user, moduleId);
    expect((await playToPass(client, state, content)).phase).toBe('passed');
  }

  it('previews, then assigns everyone it matches (department and tier), audited', async () => {
    const s = await setUp();
    const high = await ctx.newUser({ organisationId: s.org.id, departmentId: s.department.id, tier: 'high' });
    const elsewhere = await ctx.newUser({
      organisationId: s.org.id,
      departmentId: s.research.id,
      tier: 'high',
    });
    const input = rule(s.moduleId, { audience: { departmentIds: [s.department.id], tiers: ['high'] } });

    const preview = (await s.adminClient.post('/api/programme/rules/preview', { rule: input }).expect(200))
      .body as RulePreview;
    expect(preview).toMatchObject({ matching: 1, toAssign: 1, alreadyAssigned: 0, toWithdraw: 0 });
    expect(preview.sample.map((p) => p.id)).toEqual([high.id]);
    expect(await assignments(high.id)).toEqual([]); // nothing written

    const saved = (await s.adminClient.post('/api/programme/rules', input).expect(201)).body as RuleSaved;
    expect(saved).toMatchObject({ assigned: 1, withdrawn: 0, rule: { matching: 1, open: 1 } });
    expect(await assignments(high.id)).toEqual([
      {
        module_id: s.moduleId,
        cycle: 1,
        status: 'not-started',
        due: iso(Date.now() + 30 * DAY),
        source: 'rule',
        rule_id: saved.rule.id,
        current: true,
      },
    ]);
    expect(await assignments(elsewhere.id)).toEqual([]);
    expect(await assignments(s.employee.id)).toEqual([]); // standard tier

    const [event] = await ctx.dataSource.query<{ details: { after: { name: string }; assigned: number } }[]>(
      `SELECT details FROM audit_event WHERE action = 'rule.created' AND subject_id = $1`,
      [saved.rule.id],
    );
    expect(event!.details).toMatchObject({ after: { name: 'Engineering annual refresh' }, assigned: 1 });

    const list = (await (await ctx.login(s.officer)).get('/api/programme/rules').expect(200))
      .body as RuleList;
    expect(list.items.map((r) => r.id)).toEqual([saved.rule.id]);
  });

  it('assigns a joiner created an hour later, due after their start date, and withdraws a mover', async () => {
    const s = await setUp();
    await s.adminClient.post(
      '/api/programme/rules',
      rule(s.moduleId, { audience: { departmentIds: [s.department.id] } }),
    );
    at(1 / 24);
    const startDate = iso(start + 10 * DAY);
    const joiner = (
      await s.adminClient
        .post('/api/people', {
          name: 'New Joiner',
          email: `joiner.${Date.now()}@example.test`,
          departmentId: s.department.id,
          startDate,
        })
        .expect(201)
    ).body as { id: string };
    // Queued in the person's transaction; the worker runs it within seconds.
    const jobs = ctx.app.get(JobQueue);
    expect(await jobs.waiting(PROGRAMME_EVALUATE_JOB)).toBeGreaterThanOrEqual(1);
    await jobs.runDue(PROGRAMME_EVALUATE_JOB);
    expect(await assignments(joiner.id)).toMatchObject([
      { due: iso(start + 40 * DAY), source: 'rule', current: true },
    ]);

    // Moving to another department: the not-started assignment goes; a completed one would stay.
    await complete(s.employee, s.moduleId);
    for (const id of [joiner.id, s.employee.id])
      await s.adminClient.put(`/api/people/${id}`, { departmentId: s.research.id }).expect(200);
    await jobs.runDue(PROGRAMME_EVALUATE_JOB);
    expect(await assignments(joiner.id)).toEqual([]);
    expect(await assignments(s.employee.id)).toMatchObject([{ status: 'completed', current: true }]);
  });

  it('gives one assignment, with the earliest due date, to a person two rules match for one module', async () => {
    const s = await setUp();
    await s.adminClient
      .post('/api/programme/rules', rule(s.moduleId, { name: 'Slow', due: { kind: 'relative', days: 60 } }))
      .expect(201);
    expect(await assignments(s.employee.id)).toMatchObject([{ due: iso(Date.now() + 60 * DAY) }]);
    const fast = (
      await s.adminClient
        .post(
          '/api/programme/rules',
          rule(s.moduleId, {
            name: 'Fast',
            audience: { roles: ['employee'] },
            due: { kind: 'relative', days: 14 },
          }),
        )
        .expect(201)
    ).body as RuleSaved;
    const rows = await assignments(s.employee.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ due: iso(Date.now() + 14 * DAY), rule_id: fast.rule.id });
    // The officer (not an employee) keeps the slower rule's due date.
    expect(await assignments(s.officer.id)).toMatchObject([{ due: iso(Date.now() + 60 * DAY) }]);
  });

  it('reminds 7 days before, on the day and every 3 days after, one digest a day, until completion', async () => {
    const s = await setUp();
    const reminders = { beforeDays: [7], onDueDate: true, everyDaysAfter: 3 };
    const escalation = { managerAfterDays: null, officersAfterDays: null };
    await s.adminClient
      .post(
        '/api/programme/rules',
        rule(s.moduleId, { audience: { roles: ['employee'] }, reminders, escalation }),
      )
      .expect(201);
    await s.adminClient
      .post(
        '/api/programme/rules',
        rule(s.otherModuleId, { name: 'Second', audience: { roles: ['employee'] }, reminders, escalation }),
      )
      .expect(201);
    const sentOn: Record<number, number> = {};
    for (let day = 0; day <= 40; day++) {
      at(day);
      const before = (await emailsTo(s.employee.email)).length;
      await runner.runOrganisation(s.org.id);
      await runner.runOrganisation(s.org.id); // a second run (another hour, another worker) sends nothing more
      const after = (await emailsTo(s.employee.email)).length;
      if (after > before) sentOn[day] = after - before;
      if (day === 33)
        await Promise.all([complete(s.employee, s.moduleId), complete(s.employee, s.otherModuleId)]);
    }
    // Due on day 30: day 23 (7 before), 30 (due), 33 (+3); then completed: nothing on 36 or 39.
    expect(sentOn).toEqual({ 23: 1, 30: 1, 33: 1 });
    const emails = await emailsTo(s.employee.email);
    expect(emails[0]!.subject).toBe('Security training: 2 module(s) need your attention');
    expect(emails[0]!.body_text).toContain('due in 7 days');
    expect(emails[2]!.body_text).toContain('3 days overdue');
    expect(emails[0]!.body_html).toContain('<p>');
    const [notified] = await ctx.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND kind = 'training-reminder'`,
      [s.employee.id],
    );
    expect(notified!.n).toBe(3);
  });

  it('sends no reminder to a deactivated person, who keeps what was required of them', async () => {
    const s = await setUp();
    await s.adminClient
      .post('/api/programme/rules', rule(s.moduleId, { audience: { roles: ['employee'] } }))
      .expect(201);
    await s.adminClient.post(`/api/people/${s.employee.id}/deactivate`).expect(200);
    await ctx.app.get(JobQueue).runDue(PROGRAMME_EVALUATE_JOB);
    at(23);
    await runner.runOrganisation(s.org.id);
    expect(await emailsTo(s.employee.email)).toEqual([]);
    expect(await assignments(s.employee.id)).toMatchObject([{ status: 'not-started', source: 'rule' }]);
  });

  it('escalates to the manager after 7 days overdue, then to the officers after 14', async () => {
    const s = await setUp();
    const manager = await ctx.newUser({
      organisationId: s.org.id,
      departmentId: s.department.id,
      name: 'Mona Manager',
    });
    await ctx.dataSource.query(`UPDATE app_user SET manager_id = $1 WHERE id = $2`, [
      manager.id,
      s.employee.id,
    ]);
    await s.adminClient
      .post(
        '/api/programme/rules',
        rule(s.moduleId, {
          audience: { roles: ['employee'] },
          escalation: { managerAfterDays: 7, officersAfterDays: 14 },
        }),
      )
      .expect(201);
    const escalations = async () =>
      (
        await ctx.dataSource.query<{ to_address: string; subject: string }[]>(
          `SELECT to_address, subject FROM outbound_email WHERE subject LIKE 'Overdue%' AND organisation_id = $1 ORDER BY created_at`,
          [s.org.id],
        )
      ).map((e) => e.to_address);
    for (const day of [36, 37, 38, 43, 44, 45]) {
      at(day);
      await runner.runOrganisation(s.org.id);
      if (day === 36) expect(await escalations()).toEqual([]);
      if (day === 37) expect(await escalations()).toEqual([manager.email]);
      if (day === 43) expect(await escalations()).toEqual([manager.email]);
      if (day === 44) expect(await escalations()).toEqual([manager.email, s.officer.email]);
    }
    expect(await escalations()).toEqual([manager.email, s.officer.email]);
    const [body] = await ctx.dataSource.query<{ body_text: string }[]>(
      `SELECT body_text FROM outbound_email WHERE to_address = $1 AND subject LIKE 'Overdue%'`,
      [manager.email],
    );
    expect(body!.body_text).toMatch(/Person \d+: .+, 7 days overdue/);
  });

  it('opens the next cycle 12 months after completion, keeping the first completion', async () => {
    const s = await setUp();
    await s.adminClient
      .post(
        '/api/programme/rules',
        rule(s.moduleId, { audience: { roles: ['employee'] }, recurrenceMonths: 12 }),
      )
      .expect(201);
    await complete(s.employee, s.moduleId);
    at(360);
    expect(await runner.runOrganisation(s.org.id)).toMatchObject({ cyclesOpened: 0 });
    at(366);
    expect(await runner.runOrganisation(s.org.id)).toMatchObject({ cyclesOpened: 1 });
    expect(await runner.runOrganisation(s.org.id)).toMatchObject({ cyclesOpened: 0 });
    const rows = await assignments(s.employee.id);
    expect(rows.map((r) => [r.cycle, r.status, r.current])).toEqual([
      [1, 'completed', false],
      [2, 'not-started', true],
    ]);
    expect(rows[1]!.due).toBe(iso(start + 396 * DAY));
    const [kept] = await ctx.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM completion c JOIN assignment a ON a.id = c.assignment_id
        WHERE a.user_id = $1 AND a.cycle = 1`,
      [s.employee.id],
    );
    expect(kept!.n).toBe(1);
    // My training shows the current cycle only.
    const mine = (await (await ctx.login(s.employee)).get('/api/me/assignments').expect(200)).body as {
      module: { id: string };
      status: string;
    }[];
    expect(mine.filter((m) => m.module.id === s.moduleId).map((m) => m.status)).toEqual(['not-started']);
  });

  it('refuses bad rules with a 4xx naming the field, and employees altogether', async () => {
    const s = await setUp();
    const post = (body: unknown) => s.adminClient.post('/api/programme/rules', body as object);
    const field = async (body: unknown, status: number) => {
      const res = await post(body).expect(status);
      return JSON.stringify(res.body);
    };
    expect(await field({ ...rule(s.moduleId), due: { kind: 'relative', days: 0 } }, 400)).toContain(
      'due.days',
    );
    expect(await field({ ...rule(s.moduleId), due: { kind: 'fixed', date: '2020-01-01' } }, 422)).toContain(
      'due.date',
    );
    expect(
      await field(
        { ...rule(s.moduleId), audience: { departmentIds: ['00000000-0000-4000-8000-000000000000'] } },
        422,
      ),
    ).toContain('audience.departmentIds');
    expect(
      await field({ ...rule(s.moduleId), escalation: { managerAfterDays: 10, officersAfterDays: 5 } }, 400),
    ).toContain('escalation.officersAfterDays');
    expect(await field({ ...rule(s.moduleId), moduleId: 'nope' }, 400)).toContain('moduleId');
    const other = await ctx.newTeam();
    const [foreignModule] = await ctx.moduleIds(other.org.id);
    expect(await field(rule(foreignModule!), 422)).toContain('moduleId');
    await (await ctx.login(s.employee)).post('/api/programme/rules', rule(s.moduleId)).expect(403);
    await (await ctx.login(s.officer)).post('/api/programme/rules', rule(s.moduleId)).expect(403);
  });

  it('follows a department merge, and keeps a department named by a rule from being deleted', async () => {
    const s = await setUp();
    const saved = (
      await s.adminClient
        .post('/api/programme/rules', rule(s.moduleId, { audience: { departmentIds: [s.research.id] } }))
        .expect(201)
    ).body as RuleSaved;
    const res = await s.adminClient.delete(`/api/departments/${s.research.id}`).expect(409);
    expect(res.body.code).toBe('department_in_rules');
    await s.adminClient
      .post(`/api/departments/${s.research.id}/merge`, { intoDepartmentId: s.department.id })
      .expect(200);
    const after = (await s.adminClient.get(`/api/programme/rules/${saved.rule.id}`).expect(200))
      .body as RuleSaved['rule'];
    expect(after.audience.departments.map((d) => d.id)).toEqual([s.department.id]);
    await ctx.app.get(JobQueue).runDue(PROGRAMME_EVALUATE_JOB);
    expect(await assignments(s.employee.id)).toMatchObject([{ source: 'rule' }]);
  });

  it('deletes a rule: its not-started assignments go, completed ones stay', async () => {
    const s = await setUp();
    const saved = (await s.adminClient.post('/api/programme/rules', rule(s.moduleId)).expect(201))
      .body as RuleSaved;
    await complete(s.employee, s.moduleId);
    expect((await s.adminClient.delete(`/api/programme/rules/${saved.rule.id}`).expect(200)).body).toEqual({
      withdrawn: 2, // officer and admin, not started
    });
    expect(await assignments(s.officer.id)).toEqual([]);
    expect(await assignments(s.employee.id)).toMatchObject([{ status: 'completed', rule_id: null }]);
  });

  it('in a large organisation leaves the assignments to the worker, and deletes a rule only once it is off', async () => {
    const s = await setUp();
    const rules = ctx.app.get(RulesService);
    rules.syncEvaluationPeople = 2; // this team has 3 people: "large"
    try {
      const saved = (await s.adminClient.post('/api/programme/rules', rule(s.moduleId)).expect(201))
        .body as RuleSaved;
      expect(saved).toMatchObject({ assigned: 0, queued: true });
      expect(await assignments(s.employee.id)).toEqual([]);
      await ctx.app.get(JobQueue).runDue(PROGRAMME_RUN_JOB);
      expect(await assignments(s.employee.id)).toMatchObject([{ source: 'rule', current: true }]);

      const refused = await s.adminClient.delete(`/api/programme/rules/${saved.rule.id}`).expect(409);
      expect(refused.body.code).toBe('rule_still_on');
      await s.adminClient
        .put(`/api/programme/rules/${saved.rule.id}`, { ...rule(s.moduleId), enabled: false })
        .expect(200);
      await ctx.app.get(JobQueue).runDue(PROGRAMME_RUN_JOB);
      expect(await assignments(s.employee.id)).toEqual([]);
      await s.adminClient.delete(`/api/programme/rules/${saved.rule.id}`).expect(200);
    } finally {
      rules.syncEvaluationPeople = 20_000;
    }
  });

  const remedialOf = (userId: string, moduleId: string) =>
    ctx.dataSource.query<{ source: string; due: string }[]>(
      `SELECT source, to_char(due_date, 'YYYY-MM-DD') AS due FROM assignment
        WHERE user_id = $1 AND module_id = $2 AND superseded_at IS NULL`,
      [userId, moduleId],
    );

  it('assigns the remedial module after the failed quiz rounds the rule names, once, and tells the officers', async () => {
    const s = await setUp();
    await s.adminClient
      .post(
        '/api/programme/rules',
        rule(s.moduleId, {
          audience: { roles: ['employee'] },
          remedial: { moduleId: s.otherModuleId, afterFailedRounds: 1 },
        }),
      )
      .expect(201);
    const begun = await begin(s.employee, s.moduleId);
    const { client, content } = begun;
    let { state } = begun;
    state = await playToEnding(client, state, content);
    expect(await remedialOf(s.employee.id, s.otherModuleId)).toEqual([]);
    await client
      .post(`/api/me/attempts/${state.attemptId}/quiz`, {
        round: state.quiz!.round,
        answers: quizAnswers(content, 99),
      })
      .expect(200);
    expect(await remedialOf(s.employee.id, s.otherModuleId)).toEqual([
      { source: 'remedial', due: iso(Date.now() + 14 * DAY) },
    ]);
    const [told] = await ctx.dataSource.query<{ title: string }[]>(
      `SELECT title FROM notification WHERE user_id = $1 AND kind = 'remedial-assigned'`,
      [s.officer.id],
    );
    expect(told!.title).toMatch(/was assigned “.+” as remedial training/);
  });

  it('assigns the remedial module after a compromised ending when the rule says so', async () => {
    const s = await setUp();
    await s.adminClient
      .post(
        '/api/programme/rules',
        rule(s.moduleId, {
          audience: { roles: ['employee'] },
          remedial: { moduleId: s.otherModuleId, onCompromisedEnding: true },
        }),
      )
      .expect(201);
    const begun = await begin(s.employee, s.moduleId);
    const { client, content } = begun;
    let { state } = begun;
    // Walk towards a compromised ending: from each step, a choice from which one can be reached.
    const steps = new Map(content.scenario.steps.map((st) => [st.id, st]));
    const reaches = (id: string, seen = new Set<string>()): boolean => {
      const st = steps.get(id)!;
      if (st.ending) return st.ending.outcome === 'compromised';
      if (seen.has(id)) return false;
      seen.add(id);
      return st.choices.some((c) => reaches(c.next, seen));
    };
    for (let i = 0; state.phase === 'scenario' && i < 50; i++) {
      const step = steps.get(state.step.id)!;
      const next = step.choices.find((c) => reaches(c.next));
      state = await choose(client, state, next!.id);
    }
    expect(await remedialOf(s.employee.id, s.otherModuleId)).toEqual([
      { source: 'remedial', due: iso(Date.now() + 14 * DAY) },
    ]);
  });

  it('refuses a remedial setting without a module, or with the same module as the rule', async () => {
    const s = await setUp();
    const res = await s.adminClient
      .post('/api/programme/rules', rule(s.moduleId, { remedial: { afterFailedRounds: 2 } }))
      .expect(400);
    expect(JSON.stringify(res.body)).toContain('remedial.moduleId');
    const same = await s.adminClient
      .post(
        '/api/programme/rules',
        rule(s.moduleId, { remedial: { moduleId: s.moduleId, onCompromisedEnding: true } }),
      )
      .expect(400);
    expect(JSON.stringify(same.body)).toContain('must be another module');
  });

  it('a new version published as "everyone must complete again" opens the next cycle for those who completed', async () => {
    const s = await setUp();
    await s.adminClient
      .post('/api/programme/rules', rule(s.moduleId, { audience: { roles: ['employee'] } }))
      .expect(201);
    await complete(s.employee, s.moduleId);
    const [v1] = await ctx.dataSource.query<{ content: ModuleContent }[]>(
      `SELECT content FROM module_version WHERE module_id = $1 AND version = 1`,
      [s.moduleId],
    );
    const revised = v1!.content;
    revised.scenario.steps[0]!.title = `${revised.scenario.steps[0]!.title} (revised)`;
    const saved = await s.adminClient.put(`/api/authoring/modules/${s.moduleId}/draft`, {
      content: revised,
      baseRevision: null, // no draft open yet
    });
    expect(saved.status).toBe(200);
    await s.adminClient
      .post(`/api/authoring/modules/${s.moduleId}/publish`, {
        note: 'New tactics',
        requireRecompletion: { dueDays: 21 },
      })
      .expect(200);
    const rows = await assignments(s.employee.id);
    expect(rows.map((r) => [r.cycle, r.status, r.current, r.source])).toEqual([
      [1, 'completed', false, 'rule'],
      [2, 'not-started', true, 'rule'],
    ]);
    expect(rows[1]!.due).toBe(iso(Date.now() + 21 * DAY));
    const [event] = await ctx.dataSource.query<{ details: { cyclesOpened: number } }[]>(
      `SELECT details FROM audit_event WHERE action = 'module.published' AND subject_id = $1`,
      [s.moduleId],
    );
    expect(event!.details).toMatchObject({
      version: 2,
      requireRecompletion: { dueDays: 21 },
      cyclesOpened: 1,
    });
  });
});

export type { Client };
