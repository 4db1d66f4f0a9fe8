import type { AuditEventView } from '@countersign/contracts/audit';
import {
  PROGRESS_CSV_COLUMNS,
  progressCsvCells,
  type ProgressPage,
  type ProgressRow,
} from '@countersign/contracts/progress';
import { parse } from 'csv-parse/sync';
import { PDFParse } from 'pdf-parse';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type request from 'supertest';
import { TEST_PASSWORD, TestContext, type Client, type TestUser } from './test-app.js';

/*
 * The CSV export of the officer's people list must be the list: the same rows in the same order
 * as every page of GET /api/progress put together, for each filter and sort, with names that
 * CSV and spreadsheets find hard (commas, quotes, line breaks, a leading =, +, -, @ or tab).
 *
 * Organisation "Export": departments Ops and Lab, people with hard names, three modules, due dates
 * in the past and the future, completions (score, version) on time and late, a leaver and a
 * superseded earlier cycle (history: never in the list). Organisation "Rival" has people with the
 * same names whose rows must never appear.
 */
const HARD_NAMES = [
  'Smith, Jane',
  'Dara "DJ" O\'Neil',
  'Line\nBreak',
  '=HYPERLINK("http://evil.example","x")',
  '+44 Caller',
  '-2+3 Minus',
  '@SUM(A1) At',
  '\tTab Lead',
  'Zoë Ünïcode',
];

/** A spreadsheet formula would start with one of these: the export puts a ' before it. */
const defused = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/** The body as bytes (supertest would decode it and hide the BOM). */
const bytes = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * Completes an assignment as the learning service records it: a passed attempt of the published
 * version (finished at `completedAt`), its completion, and the assignment's status and time.
 */
async function completeAssignment(
  ctx: TestContext,
  assignmentId: string,
  completedAt: string,
  score: number,
) {
  await ctx.dataSource.query(
    `WITH a AS (SELECT * FROM assignment WHERE id = $1),
          v AS (SELECT v.* FROM module_version v JOIN a ON v.module_id = a.module_id AND v.status = 'published'),
          t AS (
            INSERT INTO attempt (organisation_id, assignment_id, user_id, module_version_id, status, current_step_id,
                                 choices_made, scenario_outcome, quiz_round, last_score, progress_percent, started_at, finished_at)
            SELECT a.organisation_id, a.id, a.user_id, v.id, 'passed', v.content->'scenario'->>'start', 4, 'safe', 1, $3, 100,
                   $2::timestamptz - interval '20 minutes', $2::timestamptz
              FROM a, v RETURNING *)
     INSERT INTO completion (organisation_id, assignment_id, user_id, module_id, module_version_id, attempt_id, score, passed, completed_at)
     SELECT t.organisation_id, t.assignment_id, t.user_id, a.module_id, t.module_version_id, t.id, $3, true, $2::timestamptz
       FROM t, a`,
    [assignmentId, completedAt, score],
  );
  await ctx.dataSource.query(`UPDATE assignment SET status = 'completed', completed_at = $2 WHERE id = $1`, [
    assignmentId,
    completedAt,
  ]);
}

