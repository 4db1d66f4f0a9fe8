import type { Page } from '@countersign/contracts/common';
import type { ApproachStats, TriageListItem, TriageReportView } from '@countersign/contracts/approaches';
import request from 'supertest';
import { DEMO_APPROACHES, HOUR, reportedAt } from '../src/demo/demo-approaches.js';
import { DemoSeedService } from '../src/demo/demo-seed.service.js';
import { OrganisationsService } from '../src/modules/organisations/organisations.service.js';
import { TrainingService } from '../src/modules/training/training.service.js';
import { TestContext } from './test-app.js';

describe('demo data', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create({ DEMO_SEED: 'true' });
  });
  afterAll(() => ctx.close());

  it('creates Demo Ltd on an empty database with a realistic mix, once', async () => {
    const seed = ctx.app.get(DemoSeedService);
    const accounts = await seed.seedIfEmpty();
    expect(accounts?.logins.map((l) => l.role)).toEqual(['admin', 'officer', 'employee']);

    const [counts] = await ctx.dataSource.query(`
      SELECT (SELECT count(*)::int FROM app_user) AS people,
             (SELECT count(DISTINCT role)::int FROM app_user) AS roles,
             (SELECT count(*)::int FROM department) AS departments,
             (SELECT count(*)::int FROM completion) AS completed,
             (SELECT count(*)::int FROM attempt WHERE status = 'in-progress') AS in_progress,
             (SELECT count(*)::int FROM assignment a WHERE NOT EXISTS (SELECT 1 FROM attempt t WHERE t.assignment_id = a.id)) AS not_started,
             (SELECT count(*)::int FROM assignment a WHERE due_date < current_date
                AND NOT EXISTS (SELECT 1 FROM completion c WHERE c.assignment_id = a.id)) AS overdue`);
    expect(counts.people).toBeGreaterThanOrEqual(45);
    expect(counts.roles).toBe(3);
    expect(counts.departments).toBeGreaterThanOrEqual(4);
    for (const key of ['completed', 'in_progress', 'not_started', 'overdue'])
      expect(counts[key]).toBeGreaterThan(0);

    // The printed logins work.
    for (const login of accounts!.logins) {
      await ctx
        .http()
        .post('/api/auth/login')
        .send({ email: login.email, password: accounts!.password })
        .expect(200);
    }
    // A second start does not seed again.
    await seed.seedIfEmpty();
    const [again] = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM organisation`);
    expect(again.n).toBe(1);
  }, 180_000); // plays ~50 attempts through the real learning service

  it('gives the security team a lived-in triage queue, filed through the approach services', async () => {
    await ctx.app.get(DemoSeedService).seedIfEmpty();
    const reports = await ctx.dataSource.query<
      {
        id: string;
        reference: string;
        rating: string;
        status: string;
        reporter: string;
        assignee: string | null;
        outcome: string | null;
        notes: number;
        age_days: number;
      }[]
    >(`
      SELECT r.id, r.reference, r.rating, r.status, u.email AS reporter, a.email AS assignee, r.outcome,
             (SELECT count(*)::int FROM approach_report_note n WHERE n.report_id = r.id) AS notes,
             (extract(epoch FROM now() - r.created_at) / 86400)::float8 AS age_days
        FROM approach_report r
        JOIN app_user u ON u.id = r.reporter_id
        LEFT JOIN app_user a ON a.id = r.assignee_id
       ORDER BY r.created_at`);
    expect(reports.length).toBeGreaterThanOrEqual(8);
    expect(reports.length).toBeLessThanOrEqual(12);
    expect(new Set(reports.map((r) => r.rating))).toEqual(new Set(['low', 'medium', 'high']));
    expect(new Set(reports.map((r) => r.status))).toEqual(
      new Set(['new', 'in-review', 'escalated', 'closed']),
    );
    expect(reports.filter((r) => r.status === 'escalated')).toHaveLength(1);
    expect(new Set(reports.map((r) => r.reporter)).size).toBe(reports.length);
    expect(reports.map((r) => r.reporter)).not.toContain('employee@demo-ltd.example');
    for (const r of reports.filter((r) => r.status === 'in-review' || r.status === 'escalated')) {
      expect(r.assignee).toBe('officer@demo-ltd.example');
      expect(r.notes).toBeGreaterThan(0);
    }
    for (const r of reports.filter((r) => r.status === 'closed')) expect(r.outcome).toBeTruthy();
    // Spread over the last three weeks, numbered in date order, and nothing dated in the future.
    expect(reports[0]!.age_days).toBeGreaterThan(14);
    expect(reports.at(-1)!.age_days).toBeGreaterThan(0);
    expect(reports.map((r) => r.reference)).toEqual(reports.map((r) => r.reference).sort());
    const [future] = await ctx.dataSource.query(`
      SELECT (SELECT count(*)::int FROM approach_report_status_change WHERE at > now())
           + (SELECT count(*)::int FROM approach_report_note WHERE created_at > now())
           + (SELECT count(*)::int FROM notification WHERE created_at > now() OR read_at > now())
           + (SELECT count(*)::int FROM approach_report
               WHERE greatest(created_at, updated_at, first_reviewed_at, closed_at) > now()) AS n`);
    expect(future.n).toBe(0);
    // The real code path: every report is in the audit trail, and high ones notified the officers.
    const [trail] = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'report.created'`,
    );
    expect(trail.n).toBe(reports.length);

    const officer = await signIn('officer@demo-ltd.example');
    const queue = (await officer.get('/api/approaches/reports?open=false&pageSize=50').expect(200))
      .body as Page<TriageListItem>;
    expect(queue.total).toBe(reports.length);
    const linked = queue.items.filter((item) => item.linkedCount > 0);
    expect(linked).toHaveLength(2);
    const detail = (await officer.get(`/api/approaches/reports/${linked[0]!.id}`).expect(200))
      .body as TriageReportView;
    expect(detail.linked).toEqual([expect.objectContaining({ id: linked[1]!.id, reason: 'same-profile' })]);
    const stats = (await officer.get('/api/approaches/stats').expect(200)).body as ApproachStats;
    expect(stats.new).toBeGreaterThan(0);
    expect(stats.highOpen).toBeGreaterThan(0);
    expect(stats.medianHoursToFirstReview).toBeGreaterThan(0);
    const bell = await officer.get('/api/notifications').expect(200);
    expect(bell.body.unread).toBeGreaterThan(0);

    // Sam Whitaker, the printed employee login, has no reports: the browser tests make his.
    const sam = await signIn('employee@demo-ltd.example');
    expect((await sam.get('/api/approaches/reports/mine').expect(200)).body).toEqual([]);

    // Another organisation's officer sees none of them.
    const other = await ctx.newTeam();
    const outsider = await ctx.login(other.officer);
    const theirs = await outsider.get('/api/approaches/reports?open=false').expect(200);
    expect(theirs.body.total).toBe(0);
    await outsider.get(`/api/approaches/reports/${reports[0]!.id}`).expect(404);
    expect((await outsider.get('/api/approaches/stats').expect(200)).body).toMatchObject({ open: 0, new: 0 });
  }, 60_000);

  async function signIn(email: string) {
    const agent = request.agent(ctx.app.getHttpServer());
    await agent.post('/api/auth/login').send({ email, password: ctx.config.DEMO_PASSWORD }).expect(200);
    return agent;
  }
});

