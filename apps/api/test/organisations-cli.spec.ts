import { spawn } from 'node:child_process';
import path from 'node:path';
import { OrganisationsService } from '../src/modules/organisations/organisations.service.js';
import { TestContext } from './test-app.js';

/** The built operator CLI, as the image ships it: `node apps/api/dist/cli.js`. */
const CLI = path.resolve(import.meta.dirname ?? __dirname, '../dist/cli.js');
const STRONG = 'quiet harbour lantern 7 violet';

describe('the organisations CLI', () => {
  let ctx: TestContext;
  let databaseUrl: string;
  beforeAll(async () => {
    ctx = await TestContext.create({ PUBLIC_URL: 'https://training.example.test' });
    databaseUrl = (ctx.dataSource.options as { url: string }).url;
  });
  afterAll(() => ctx.close());

  const cli = (...args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args], {
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          PUBLIC_URL: 'https://training.example.test',
          LOG_LEVEL: 'silent',
          MAIL_FROM: '',
          SMTP_URL: '',
          BOOTSTRAP_ORGANISATION: '',
          BOOTSTRAP_ADMIN_EMAIL: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.once('exit', (code) => resolve({ code, stdout, stderr }));
    });

  const tokenIn = (output: string) => /set-password#token=([A-Za-z0-9_-]+)/.exec(output)?.[1];

  it('creates an organisation whose administrator sets a password through the printed link and signs in', async () => {
    const created = await cli(
      'organisations:create',
      '--name',
      'Northgate Systems',
      '--admin-email',
      'Ops.Lead@Northgate.test',
      '--admin-name',
      'Ola Lead',
    );
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(created.stdout).toContain(
      'Created organisation "Northgate Systems" (slug northgate-systems) with administrator ops.lead@northgate.test.',
    );
    expect(created.stdout).toContain('https://training.example.test/set-password#token=');
    const token = tokenIn(created.stdout)!;

    const info = await ctx.http().post('/api/auth/password/token').send({ token }).expect(200);
    expect(info.body).toMatchObject({ purpose: 'invitation', email: 'ops.lead@northgate.test' });
    await ctx.http().post('/api/auth/password/set').send({ token, password: STRONG }).expect(200);
    const login = await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: 'ops.lead@northgate.test', password: STRONG })
      .expect(200);
    expect(login.body.user).toMatchObject({
      name: 'Ola Lead',
      role: 'admin',
      organisation: { name: 'Northgate Systems' },
    });

    // The curriculum is installed, and the operator's actions are audited.
    const [org] = await ctx.dataSource.query(`SELECT id FROM organisation WHERE slug = 'northgate-systems'`);
    const [modules] = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM training_module WHERE organisation_id = $1`,
      [org.id],
    );
    expect(modules.n).toBeGreaterThanOrEqual(2);
    const audit = await ctx.dataSource.query(
      `SELECT action, actor_id, details->>'by' AS by FROM audit_event WHERE organisation_id = $1 ORDER BY id`,
      [org.id],
    );
    expect(audit.slice(0, 3)).toEqual([
      { action: 'organisation.created', actor_id: null, by: 'cli' },
      { action: 'person.created', actor_id: null, by: 'cli' },
      { action: 'person.invited', actor_id: null, by: 'operator' },
    ]);
  }, 60_000);

  it('refuses a taken slug, a bad email and missing flags, naming them, and writes nothing', async () => {
    const before = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM organisation`);
    const taken = await cli(
      'organisations:create',
      '--name',
      'Another',
      '--slug',
      'northgate-systems',
      '--admin-email',
      'a@b.test',
    );
    expect(taken).toMatchObject({ code: 1, stdout: '' });
    expect(taken.stderr).toContain(
      '--slug "northgate-systems" is already used by the organisation "Northgate Systems"',
    );

    const email = await cli('organisations:create', '--name', 'Another', '--admin-email', 'not-an-address');
    expect(email).toMatchObject({
      code: 1,
      stderr: '[countersign] --admin-email must be an email address\n',
    });

    const slug = await cli(
      'organisations:create',
      '--name',
      'X',
      '--slug',
      'Bad Slug',
      '--admin-email',
      'a@b.test',
    );
    expect(slug.code).toBe(1);
    expect(slug.stderr).toMatch(/^\[countersign\] --slug must be 1–63 lower-case letters/);

    const missing = await cli('organisations:create', '--name', 'Another');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^organisations:create needs --admin-email\./);

    const unknown = await cli('organisations:explode');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^Unknown command "organisations:explode"\.\n\nUsage:/);

    expect(await ctx.dataSource.query(`SELECT count(*)::int AS n FROM organisation`)).toEqual(before);
  }, 60_000);

  it('lists organisations, and disabling one ends its sessions and refuses sign-in until it is enabled', async () => {
    const login = () =>
      ctx.http().post('/api/auth/login').send({ email: 'ops.lead@northgate.test', password: STRONG });
    const session = await login().expect(200);
    const cookie = String(session.headers['set-cookie']).split(';')[0]!;

    const listed = await cli('organisations:list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^SLUG\s+NAME\s+STATUS\s+PEOPLE\s+ADMINS\s+CREATED\n/);
    expect(listed.stdout).toMatch(/northgate-systems\s+Northgate Systems\s+active\s+1\s+1\s+\d{4}-/);

    const disabled = await cli('organisations:disable', '--slug', 'northgate-systems');
    expect(disabled).toMatchObject({ code: 0, stderr: '' });
    expect(disabled.stdout).toMatch(
      /Disabled "Northgate Systems" \(northgate-systems\).*; 2 session\(s\) ended/,
    );
    expect((await login().expect(403)).body.code).toBe('organisation_disabled');
    // The running API may trust a session it checked in the last few seconds; not longer.
    const deadline = Date.now() + 10_000;
    let status = 200;
    while (Date.now() < deadline && status !== 401) {
      status = (await ctx.http().get('/api/auth/session').set('Cookie', cookie)).status;
      if (status !== 401) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(401);

    const json = JSON.parse((await cli('organisations:list', '--json')).stdout) as {
      slug: string;
      disabledAt: string | null;
    }[];
    expect(json.find((o) => o.slug === 'northgate-systems')?.disabledAt).toEqual(expect.any(String));

    const again = await cli('organisations:disable', '--slug', 'northgate-systems');
    expect(again.stdout).toContain('is already disabled: nothing changed.');

    expect((await cli('organisations:enable', '--slug', 'northgate-systems')).code).toBe(0);
    await login().expect(200);
    const missing = await cli('organisations:enable', '--slug', 'no-such-org');
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.stderr).toContain('"no-such-org" is no organisation here');

    const [org] = await ctx.dataSource.query(`SELECT id FROM organisation WHERE slug = 'northgate-systems'`);
    const actions = await ctx.dataSource.query(
      `SELECT action FROM audit_event WHERE organisation_id = $1 AND subject_type = 'organisation' ORDER BY id`,
      [org.id],
    );
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'organisation.created',
      'organisation.disabled',
      'organisation.enabled',
    ]);
  }, 90_000);
});

describe('first start with BOOTSTRAP_ORGANISATION and BOOTSTRAP_ADMIN_EMAIL (no password)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create({
      BOOTSTRAP_ORGANISATION: 'Ministry of Examples',
      BOOTSTRAP_ADMIN_EMAIL: 'Security.Admin@example.test',
    });
  });
  afterAll(() => ctx.close());

  it('creates the organisation once, even from replicas starting together, and invites its administrator', async () => {
    const organisations = ctx.app.get(OrganisationsService);
    const results = await Promise.all([organisations.bootstrapIfEmpty(), organisations.bootstrapIfEmpty()]);
    const created = results.filter(Boolean);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      organisation: { name: 'Ministry of Examples', slug: 'ministry-of-examples' },
      administrator: { email: 'security.admin@example.test' },
      invitation: { emailed: false },
    });
    expect(await organisations.bootstrapIfEmpty()).toBeNull();

    const token = /#token=(.+)$/.exec(created[0]!.invitation!.link)![1];
    await ctx.http().post('/api/auth/password/set').send({ token, password: STRONG }).expect(200);
    await ctx
      .http()
      .post('/api/auth/login')
      .send({ email: 'security.admin@example.test', password: STRONG })
      .expect(200);
  });
});