describe('progress export (CSV)', () => {
  let ctx: TestContext;
  let officer: Client;
  let employee: Client;
  let rivalOfficer: Client;
  let orgId: string;
  const depts = {} as Record<'ops' | 'lab', { id: string; name: string }>;
  let modules: string[];
  const rivalEmails = new Set<string>();

  const complete = (assignmentId: string, completedAt: string, score: number) =>
    completeAssignment(ctx, assignmentId, completedAt, score);

  beforeAll(async () => {
    ctx = await TestContext.create();
    const org = await ctx.newOrganisation('Export');
    orgId = org.id;
    depts.ops = await ctx.newDepartment(org.id, 'Ops, Field & "Special"');
    depts.lab = await ctx.newDepartment(org.id, 'Lab');
    modules = (await ctx.moduleIds(org.id)).slice(0, 3);
    expect(modules).toHaveLength(3);

    const people: TestUser[] = [];
    for (const [i, name] of [...HARD_NAMES, 'Ann Plain', 'Bob Plain', 'Cy Nodept'].entries()) {
      const departmentId = name === 'Cy Nodept' ? null : i % 2 ? depts.lab.id : depts.ops.id;
      people.push(await ctx.newUser({ organisationId: org.id, name, departmentId }));
    }
    const dues = ['2020-01-10', '2099-06-01', '2021-05-05', '2099-01-01', '2021-01-20'];
    let n = 0;
    for (const [i, person] of people.entries()) {
      for (const moduleId of modules.slice(0, 1 + (i % 3))) {
        const id = await ctx.assign(person, moduleId, dues[n % dues.length]);
        if (n % 4 === 0) await complete(id, `2021-0${1 + (n % 9)}-15T09:30:00.123Z`, 80 + (n % 21));
        else if (n % 4 === 1)
          await ctx.dataSource.query(`UPDATE assignment SET status = 'in-progress' WHERE id = $1`, [id]);
        n++;
      }
    }
    // An earlier, superseded cycle: history, never a row of the list.
    const first = people[9]!;
    await ctx.dataSource.query(
      `UPDATE assignment SET superseded_at = now() - interval '1 day' WHERE user_id = $1 AND module_id = $2`,
      [first.id, modules[0]],
    );
    await ctx.dataSource.query(
      `INSERT INTO assignment (organisation_id, user_id, module_id, due_date, cycle) VALUES ($1, $2, $3, '2098-01-01', 2)`,
      [org.id, first.id, modules[0]],
    );
    // A leaver, listed only with leavers=show.
    const leaver = await ctx.newUser({
      organisationId: org.id,
      name: 'Lee, Leaver',
      departmentId: depts.ops.id,
    });
    await ctx.assign(leaver, modules[1]!, '2020-02-02');
    await ctx.dataSource.query(`UPDATE app_user SET active = false WHERE id = $1`, [leaver.id]);

    officer = await ctx.login(await ctx.newUser({ organisationId: org.id, role: 'officer' }));
    employee = await ctx.login(people[10]!);

    const rival = await ctx.newTeam('Rival');
    const [rivalModule] = await ctx.moduleIds(rival.org.id);
    for (const name of ['Smith, Jane', 'Ann Plain', 'Lee, Leaver']) {
      const person = await ctx.newUser({
        organisationId: rival.org.id,
        name,
        departmentId: rival.department.id,
      });
      rivalEmails.add(person.email);
      await ctx.assign(person, rivalModule!, '2020-01-10');
    }
    rivalOfficer = await ctx.login(rival.officer);
  });
  afterAll(() => ctx.close());

  async function exportCsv(client: Client, query: string) {
    const res = await client.get(`/api/progress/export.csv?${query}`).buffer(true).parse(bytes).expect(200);
    const body = res.body as Buffer;
    return { res, body, records: parse(body, { bom: true }) as string[][] };
  }

  /** Every page of the on-screen list (small pages, so there are several), concatenated. */
  async function screen(client: Client, query: string): Promise<ProgressRow[]> {
    const rows: ProgressRow[] = [];
    for (let page = 1; ; page++) {
      const res = await client.get(`/api/progress?${query}&pageSize=4&page=${page}`).expect(200);
      const body = res.body as ProgressPage;
      rows.push(...body.items);
      if (body.items.length < 4) return rows;
      expect(page).toBeLessThan(100);
    }
  }

  const asCells = (rows: ProgressRow[]) =>
    rows.map((row) => progressCsvCells(row).map((cell) => defused(String(cell))));

  it.each([
    ['the default list (due date)', ''],
    ['sorted by name', 'sort=name'],
    ['sorted by completion date', 'sort=completedAt'],
    ['overdue only', 'status=overdue'],
    ['overdue by name, leavers shown', 'status=overdue&sort=name&leavers=show'],
    ['completed, sorted by completion date', 'status=completed&sort=completedAt'],
    ['in progress', 'status=in-progress'],
    ['one department', 'DEPT'],
    ['one module by name', 'MODULE&sort=name'],
    ['a search for a comma', 'q=%2C'],
    ['a search for "plain"', 'q=plain&sort=completedAt'],
    ['leavers shown', 'leavers=show'],
    ['leavers shown, by completion date', 'leavers=show&sort=completedAt'],
  ])('equals every page of the list: %s', async (_name, raw) => {
    const query = raw
      .replace('DEPT', `departmentId=${depts.ops.id}`)
      .replace('MODULE', `moduleId=${modules[1]}`);
    const expected = asCells(await screen(officer, query));
    const { records } = await exportCsv(officer, query);
    expect(records[0]).toEqual([...PROGRESS_CSV_COLUMNS]);
    expect(records.slice(1)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('has the rows it is about: several pages, the leaver only on request, no superseded cycle', async () => {
    const all = await screen(officer, 'leavers=show');
    expect(all.length).toBeGreaterThan(12);
    expect(all.some((r) => r.user.deactivated)).toBe(true);
    expect((await screen(officer, '')).some((r) => r.user.deactivated)).toBe(false);
    expect(all.every((r) => r.current)).toBe(true);
    expect(all.filter((r) => r.overdue).length).toBeGreaterThan(2);
    expect(all.filter((r) => r.status === 'completed').length).toBeGreaterThan(2);
  });

  it('keeps hard names whole and defuses formulas; UTF-8 with a BOM; CRLF lines; a dated attachment', async () => {
    const { res, body, records } = await exportCsv(officer, 'sort=name&leavers=show');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="progress-${new Date().toISOString().slice(0, 10)}.csv"`,
    );
    expect(res.headers['cache-control']).toContain('no-store');
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(
      body
        .subarray(3)
        .toString('utf8')
        .startsWith(`${PROGRESS_CSV_COLUMNS.join(',')}\r\n`),
    ).toBe(true);
    expect(body.toString('utf8')).toContain('\r\n');

    const names = new Set(records.slice(1).map((r) => r[0]));
    expect(names).toEqual(
      new Set([
        'Smith, Jane',
        'Dara "DJ" O\'Neil',
        'Line\nBreak',
        `'=HYPERLINK("http://evil.example","x")`,
        "'+44 Caller",
        "'-2+3 Minus",
        "'@SUM(A1) At",
        "'\tTab Lead",
        'Zoë Ünïcode',
        'Ann Plain',
        'Bob Plain',
        'Cy Nodept',
        'Lee, Leaver',
      ]),
    );
    // Quoting as RFC 4180 says, on the wire.
    const text = body.toString('utf8');
    expect(text).toContain('"Smith, Jane"');
    expect(text).toContain('"Dara ""DJ"" O\'Neil"');
    expect(text).toContain('"Line\nBreak"');
    expect(text).toContain('"Ops, Field & ""Special"""');
    // The leaver's row says so; the department of someone without one is empty.
    const leaver = records.find((r) => r[0] === 'Lee, Leaver')!;
    expect(leaver.slice(2, 9)).toEqual([
      'Yes',
      'Ops, Field & "Special"',
      leaver[4],
      '1',
      'Not started',
      'Yes',
      '2020-02-02',
    ]);
    expect(records.find((r) => r[0] === 'Cy Nodept')![3]).toBe('');
  });

  it('writes a completed row as the table shows it: late or on time, score and version', async () => {
    const { records } = await exportCsv(officer, 'status=completed&sort=completedAt');
    const column = (name: (typeof PROGRESS_CSV_COLUMNS)[number]) => PROGRESS_CSV_COLUMNS.indexOf(name);
    expect(records.length).toBeGreaterThan(2);
    for (const row of records.slice(1)) {
      expect(row[column('Status')]).toMatch(/^Completed( late)?$/);
      expect(row[column('Completed at (UTC)')]).toMatch(/^2021-0\d-15T09:30:00\.123Z$/);
      expect(Number(row[column('Score (%)')])).toBeGreaterThanOrEqual(80);
      expect(row[column('Version')]).toBe('1');
      const late = Number(row[column('Days late')]);
      expect(row[column('Status')] === 'Completed late').toBe(late > 0);
      const due = Date.parse(row[column('Due date')]!);
      const done = Date.parse(row[column('Completed at (UTC)')]!.slice(0, 10));
      expect(late).toBe(Math.max(0, (done - due) / 86_400_000));
    }
    // Both kinds are there: completed late (due 2020/2021) and on time (due 2099).
    expect(new Set(records.slice(1).map((r) => r[column('Status')]))).toEqual(
      new Set(['Completed', 'Completed late']),
    );
  });

  it("never shows another organisation's rows", async () => {
    const ours = await exportCsv(officer, 'leavers=show');
    const emails = ours.records.slice(1).map((r) => r[1]);
    expect(emails.filter((e) => rivalEmails.has(e!))).toEqual([]);
    const theirs = await exportCsv(rivalOfficer, 'leavers=show');
    expect(new Set(theirs.records.slice(1).map((r) => r[1]))).toEqual(rivalEmails);
    // Our department's id in their export filters to nothing (as in their list).
    const foreign = await exportCsv(rivalOfficer, `departmentId=${depts.ops.id}`);
    expect(foreign.records).toEqual([[...PROGRESS_CSV_COLUMNS]]);
  });

  it('needs progress:read', async () => {
    await employee.get('/api/progress/export.csv').expect(403);
    await ctx.http().get('/api/progress/export.csv').expect(401);
  });

  it.each([
    ['status=bogus', 'status'],
    ['sort=size', 'sort'],
    ['departmentId=not-a-uuid', 'departmentId'],
    ['leavers=maybe', 'leavers'],
    [`q=${'x'.repeat(101)}`, 'q'],
  ])('answers a bad query (%s) with 400 naming the field', async (query, field) => {
    const res = await officer.get(`/api/progress/export.csv?${query}`).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'validation_failed' });
    expect((res.body.details as { field: string }[]).map((d) => d.field)).toEqual([field]);
  });

  it('ignores paging: a link made from the list query string exports every page', async () => {
    const all = await exportCsv(officer, 'sort=name');
    const paged = await exportCsv(officer, 'sort=name&page=3&pageSize=2');
    expect(paged.records).toEqual(all.records);
  });

  it('records the export in the audit log with its filters, before the file is streamed', async () => {
    const before = await ctx.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_event WHERE organisation_id = $1 AND action = 'progress.exported'`,
      [orgId],
    );
    await exportCsv(officer, `status=overdue&departmentId=${depts.lab.id}&q=plain&sort=name`);
    const events = await ctx.dataSource.query<
      (Pick<AuditEventView, 'action' | 'subjectType' | 'details'> & { actor_id: string; subject_id: null })[]
    >(
      `SELECT action, subject_type AS "subjectType", subject_id, actor_id, details FROM audit_event
        WHERE organisation_id = $1 AND action = 'progress.exported' ORDER BY id`,
      [orgId],
    );
    expect(events).toHaveLength(before[0]!.n + 1);
    expect(events.at(-1)).toEqual({
      action: 'progress.exported',
      subjectType: 'progress_report',
      subject_id: null,
      actor_id: officer.user.id,
      details: {
        format: 'csv',
        filters: {
          status: 'overdue',
          departmentId: depts.lab.id,
          moduleId: null,
          q: 'plain',
          sort: 'name',
          leavers: 'hide',
        },
      },
    });
    // A refused export is not recorded.
    await officer.get('/api/progress/export.csv?status=bogus').expect(400);
    const after = await ctx.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_event WHERE organisation_id = $1 AND action = 'progress.exported'`,
      [orgId],
    );
    expect(after[0]!.n).toBe(events.length);
  });

  it('gives the connection back to the pool after exports, finished or abandoned', async () => {
    // 4,000 people × 3 modules in an organisation of their own: far more than socket buffers hold.
    const bulk = await ctx.newOrganisation('Bulk');
    const bulkModules = (await ctx.moduleIds(bulk.id)).slice(0, 3);
    await ctx.dataSource.query(
      `INSERT INTO app_user (organisation_id, email, name, role)
       SELECT $1, 'bulk' || i || '@example.test', 'Bulk Person ' || i, 'employee' FROM generate_series(1, 4000) i`,
      [bulk.id],
    );
    await ctx.dataSource.query(
      `INSERT INTO assignment (organisation_id, user_id, module_id, due_date)
       SELECT $1, u.id, m, DATE '2025-01-01' + (random() * 900)::int FROM app_user u, unnest($2::uuid[]) m
        WHERE u.organisation_id = $1`,
      [bulk.id, bulkModules],
    );
    const bulkOfficer = await ctx.newUser({ organisationId: bulk.id, role: 'officer' });
    const client = await ctx.login(bulkOfficer);
    const full = await exportCsv(client, '');
    expect(full.records).toHaveLength(12_001);

    const pool = (ctx.dataSource.driver as unknown as { master: { totalCount: number; idleCount: number } })
      .master;
    const server = ctx.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: bulkOfficer.email, password: TEST_PASSWORD }),
      });
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      for (let i = 0; i < 3; i++) {
        // A client that goes away after the first bytes, while the server still has rows to send.
        await new Promise<void>((resolve, reject) => {
          const req = http.get(
            `http://127.0.0.1:${port}/api/progress/export.csv`,
            { headers: { cookie } },
            (res) => {
              expect(res.statusCode).toBe(200);
              res.once('data', () => {
                req.destroy();
                resolve();
              });
            },
          );
          req.on('error', (error) => (req.destroyed ? resolve() : reject(error)));
        });
      }
      // The cursor is closed and its connection discarded or idle: nothing still runs the export.
      for (let i = 0; i < 50 && pool.totalCount - pool.idleCount > 0; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(pool.totalCount - pool.idleCount).toBe(0);
      const running = await ctx.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'`,
      );
      expect(running[0]!.n).toBe(0);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    // And exports still work.
    expect((await exportCsv(client, 'sort=name')).records).toHaveLength(12_001);
  });
});