describe('demo approaches', () => {
  it('every triage step happens before the end of the day before the seed runs', () => {
    // So that however late in the day the seed runs, nothing is dated in the future.
    for (const story of DEMO_APPROACHES) {
      const at = reportedAt(story, 0);
      for (const step of story.triage) expect(at + step.afterHours * HOUR).toBeLessThan(0);
      expect(story.daysAgo).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('first-run bootstrap of a real installation', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create({
      DEMO_SEED: 'false',
      BOOTSTRAP_ORGANISATION: 'Ministry of Examples',
      BOOTSTRAP_ADMIN_EMAIL: 'Security.Admin@example.test',
      BOOTSTRAP_ADMIN_PASSWORD: 'a long enough secret',
    });
  });
  afterAll(() => ctx.close());

  it('creates the organisation with the curriculum and an administrator who can sign in', async () => {
    const created = await ctx.app.get(OrganisationsService).bootstrapIfEmpty();
    expect(created).toMatchObject({
      invitation: null,
      administrator: { email: 'security.admin@example.test' },
    });
    expect(await ctx.app.get(OrganisationsService).bootstrapIfEmpty()).toBeNull();
    expect(await ctx.app.get(DemoSeedService).seedIfEmpty()).toBeNull();
    const res = await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: 'security.admin@example.test', password: 'a long enough secret' })
      .expect(200);
    expect(res.body.user).toMatchObject({ role: 'admin', organisation: { name: 'Ministry of Examples' } });
    const [modules] = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM module_version WHERE status = 'published'`,
    );
    expect(modules.n).toBeGreaterThanOrEqual(2);
  });
});

describe('curriculum upgrades', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());

  it('installs built-in modules added in a release into existing organisations, leaving the rest alone', async () => {
    const org = await ctx.newOrganisation();
    const complete = await ctx.newOrganisation();
    // Simulate an organisation created before the last two modules shipped.
    await ctx.dataSource.query(
      `DELETE FROM training_module WHERE organisation_id = $1 AND slug IN ('when-it-turns-to-pressure', 'report-it')`,
      [org.id],
    );
    const training = ctx.app.get(TrainingService);
    expect(await training.installCurriculumEverywhere()).toBe(2);
    expect(await training.installCurriculumEverywhere()).toBe(0);
    const titles = async (id: string) => (await training.list(id)).map((m) => m.title);
    expect(await titles(org.id)).toEqual(await titles(complete.id));
    expect((await titles(org.id)).slice(0, 2)).toEqual(['The approach', 'Too good to be true']);
  });
});
