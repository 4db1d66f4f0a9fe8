import type { ImportApplied, ImportSummary } from '@countersign/contracts/people-import';
import type { PersonPage } from '@countersign/contracts/people';
import { INVITE_PEOPLE_JOB } from '../src/modules/auth/credentials.service.js';
import { JobQueue } from '../src/modules/jobs/job-queue.service.js';
import { EMAIL_SEND_JOB } from '../src/modules/notifications/outbox-sender.service.js';
import { TestContext, type Client } from './test-app.js';

type Team = Awaited<ReturnType<TestContext['newTeam']>>;

const HEADER = 'Email,Name,Department,Role,Manager Email,Sensitivity Tier,Job Title,Start Date';

describe('people CSV import', () => {
  let ctx: TestContext;
  let team: Team;
  let other: Team;
  let admin: Client;
  let officer: Client;

  beforeAll(async () => {
    ctx = await TestContext.create({ MAIL_FROM: 'security@example.org' });
    [team, other] = await Promise.all([ctx.newTeam('Acme'), ctx.newTeam('Elsewhere')]);
    [admin, officer] = await Promise.all([ctx.login(team.admin), ctx.login(team.officer)]);
  });
  afterAll(() => ctx.close());

  let files = 0;
  const domain = () => `batch${++files}.${Date.now()}.example.test`;

  const upload = (step: 'preview' | 'apply', csv: string, query = '', as: Client = admin) =>
    as
      .post(`/api/people/import/${step}${query}`)
      .attach('file', Buffer.from(csv, 'utf8'), { filename: 'staff.csv', contentType: 'text/csv' });

  async function counts(organisationId: string) {
    const [row] = await ctx.dataSource.query<
      { people: number; departments: number; audits: number; imports: number }[]
    >(
      `SELECT (SELECT count(*)::int FROM app_user WHERE organisation_id = $1) AS people,
              (SELECT count(*)::int FROM department WHERE organisation_id = $1) AS departments,
              (SELECT count(*)::int FROM audit_event WHERE organisation_id = $1) AS audits,
              (SELECT count(*)::int FROM people_import WHERE organisation_id = $1) AS imports`,
      [organisationId],
    );
    return row!;
  }

  /** `n` people in a two-level chart: the first is everyone's manager. */
  function staff(d: string, n: number, extra: string[] = []): string {
    const lines = [HEADER];
    for (let i = 1; i <= n; i++) {
      lines.push(
        `p${i}@${d},Person ${i},${i % 2 ? 'Field Ops' : 'Research'},${i === 1 ? 'officer' : 'employee'},${i === 1 ? '' : `p1@${d}`},${i % 3 ? 'standard' : 'high'},Analyst,2026-0${(i % 9) + 1}-01`,
      );
    }
    return [...lines, ...extra].join('\r\n') + '\r\n';
  }

  it('previews a clean file — who would be created, departments to make — and writes nothing', async () => {
    const d = domain();
    const before = await counts(team.org.id);
    const res = await upload('preview', staff(d, 30)).expect(200);
    expect(res.body).toMatchObject({
      rows: 30,
      created: 30,
      updated: 0,
      unchanged: 0,
      deactivated: 0,
      departmentsCreated: 2,
      invitations: 30,
      problemCount: 0,
      problems: [],
    } satisfies Partial<ImportSummary>);
    expect(await counts(team.org.id)).toEqual(before);
  });

  it('names every problem with its line and column, and apply refuses the file whole', async () => {
    const d = domain();
    const csv = staff(d, 5, [
      `not-an-email,Bad Address,,,,,,`,
      `p2@${d},Twice Listed,,,,,,`,
      `x1@${d},Wrong Role,,chief,,,,`,
      `x2@${d},Lost Manager,,,nobody@${d},,,`,
      `x3@${d},Bad Tier,,,,secret,,`,
      `x4@${d},Bad Date,,,,,,2026-13-40`,
      `${team.employee.email},Someone Elsewhere,,,,,,`,
      `${other.employee.email},Other Org,,,,,,`,
    ]);
    const before = await counts(team.org.id);
    const preview = (await upload('preview', csv).expect(200)).body as ImportSummary;
    expect(preview.problems).toEqual([
      { line: 7, column: 'email', message: expect.stringContaining('not an email') },
      { line: 8, column: 'email', message: expect.stringContaining('already on line 3') },
      { line: 9, column: 'role', message: expect.stringContaining('"chief" is not a role') },
      { line: 10, column: 'manager email', message: expect.stringContaining('neither in the file nor') },
      { line: 11, column: 'sensitivity tier', message: expect.stringContaining('not a tier') },
      { line: 12, column: 'start date', message: expect.stringContaining('YYYY-MM-DD') },
      { line: 14, column: 'email', message: expect.stringContaining('already in use') },
    ]);
    // The colleague already in the organisation is an update, not a problem.
    expect(preview).toMatchObject({ problemCount: 7, updated: 1 });

    const applied = await upload('apply', csv).expect(422);
    expect(applied.body).toMatchObject({ code: 'import_has_problems', details: { problemCount: 7 } });
    expect(await counts(team.org.id)).toEqual(before);
  });

  it('refuses a manager circle, naming the lines', async () => {
    const d = domain();
    const csv = [
      HEADER,
      `a@${d},A,,,b@${d},,,`,
      `b@${d},B,,,c@${d},,,`,
      `c@${d},C,,,a@${d},,,`,
      `e@${d},E,,,e@${d},,,`,
    ].join('\n');
    const preview = (await upload('preview', csv).expect(200)).body as ImportSummary;
    expect(preview.problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'manager email'],
      [3, 'manager email'],
      [4, 'manager email'],
      [5, 'manager email'],
    ]);
    expect(preview.problems[0]!.message).toContain('circle');
  });

  it('applies a file in one go: people with managers and departments, invitations queued, audited, a result to download', async () => {
    const d = domain();
    const before = await counts(team.org.id);
    const res = await upload('apply', staff(d, 30)).expect(200);
    const applied = res.body as ImportApplied;
    expect(applied).toMatchObject({
      rows: 30,
      created: 30,
      departmentsCreated: 2,
      invitations: 30,
      problemCount: 0,
    });
    const after = await counts(team.org.id);
    expect(after.people - before.people).toBe(30);
    expect(after.departments - before.departments).toBe(2);
    expect(after.imports - before.imports).toBe(1);
    // 30 people created + one record of the import.
    expect(after.audits - before.audits).toBe(31);

    const page = (await admin.get(`/api/people?q=${encodeURIComponent(`@${d}`)}&pageSize=100`).expect(200))
      .body as PersonPage;
    expect(page.total).toBe(30);
    const p2 = page.items.find((p) => p.email === `p2@${d}`)!;
    expect(p2).toMatchObject({
      name: 'Person 2',
      department: { name: 'Research' },
      manager: { name: 'Person 1' },
      role: 'employee',
      status: 'invited',
      jobTitle: 'Analyst',
      startDate: '2026-03-01',
    });
    // The invitations are queued as a job in the import's transaction; the worker writes the emails.
    const emails = async () =>
      (
        await ctx.dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM outbound_email WHERE to_address LIKE $1`,
          [`%@${d}`],
        )
      )[0]!.n;
    expect(await emails()).toBe(0);
    const jobs = ctx.app.get(JobQueue);
    expect(await jobs.waiting(INVITE_PEOPLE_JOB)).toBe(1);
    expect(await jobs.runDue(INVITE_PEOPLE_JOB)).toEqual({ completed: 1, failed: 0 });
    expect(await emails()).toBe(30);
    // Run again (as after a worker stopped before recording the job done): nobody gets a second email.
    await jobs.sendMany(INVITE_PEOPLE_JOB, [
      { organisationId: team.org.id, userIds: page.items.map((p) => p.id), actorId: null },
    ]);
    expect(await jobs.runDue(INVITE_PEOPLE_JOB)).toEqual({ completed: 1, failed: 0 });
    expect(await emails()).toBe(30);
    expect(await jobs.waiting(EMAIL_SEND_JOB)).toBe(1);

    const result = await admin.get(`/api/people/imports/${applied.importId}/result`).expect(200);
    expect(result.headers['content-type']).toMatch(/^text\/csv/);
    expect(result.text.split(/\r?\n/)[0]).toBe('line,email,outcome');
    expect(result.text).toContain(`2,p1@${d},created`);
    await ctx
      .login(other.admin)
      .then((c) => c.get(`/api/people/imports/${applied.importId}/result`).expect(404));

    // The same file again changes nothing; a changed line is an update, audited with before/after.
    const again = (await upload('apply', staff(d, 30)).expect(200)).body as ImportApplied;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 30 });
    const changed = staff(d, 30).replace(`p5@${d},Person 5,Field Ops`, `p5@${d},Person Five,Research`);
    const third = (await upload('apply', changed).expect(200)).body as ImportApplied;
    expect(third).toMatchObject({ created: 0, updated: 1, unchanged: 29 });
    const [event] = await ctx.dataSource.query<{ details: Record<string, Record<string, unknown>> }[]>(
      `SELECT details FROM audit_event WHERE action = 'person.updated' AND subject_id = (SELECT id FROM app_user WHERE email = $1)`,
      [`p5@${d}`],
    );
    expect(event!.details.before).toMatchObject({ name: 'Person 5' });
    expect(event!.details.after).toMatchObject({ name: 'Person Five' });
  });

  it('creates reports listed before their managers, and managers who are already in the organisation', async () => {
    const d = domain();
    const existing = await ctx.newUser({ organisationId: team.org.id, role: 'employee' });
    // A chain of four new people, each line's manager further down the file, topped by an existing person.
    const csv = [
      HEADER,
      `d@${d},D,,,c@${d},,,`,
      `c@${d},C,,,b@${d},,,`,
      `b@${d},B,,,a@${d},,,`,
      `a@${d},A,,,${existing.email},,,`,
    ].join('\r\n');
    await upload('apply', csv).expect(200);
    const managers = await ctx.dataSource.query<{ email: string; manager: string }[]>(
      `SELECT u.email, m.email AS manager FROM app_user u JOIN app_user m ON m.id = u.manager_id
        WHERE u.organisation_id = $1 AND u.email LIKE $2 ORDER BY u.email`,
      [team.org.id, `%@${d}`],
    );
    expect(managers).toEqual([
      { email: `a@${d}`, manager: existing.email },
      { email: `b@${d}`, manager: `a@${d}` },
      { email: `c@${d}`, manager: `b@${d}` },
      { email: `d@${d}`, manager: `c@${d}` },
    ]);
  });

  it('deactivates people missing from the file only when asked, and never the importer', async () => {
    const org = await ctx.newTeam('Leavers');
    const a = await ctx.login(org.admin);
    const csv = [
      HEADER,
      `${org.admin.email},Admin,,admin,,,,`,
      `${org.officer.email},Officer,,officer,,,,`,
    ].join('\n');
    const kept = (await upload('preview', csv, '', a).expect(200)).body as ImportSummary;
    expect(kept.deactivated).toBe(0);
    const applied = (await upload('apply', csv, '?deactivateMissing=true', a).expect(200))
      .body as ImportApplied;
    expect(applied.deactivated).toBe(1); // the employee
    const [row] = await ctx.dataSource.query<{ active: boolean }[]>(
      `SELECT active FROM app_user WHERE id = $1`,
      [org.employee.id],
    );
    expect(row!.active).toBe(false);

    const withoutMe = [HEADER, `${org.officer.email},Officer,,officer,,,,`].join('\n');
    const refused = (await upload('preview', withoutMe, '?deactivateMissing=true', a).expect(200))
      .body as ImportSummary;
    expect(refused.problems.map((p) => p.message).join(' ')).toMatch(/deactivate you/);
  });

  it('rolls back everything when a write fails part-way', async () => {
    const d = domain();
    const before = await counts(team.org.id);
    // A trigger that fails on the 20th new person of this batch, after departments and 19 people.
    await ctx.dataSource.query(`
      CREATE FUNCTION fail_import() RETURNS trigger AS $$
      BEGIN IF NEW.email = 'p20@${d}' THEN RAISE EXCEPTION 'disk on fire'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await ctx.dataSource.query(
      `CREATE TRIGGER fail_import BEFORE INSERT ON app_user FOR EACH ROW EXECUTE FUNCTION fail_import()`,
    );
    try {
      await upload('apply', staff(d, 30)).expect(500);
    } finally {
      await ctx.dataSource.query(`DROP TRIGGER fail_import ON app_user; DROP FUNCTION fail_import()`);
    }
    expect(await counts(team.org.id)).toEqual(before);
  });

  it('refuses files it cannot read, naming the file, and is for administrators only', async () => {
    expect((await upload('preview', 'mail,fullname\nx,y').expect(422)).body).toMatchObject({
      code: 'import_unreadable',
      details: [{ field: 'file', message: expect.stringContaining('"mail"') }],
    });
    expect((await upload('preview', '').expect(422)).body).toMatchObject({ code: 'import_unreadable' });
    expect((await upload('preview', `${HEADER}\n"unterminated,quote`).expect(422)).body).toMatchObject({
      code: 'import_unreadable',
    });
    expect((await admin.post('/api/people/import/preview').expect(422)).body).toMatchObject({
      code: 'file_missing',
    });
    expect((await upload('preview', HEADER, '?deactivateMissing=maybe').expect(400)).body).toMatchObject({
      details: [expect.objectContaining({ field: 'deactivateMissing' })],
    });
    await upload('preview', staff(domain(), 2), '', officer).expect(403);
    const template = await admin.get('/api/people/import/template').expect(200);
    expect(template.text.split('\r\n')[0]).toBe(
      'email,name,department,role,manager email,sensitivity tier,job title,start date',
    );
    // The template itself previews cleanly.
    expect((await upload('preview', template.text).expect(200)).body).toMatchObject({
      problemCount: 1, // its example manager is not in the organisation
      created: 1,
    });
  });
});
