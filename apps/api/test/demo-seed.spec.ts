import { DemoSeedService } from '../src/demo/demo-seed.service.js';
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