/*
 * The compliance report (PDF) as of a day in the past and as of today, from explicit records
 * (dates relative to today): creation, completion, supersession and deactivation times decide
 * who was required, who had completed and who was overdue on each day.
 */
describe('compliance report (PDF)', () => {
  let ctx: TestContext;
  let officer: Client;
  let employee: Client;
  let rivalOfficer: Client;
  let orgId: string;
  let ops: { id: string; name: string };
  let rivalDept: { id: string; name: string };
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const PAST = day(-200);

  async function person(name: string, departmentId: string | null) {
    return ctx.newUser({ organisationId: orgId, name, departmentId });
  }
  async function assign(user: TestUser, moduleId: string, created: string, due: string, cycle = 1) {
    const [row] = await ctx.dataSource.query<{ id: string }[]>(
      `INSERT INTO assignment (organisation_id, user_id, module_id, due_date, created_at, cycle)
       VALUES ($1, $2, $3, $4, $5::date + time '08:00', $6) RETURNING id`,
      [user.organisationId, user.id, moduleId, due, created, cycle],
    );
    return row!.id;
  }
  const complete = (assignmentId: string, on: string, score: number) =>
    completeAssignment(ctx, assignmentId, `${on}T10:00:00Z`, score);

  beforeAll(async () => {
    ctx = await TestContext.create();
    const org = await ctx.newOrganisation('Comply Ltd');
    orgId = org.id;
    ops = await ctx.newDepartment(org.id, 'Operations');
    const lab = await ctx.newDepartment(org.id, 'Lab');
    const [m1] = await ctx.moduleIds(org.id);

    const alice = await person('Alice Ontime', ops.id);
    await complete(await assign(alice, m1!, day(-300), day(-250)), day(-260), 95);
    const bob = await person('Bob Late', ops.id);
    await complete(await assign(bob, m1!, day(-300), day(-250)), day(-100), 85);
    const cara = await person('Cara Waiting', ops.id);
    await assign(cara, m1!, day(-300), day(-150));
    const dan = await person('Dan Newcomer', ops.id);
    await assign(dan, m1!, day(-100), day(30));
    const eve = await person('Eve Leaver', ops.id);
    await assign(eve, m1!, day(-300), day(-250));
    await ctx.dataSource.query(`UPDATE app_user SET active = false WHERE id = $1`, [eve.id]);
    await ctx.dataSource.query(
      `INSERT INTO audit_event (organisation_id, action, subject_type, subject_id, at)
       VALUES ($1, 'person.deactivated', 'person', $2, $3::date + time '12:00')`,
      [org.id, eve.id, day(-50)],
    );
    // Finn: cycle 1 completed long ago and superseded; cycle 2 open, not yet due.
    const finn = await person('Finn Refresh', ops.id);
    const cycle1 = await assign(finn, m1!, day(-300), day(-250));
    await complete(cycle1, day(-280), 90);
    await ctx.dataSource.query(
      `UPDATE assignment SET superseded_at = $2::date + time '07:00' WHERE id = $1`,
      [cycle1, day(-120)],
    );
    await assign(finn, m1!, day(-120), day(60), 2);
    const gus = await person('Gus Labrat', lab.id);
    await assign(gus, m1!, day(-300), day(-250));

    officer = await ctx.login(
      await ctx.newUser({ organisationId: org.id, role: 'officer', name: 'Olive Officer' }),
    );
    employee = await ctx.login(alice);
    const rival = await ctx.newTeam('Rival');
    rivalDept = rival.department;
    const [rm] = await ctx.moduleIds(rival.org.id);
    const rivalPerson = await ctx.newUser({
      organisationId: rival.org.id,
      name: 'Rita Rival',
      departmentId: rival.department.id,
    });
    await assign(rivalPerson, rm!, day(-300), day(-250));
    rivalOfficer = await ctx.login(rival.officer);
  });
  afterAll(() => ctx.close());

  async function report(client: Client, query: string) {
    const res = await client
      .get(`/api/progress/compliance-report.pdf?${query}`)
      .buffer(true)
      .parse(bytes)
      .expect(200);
    const parser = new PDFParse({ data: new Uint8Array(res.body as Buffer) });
    try {
      const text = await parser.getText();
      return { res, text: text.text, pages: text.pages.map((p) => p.text) };
    } finally {
      await parser.destroy();
    }
  }

  /** The status on the line that names the person, or undefined when they are not listed. */
  function statusOf(text: string, name: string): string | undefined {
    const line = text.split('\n').find((l) => l.includes(name));
    if (!line) return undefined;
    return (
      /(Completed late|Completed|Overdue|Not yet due)/.exec(line.slice(line.indexOf(name)))?.[1] ??
      'no status'
    );
  }

  it('as of a day in the past: who was required, completed and overdue then', async () => {
    const { res, text } = await report(officer, `departmentId=${ops.id}&date=${PAST}`);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="compliance-${PAST}-Operations.pdf"`,
    );
    expect(text).toContain('Training compliance report');
    expect(text).toContain('Comply Ltd');
    expect(text).toContain('Operations');
    expect(text).toContain(PAST);
    expect(text).toContain('Olive Officer');
    expect({
      alice: statusOf(text, 'Alice Ontime'),
      bob: statusOf(text, 'Bob Late'),
      cara: statusOf(text, 'Cara Waiting'),
      dan: statusOf(text, 'Dan Newcomer'),
      eve: statusOf(text, 'Eve Leaver'),
      finn: statusOf(text, 'Finn Refresh'),
      gus: statusOf(text, 'Gus Labrat'),
    }).toEqual({
      alice: 'Completed',
      bob: 'Overdue', // completed only later
      cara: 'Not yet due',
      dan: undefined, // assigned later
      eve: 'Overdue', // still on staff then
      finn: 'Completed', // cycle 1 was the current one then
      gus: undefined, // another department
    });
    expect(text).toMatch(/Overdue \(2\)/);
    expect(text).toMatch(/Completed \(2\)/);
    expect(text).toMatch(/Required, not yet due \(1\)/);
    expect(text).toContain('v1');
    expect(text).toContain('95%');
  });

  it('as of today: the same people as the records stand now', async () => {
    const { text } = await report(officer, `departmentId=${ops.id}`);
    expect(text).toContain(day(0));
    expect({
      alice: statusOf(text, 'Alice Ontime'),
      bob: statusOf(text, 'Bob Late'),
      cara: statusOf(text, 'Cara Waiting'),
      dan: statusOf(text, 'Dan Newcomer'),
      eve: statusOf(text, 'Eve Leaver'),
      finn: statusOf(text, 'Finn Refresh'),
    }).toEqual({
      alice: 'Completed',
      bob: 'Completed late',
      cara: 'Overdue',
      dan: 'Not yet due',
      eve: undefined, // deactivated since
      finn: 'Not yet due', // cycle 2
    });
  });

  it('covers the whole organisation without a department, never another organisation', async () => {
    const { text } = await report(officer, `date=${PAST}`);
    expect(text).toContain('Whole organisation');
    expect(statusOf(text, 'Gus Labrat')).toBe('Overdue');
    expect(text).not.toContain('Rita Rival');
    const theirs = await report(rivalOfficer, '');
    expect(theirs.text).toContain('Rita Rival');
    expect(theirs.text).not.toContain('Alice Ontime');
    // Another organisation's department is not found.
    const res = await rivalOfficer
      .get(`/api/progress/compliance-report.pdf?departmentId=${ops.id}`)
      .expect(404);
    expect(res.body).toMatchObject({ code: 'not_found' });
    await officer.get(`/api/progress/compliance-report.pdf?departmentId=${rivalDept.id}`).expect(404);
  });

  it('records the report in the audit log with the figures', async () => {
    await report(officer, `departmentId=${ops.id}&date=${PAST}`);
    const [event] = await ctx.dataSource.query<
      { action: string; subject_type: string; actor_id: string; details: object }[]
    >(
      `SELECT action, subject_type, actor_id, details FROM audit_event
        WHERE organisation_id = $1 AND action = 'compliance.report-exported' ORDER BY id DESC LIMIT 1`,
      [orgId],
    );
    expect(event).toEqual({
      action: 'compliance.report-exported',
      subject_type: 'progress_report',
      actor_id: officer.user.id,
      details: { format: 'pdf', departmentId: ops.id, date: PAST, required: 5, completed: 2, overdue: 2 },
    });
  });

  it.each([
    ['date=2999-01-01', 'date'],
    ['date=31-12-2025', 'date'],
    ['departmentId=nope', 'departmentId'],
  ])('answers %s with 400 naming the field', async (query, field) => {
    const res = await officer.get(`/api/progress/compliance-report.pdf?${query}`).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'validation_failed' });
    expect((res.body.details as { field: string }[]).map((d) => d.field)).toEqual([field]);
  });

  it('needs progress:read', async () => {
    await employee.get('/api/progress/compliance-report.pdf').expect(403);
    await ctx.http().get('/api/progress/compliance-report.pdf').expect(401);
  });

  it('gives its connection back to the pool after a report, a refusal and an empty report', async () => {
    await report(officer, `departmentId=${ops.id}`);
    await rivalOfficer.get(`/api/progress/compliance-report.pdf?departmentId=${ops.id}`).expect(404);
    const empty = await report(officer, `date=${day(-400)}`); // before anyone was assigned anything
    expect(empty.text).toContain('Nobody was required to complete training on that day.');
    const pool = (ctx.dataSource.driver as unknown as { master: { totalCount: number; idleCount: number } })
      .master;
    for (let i = 0; i < 50 && pool.totalCount - pool.idleCount > 0; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });

  it('breaks pages cleanly: the table header and "Page n of N" on every page, every row once', async () => {
    const big = await ctx.newOrganisation('Big Org');
    const [bm] = await ctx.moduleIds(big.id);
    await ctx.dataSource.query(
      `INSERT INTO app_user (organisation_id, email, name, role)
       SELECT $1, 'big' || i || '@example.test', 'Big Person ' || lpad(i::text, 3, '0'), 'employee' FROM generate_series(1, 130) i`,
      [big.id],
    );
    await ctx.dataSource.query(
      `INSERT INTO assignment (organisation_id, user_id, module_id, due_date, created_at)
       SELECT $1, id, $2, CASE WHEN email < 'big5' THEN current_date - 10 ELSE current_date + 10 END, now() - interval '30 days'
         FROM app_user WHERE organisation_id = $1`,
      [big.id, bm],
    );
    const bigOfficer = await ctx.login(await ctx.newUser({ organisationId: big.id, role: 'officer' }));
    const { pages } = await report(bigOfficer, '');
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toMatch(/Person\s+Email\s+Department\s+Module\s+Due\s+Status/);
    });
    const listed = pages.join('\n').match(/Big Person \d{3}/g) ?? [];
    expect(listed).toHaveLength(130);
    expect(new Set(listed).size).toBe(130);
  });
});
