import { createHash, randomBytes } from 'node:crypto';
import {
  DEFAULT_CORPUS,
  DEFAULT_RULES,
  evaluateCorpus,
  HOLDOUT_MESSAGES,
  QUESTIONS,
  type CheckResult,
  type RuleSet,
} from '@countersign/approach-checker';
import type {
  ApproachStats,
  AttachmentView,
  MyReportView,
  ReportExport,
  ReportNote,
  TriageListItem,
  TriageReportView,
} from '@countersign/contracts/approaches';
import type { AuditEventView } from '@countersign/contracts/audit';
import type { Page } from '@countersign/contracts/common';
import type { NotificationList } from '@countersign/contracts/notifications';
import { type Client, TestContext, type TestUser } from './test-app.js';

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const HIGH_MESSAGE =
  'Hi, we would cover your flights and hotel. Let us continue on WhatsApp, and please keep this between us.';
const LOW_MESSAGE = 'Hello, thanks for the coffee yesterday.';

describe('approaches: check, report, triage', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());

  /** A team with signed-in clients, and a second employee in the same organisation. */
  async function setUp() {
    const team = await ctx.newTeam();
    const colleague = await ctx.newUser({ organisationId: team.org.id, departmentId: team.department.id });
    const [employee, officer, admin, other] = await Promise.all(
      [team.employee, team.officer, team.admin, colleague].map((u) => ctx.login(u)),
    );
    return {
      ...team,
      colleague,
      as: { employee: employee!, officer: officer!, admin: admin!, colleague: other! },
    };
  }

  const key = () => `key-${randomBytes(8).toString('hex')}`;

  async function report(client: Client, overrides: Record<string, unknown> = {}): Promise<MyReportView> {
    const res = await client.post('/api/approaches/reports', {
      platform: 'LinkedIn',
      replied: false,
      messageText: HIGH_MESSAGE,
      idempotencyKey: key(),
      ...overrides,
    });
    expect({ status: res.status, body: res.status === 201 ? 'ok' : res.body }).toEqual({
      status: 201,
      body: 'ok',
    });
    return res.body as MyReportView;
  }

  const upload = (client: Client, reportId: string, data: Buffer, filename: string, contentType: string) =>
    client
      .post(`/api/approaches/reports/${reportId}/attachments`)
      .attach('file', data, { filename, contentType });

  async function auditOf(
    reportId: string,
  ): Promise<{ action: string; actor_id: string | null; details: object }[]> {
    return ctx.dataSource.query(
      `SELECT action, actor_id, details FROM audit_event WHERE subject_id = $1 ORDER BY id`,
      [reportId],
    );
  }

  async function rowCounts(): Promise<Record<string, number>> {
    const tables = await ctx.dataSource.query<{ tablename: string }[]>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { tablename } of tables) {
      const [row] = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM "${tablename}"`);
      counts[tablename] = row.n;
    }
    return counts;
  }

  const errorOf = (res: {
    status: number;
    body: { code?: string; message?: string; details?: unknown };
  }) => ({
    status: res.status,
    code: res.body.code,
  });

  describe('checker', () => {
    it('serves the guided questions', async () => {
      const { as } = await setUp();
      const res = await as.employee.get('/api/approaches/questions').expect(200);
      expect(res.body).toEqual(JSON.parse(JSON.stringify(QUESTIONS)));
    });

    it('checks an approach and stores nothing: no row anywhere, no audit entry', async () => {
      const { as } = await setUp();
      const before = await rowCounts();
      const res = await as.employee
        .post('/api/approaches/check', {
          answers: { 'contact-origin': 'unsolicited', offer: ['travel'] },
          messageText: HIGH_MESSAGE,
        })
        .expect(200);
      const result = res.body as CheckResult;
      expect(result.rating).toBe('high');
      expect(result.flags.map((f) => f.key)).toEqual(
        expect.arrayContaining(['travel-abroad', 'move-off-platform', 'secrecy-request']),
      );
      expect(result.advice.length).toBeGreaterThan(0);
      expect(await rowCounts()).toEqual(before);
    });

    it('catches a paraphrase, not only exact words: "we would cover your flights and hotel" is travel abroad', async () => {
      const { as } = await setUp();
      const res = await as.employee
        .post('/api/approaches/check', { messageText: 'we would cover your flights and hotel' })
        .expect(200);
      const flag = (res.body as CheckResult).flags.find((f) => f.key === 'travel-abroad');
      expect(flag).toBeDefined();
      expect(flag!.evidence[0]).toMatchObject({
        source: 'text',
        excerpt: expect.stringMatching(/cover your flights/),
      });
      expect(flag!.explanation.length).toBeGreaterThan(20);
    });

    it('names the field at fault in bad answers', async () => {
      const { as } = await setUp();
      const res = await as.employee
        .post('/api/approaches/check', { answers: { offer: ['a-castle'] } })
        .expect(400);
      expect(res.body).toMatchObject({ code: 'validation_failed', details: [{ field: 'answers.offer.0' }] });
      const unknown = await as.employee
        .post('/api/approaches/check', { answers: { bogus: 'x' } })
        .expect(400);
      expect(unknown.body.message).toMatch(/answers.*bogus/);
    });
  });

  describe('reporting', () => {
    it('creates a report with a per-organisation reference and a rating the server computed itself', async () => {
      const { as, org } = await setUp();
      const year = new Date().getUTCFullYear();
      const first = await report(as.employee, {
        checkAnswers: { 'money-travel': ['expenses-paid'] },
        messageText: LOW_MESSAGE,
        // Whatever the browser claims is ignored: the server re-runs the check.
        rating: 'low',
        flags: [],
      });
      expect(first).toMatchObject({
        reference: `AR-${year}-0001`,
        status: 'new',
        rating: 'medium',
        outcome: null,
        platform: 'LinkedIn',
        replied: false,
        attachments: [],
        statusHistory: [{ from: null, to: 'new', by: { id: as.employee.user.id } }],
      });
      expect(first.flags.map((f) => f.key)).toEqual(['travel-abroad']);
      expect(first.flags[0]!.evidence[0]).toMatchObject({ source: 'answer', note: expect.any(String) });

      const second = await report(as.colleague);
      expect(second.reference).toBe(`AR-${year}-0002`);
      expect(second.rating).toBe('high');
      // Another organisation counts from 1.
      const other = await setUp();
      expect((await report(other.as.employee)).reference).toBe(`AR-${year}-0001`);

      const [stored] = await ctx.dataSource.query(
        `SELECT check_answers, rules_version FROM approach_report WHERE id = $1 AND organisation_id = $2`,
        [first.id, org.id],
      );
      expect(stored).toEqual({ check_answers: { 'money-travel': ['expenses-paid'] }, rules_version: 1 });
      expect(await auditOf(first.id)).toEqual([
        {
          action: 'report.created',
          actor_id: as.employee.user.id,
          details: expect.objectContaining({ reference: `AR-${year}-0001`, rating: 'medium' }),
        },
      ]);
    });

    it('rates a report from the message alone when there are no answers', async () => {
      const { as } = await setUp();
      const created = await report(as.employee, { messageText: 'we would cover your flights and hotel' });
      expect(created.rating).toBe('medium');
      expect(created.flags.map((f) => f.key)).toEqual(['travel-abroad']);
      const nothing = await report(as.employee, { messageText: undefined, offered: 'A job' });
      expect(nothing).toMatchObject({ rating: 'low', flags: [], messageText: null, offered: 'A job' });
    });

    it('returns the same report for a retried submission, with 200, and never makes a second one', async () => {
      const { as } = await setUp();
      const body = { platform: 'Email', replied: true, messageText: HIGH_MESSAGE, idempotencyKey: key() };
      const first = await as.employee.post('/api/approaches/reports', body).expect(201);
      const retry = await as.employee.post('/api/approaches/reports', body).expect(200);
      expect(retry.body).toEqual(first.body);

      // A burst of the same submission (double click, flaky network) still makes one report.
      const burstKey = key();
      const burst = await Promise.all(
        Array.from({ length: 5 }, () =>
          as.employee.post('/api/approaches/reports', { ...body, idempotencyKey: burstKey }),
        ),
      );
      expect(burst.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
      expect(new Set(burst.map((r) => (r.body as MyReportView).id)).size).toBe(1);

      const [row] = await ctx.dataSource.query(
        `SELECT count(*)::int AS n FROM approach_report WHERE reporter_id = $1`,
        [as.employee.user.id],
      );
      expect(row.n).toBe(2);
      // The key is the reporter's own: a colleague using the same key makes their own report.
      const theirs = await as.colleague.post('/api/approaches/reports', body).expect(201);
      expect(theirs.body.id).not.toBe(first.body.id);
    });

    it('numbers concurrent reports without gaps or duplicates', async () => {
      const { as } = await setUp();
      const year = new Date().getUTCFullYear();
      const made = await Promise.all(Array.from({ length: 8 }, () => report(as.employee)));
      expect(made.map((r) => r.reference).sort()).toEqual(
        Array.from({ length: 8 }, (_, i) => `AR-${year}-${String(i + 1).padStart(4, '0')}`),
      );
    });

    it('names the field at fault and writes nothing on bad input', async () => {
      const { as } = await setUp();
      const before = await rowCounts();
      const cases: [object, number, string][] = [
        [{ replied: false, idempotencyKey: key() }, 400, 'platform'],
        [{ platform: 'Carrier pigeon', replied: false, idempotencyKey: key() }, 400, 'platform'],
        [{ platform: 'LinkedIn', idempotencyKey: key() }, 400, 'replied'],
        [{ platform: 'LinkedIn', replied: false }, 400, 'idempotencyKey'],
        [
          { platform: 'LinkedIn', replied: false, idempotencyKey: key(), profileUrl: 'javascript:alert(1)' },
          400,
          'profileUrl',
        ],
        [
          { platform: 'LinkedIn', replied: false, idempotencyKey: key(), occurredOn: '2026-02-30' },
          400,
          'occurredOn',
        ],
        [
          { platform: 'LinkedIn', replied: false, idempotencyKey: key(), occurredOn: '2999-01-01' },
          422,
          'occurredOn',
        ],
        [
          {
            platform: 'LinkedIn',
            replied: false,
            idempotencyKey: key(),
            checkAnswers: { offer: ['a-castle'] },
          },
          400,
          'checkAnswers.offer.0',
        ],
      ];
      for (const [body, status, field] of cases) {
        const res = await as.employee.post('/api/approaches/reports', body);
        expect({
          status: res.status,
          fields: (res.body.details as { field: string }[]).map((d) => d.field),
        }).toEqual({
          status,
          fields: expect.arrayContaining([field]),
        });
      }
      expect(await rowCounts()).toEqual(before);
    });

    it('lists only the caller’s own reports, and answers 404 for anyone else’s', async () => {
      const { as } = await setUp();
      const mine = await report(as.employee);
      const theirs = await report(as.colleague);
      const list = (await as.employee.get('/api/approaches/reports/mine').expect(200)).body as MyReportView[];
      expect(list.map((r) => r.id)).toEqual([mine.id]);
      expect((await as.employee.get(`/api/approaches/reports/mine/${mine.id}`).expect(200)).body).toEqual(
        mine,
      );
      for (const res of [
        await as.employee.get(`/api/approaches/reports/mine/${theirs.id}`),
        // An officer, too, sees other people's reports only through triage.
        await as.officer.get(`/api/approaches/reports/mine/${theirs.id}`),
      ])
        expect(errorOf(res)).toEqual({ status: 404, code: 'not_found' });
      const other = await setUp();
      expect(errorOf(await other.as.employee.get(`/api/approaches/reports/mine/${mine.id}`))).toEqual({
        status: 404,
        code: 'not_found',
      });
    });
  });

  describe('attachments', () => {
    it('accepts a real PNG, stores its bytes in PostgreSQL, and serves them to the reporter and officers only', async () => {
      const { as } = await setUp();
      const created = await report(as.employee);
      const res = await upload(as.employee, created.id, PNG, 'chat.png', 'image/png').expect(201);
      const attachment = res.body as AttachmentView;
      expect(attachment).toEqual({
        id: expect.any(String),
        fileName: 'chat.png',
        contentType: 'image/png',
        sizeBytes: PNG.length,
        url: `/api/approaches/attachments/${attachment.id}`,
      });
      const [stored] = await ctx.dataSource.query(
        `SELECT a.sha256, c.data FROM approach_attachment a JOIN approach_attachment_content c ON c.attachment_id = a.id
          WHERE a.id = $1`,
        [attachment.id],
      );
      expect(Buffer.compare(stored.data, PNG)).toBe(0);
      expect(stored.sha256).toBe(createHash('sha256').update(PNG).digest('hex'));

      for (const client of [as.employee, as.officer, as.admin]) {
        const got = await client
          .get(attachment.url)
          .buffer(true)
          .parse((r, done) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => done(null, Buffer.concat(chunks)));
          })
          .expect(200);
        expect(got.headers).toMatchObject({
          'content-type': 'image/png',
          'x-content-type-options': 'nosniff',
          'cache-control': 'private, no-store',
          'content-disposition': `inline; filename="chat.png"; filename*=UTF-8''chat.png`,
          'content-length': String(PNG.length),
        });
        expect(Buffer.compare(got.body as Buffer, PNG)).toBe(0);
      }
      // The reporter's own views are not audited; each officer's is.
      const views = (await auditOf(created.id)).filter((e) => e.action === 'attachment.viewed');
      expect(views.map((v) => v.actor_id).sort()).toEqual([as.officer.user.id, as.admin.user.id].sort());

      expect(errorOf(await as.colleague.get(attachment.url))).toEqual({ status: 404, code: 'not_found' });
      const other = await setUp();
      for (const client of [other.as.employee, other.as.officer])
        expect(errorOf(await client.get(attachment.url))).toEqual({ status: 404, code: 'not_found' });
      expect(errorOf(await ctx.http().get(attachment.url))).toEqual({ status: 401, code: 'unauthenticated' });

      const mine = (await as.employee.get(`/api/approaches/reports/mine/${created.id}`).expect(200)).body;
      expect(mine.attachments).toEqual([attachment]);
    });

    it('decides the type by the file’s bytes: a text file renamed .png is refused with 415 naming its type', async () => {
      const { as } = await setUp();
      const created = await report(as.employee);
      const res = await upload(
        as.employee,
        created.id,
        Buffer.from('not really a picture\n'),
        'shot.png',
        'image/png',
      );
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({
        code: 'unsupported_attachment_type',
        message: expect.stringMatching(/text\/plain/),
        details: { field: 'file', detectedType: 'text/plain', declaredType: 'image/png' },
      });
      const gif = await upload(
        as.employee,
        created.id,
        Buffer.from('GIF89a\x01\x00\x01\x00'),
        'x.png',
        'image/png',
      );
      expect(gif.status).toBe(415);
      expect(gif.body.message).toMatch(/image\/gif/);
      // A real PNG declared as something else is still a PNG.
      const png = await upload(as.employee, created.id, PNG, 'shot', 'application/octet-stream').expect(201);
      expect(png.body).toMatchObject({ contentType: 'image/png', fileName: 'shot.png' });
    });

    it('refuses a file over 2 MB with 413, and stores nothing', async () => {
      const { as } = await setUp();
      const created = await report(as.employee);
      const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
      const res = await upload(as.employee, created.id, big, 'big.png', 'image/png');
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({
        code: 'attachment_too_large',
        message: expect.stringMatching(/2 MB/),
      });
      // Exactly at the limit is fine.
      const atLimit = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024 - PNG.length)]);
      await upload(as.employee, created.id, atLimit, 'full.png', 'image/png').expect(201);
      const [row] = await ctx.dataSource.query(
        `SELECT count(*)::int AS n FROM approach_attachment WHERE report_id = $1`,
        [created.id],
      );
      expect(row.n).toBe(1);
    });

    it('takes uploads only from the reporter, to an open report, up to the limit, as the field "file"', async () => {
      const { as } = await setUp();
      const created = await report(as.employee);
      expect(errorOf(await upload(as.officer, created.id, PNG, 'a.png', 'image/png'))).toEqual({
        status: 404,
        code: 'not_found',
      });
      expect(errorOf(await upload(as.colleague, created.id, PNG, 'a.png', 'image/png'))).toEqual({
        status: 404,
        code: 'not_found',
      });
      const missing = await as.employee
        .post(`/api/approaches/reports/${created.id}/attachments`)
        .field('note', 'x');
      expect(missing.status).toBe(400);
      expect(missing.body.details).toEqual([{ field: 'file', message: 'is required' }]);
      const wrongField = await as.employee
        .post(`/api/approaches/reports/${created.id}/attachments`)
        .attach('upload', PNG, { filename: 'a.png', contentType: 'image/png' });
      expect(wrongField.status).toBe(400);
      expect(wrongField.body.message).toMatch(/"file"/);
      const json = await as.employee.post(`/api/approaches/reports/${created.id}/attachments`, { file: 'x' });
      expect(json.status).toBe(400);

      for (let i = 0; i < 5; i++)
        await upload(as.employee, created.id, PNG, `s${i}.png`, 'image/png').expect(201);
      expect(errorOf(await upload(as.employee, created.id, PNG, 's6.png', 'image/png'))).toEqual({
        status: 409,
        code: 'too_many_attachments',
      });

      const closed = await report(as.employee);
      await as.officer
        .post(`/api/approaches/reports/${closed.id}/status`, { status: 'closed', outcome: 'Thanks' })
        .expect(200);
      expect(errorOf(await upload(as.employee, closed.id, PNG, 'late.png', 'image/png'))).toEqual({
        status: 409,
        code: 'report_closed',
      });
    });

    it('still refuses multipart bodies on every other route', async () => {
      const { as } = await setUp();
      const res = await as.employee
        .post('/api/approaches/check')
        .attach('file', PNG, { filename: 'a.png', contentType: 'image/png' });
      expect(errorOf(res)).toEqual({ status: 415, code: 'unsupported_media_type' });
    });
  });

  describe('triage', () => {
    it('lists the open queue newest first by default, with filters and pages', async () => {
      const team = await setUp();
      const { as } = team;
      const sales = await ctx.newDepartment(team.org.id, 'Sales');
      const seller = await ctx.newUser({ organisationId: team.org.id, departmentId: sales.id });
      const sellerClient = await ctx.login(seller);

      const high = await report(as.employee);
      const low = await report(as.colleague, { messageText: LOW_MESSAGE, nameUsed: 'Jane Doe' });
      const fromSales = await report(sellerClient, { messageText: 'we would cover your flights and hotel' });
      const closed = await report(as.employee);
      await as.officer
        .post(`/api/approaches/reports/${closed.id}/status`, { status: 'closed', outcome: 'Done' })
        .expect(200);
      await as.officer
        .post(`/api/approaches/reports/${low.id}/assign`, { assigneeId: as.officer.user.id })
        .expect(200);
      await ctx.dataSource.query(
        `UPDATE approach_report SET created_at = now() - interval '10 days' WHERE id = $1`,
        [high.id],
      );

      const ids = async (query = '') => {
        const page = (await as.officer.get(`/api/approaches/reports${query}`).expect(200))
          .body as Page<TriageListItem>;
        return page.items.map((i) => i.id);
      };
      expect(await ids()).toEqual([fromSales.id, low.id, high.id]);
      expect(await ids('?open=false')).toEqual([closed.id, fromSales.id, low.id, high.id]);
      expect(await ids('?status=closed')).toEqual([closed.id]);
      expect(await ids('?rating=low')).toEqual([low.id]);
      expect(await ids('?rating=high')).toEqual([high.id]);
      expect(await ids(`?departmentId=${sales.id}`)).toEqual([fromSales.id]);
      expect(await ids('?olderThanDays=7')).toEqual([high.id]);
      expect(await ids('?assignee=me')).toEqual([low.id]);
      expect(await ids(`?assignee=${as.officer.user.id}`)).toEqual([low.id]);
      expect(await ids('?assignee=none')).toEqual([fromSales.id, high.id]);

      const page = (await as.officer.get('/api/approaches/reports?pageSize=2&page=2').expect(200))
        .body as Page<TriageListItem>;
      expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2, items: [{ id: high.id }] });
      const first = (await as.officer.get('/api/approaches/reports?pageSize=2').expect(200))
        .body as Page<TriageListItem>;
      expect(first.items[1]).toEqual({
        id: low.id,
        reference: low.reference,
        createdAt: low.createdAt,
        platform: 'LinkedIn',
        nameUsed: 'Jane Doe',
        rating: 'low',
        status: 'new',
        reporter: { id: team.colleague.id, name: expect.any(String), department: 'Engineering' },
        assignee: { id: as.officer.user.id, name: expect.any(String) },
        flagCount: 0,
        linkedCount: 0,
      });

      const bad = await as.officer.get('/api/approaches/reports?status=lost&olderThanDays=-1');
      expect(bad.status).toBe(400);
      expect((bad.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
        'olderThanDays',
        'status',
      ]);
      // Another organisation's queue is its own.
      const other = await setUp();
      expect((await other.as.officer.get('/api/approaches/reports').expect(200)).body.total).toBe(0);
    });

    it('moves a report only along the allowed transitions; closing needs an outcome', async () => {
      const { as } = await setUp();
      const created = await report(as.employee);
      const url = `/api/approaches/reports/${created.id}/status`;

      const noOutcome = await as.officer.post(url, { status: 'closed' }).expect(400);
      expect(noOutcome.body.details).toEqual([
        { field: 'outcome', message: 'is required when closing a report' },
      ]);
      const blank = await as.officer.post(url, { status: 'closed', outcome: '   ' }).expect(400);
      expect(blank.body.details[0].field).toBe('outcome');

      const inReview = (await as.officer.post(url, { status: 'in-review' }).expect(200))
        .body as TriageReportView;
      expect(inReview.status).toBe('in-review');
      const auditBefore = (await auditOf(created.id)).length;
      const back = await as.officer.post(url, { status: 'new' }).expect(409);
      expect(back.body).toMatchObject({
        code: 'invalid_status_transition',
        message: expect.stringMatching(/"in-review" to "new"/),
        details: { from: 'in-review', to: 'new', allowed: ['escalated', 'closed'] },
      });
      expect(errorOf(await as.officer.post(url, { status: 'in-review' }))).toEqual({
        status: 409,
        code: 'invalid_status_transition',
      });
      // A refused move changes nothing: no history, no audit entry, no notification.
      expect((await auditOf(created.id)).length).toBe(auditBefore);

      await as.officer.post(url, { status: 'escalated' }).expect(200);
      const closed = (
        await as.officer.post(url, { status: 'closed', outcome: 'Reported to the authorities.' }).expect(200)
      ).body as TriageReportView;
      expect(closed).toMatchObject({ status: 'closed', outcome: 'Reported to the authorities.' });
      expect(errorOf(await as.officer.post(url, { status: 'escalated' }))).toEqual({
        status: 409,
        code: 'invalid_status_transition',
      });
      const reopened = (await as.officer.post(url, { status: 'in-review' }).expect(200))
        .body as TriageReportView;
      expect(reopened).toMatchObject({ status: 'in-review', outcome: null });
      expect(reopened.statusHistory.map((h) => `${h.from}→${h.to}`)).toEqual([
        'null→new',
        'new→in-review',
        'in-review→escalated',
        'escalated→closed',
        'closed→in-review',
      ]);
      expect(reopened.statusHistory[1]!.by).toEqual({ id: as.officer.user.id, name: expect.any(String) });
      expect(errorOf(await as.employee.post(url, { status: 'closed', outcome: 'x' }))).toEqual({
        status: 403,
        code: 'forbidden',
      });
    });

    it('shows the reporter the outcome and history, but never notes, assignee or who in security acted', async () => {
      const { as } = await setUp();
      const created = await report(as.employee);
      const base = `/api/approaches/reports/${created.id}`;
      await as.officer.post(`${base}/assign`, { assigneeId: as.officer.user.id }).expect(200);
      const note = (
        await as.officer.post(`${base}/notes`, { body: 'Profile created last week; SECRET-NOTE' }).expect(201)
      ).body as ReportNote;
      expect(note).toEqual({
        id: expect.any(String),
        body: 'Profile created last week; SECRET-NOTE',
        at: expect.any(String),
        by: { id: as.officer.user.id, name: expect.any(String) },
      });
      await as.officer
        .post(`${base}/status`, { status: 'closed', outcome: 'Fake recruiter; account reported.' })
        .expect(200);

      const officerView = (await as.officer.get(base).expect(200)).body as TriageReportView;
      expect(officerView.notes).toEqual([note]);
      expect(officerView.assignee).toEqual({ id: as.officer.user.id, name: expect.any(String) });

      const mine = (await as.employee.get(`/api/approaches/reports/mine/${created.id}`).expect(200)).body;
      expect(mine).toMatchObject({ status: 'closed', outcome: 'Fake recruiter; account reported.' });
      expect(mine.statusHistory).toEqual([
        {
          from: null,
          to: 'new',
          at: expect.any(String),
          by: { id: as.employee.user.id, name: expect.any(String) },
        },
        { from: 'new', to: 'closed', at: expect.any(String), by: null },
      ]);
      expect(Object.keys(mine)).not.toEqual(expect.arrayContaining(['notes']));
      for (const field of ['notes', 'assignee', 'reporter', 'linked', 'firstReviewedAt'])
        expect(mine).not.toHaveProperty(field);
      const everything = JSON.stringify([
        mine,
        (await as.employee.get('/api/approaches/reports/mine').expect(200)).body,
        (await as.employee.get('/api/notifications').expect(200)).body,
      ]);
      expect(everything).not.toContain('SECRET-NOTE');
      expect(everything).not.toContain(as.officer.user.id);
      // Nor can the reporter reach the triage view of their own report.
      expect(errorOf(await as.employee.get(base))).toEqual({ status: 403, code: 'forbidden' });
    });

    it('assigns only to active officers and administrators of the same organisation', async () => {
      const { as, org } = await setUp();
      const created = await report(as.employee);
      const url = `/api/approaches/reports/${created.id}/assign`;
      const admin = (await as.officer.post(url, { assigneeId: as.admin.user.id }).expect(200))
        .body as TriageReportView;
      expect(admin.assignee?.id).toBe(as.admin.user.id);

      const leaver = await ctx.newUser({ organisationId: org.id, role: 'officer', active: false });
      const other = await setUp();
      for (const assigneeId of [
        as.colleague.user.id,
        leaver.id,
        other.as.officer.user.id,
        '00000000-0000-4000-8000-000000000000',
      ]) {
        const res = await as.officer.post(url, { assigneeId }).expect(422);
        expect(res.body).toMatchObject({ code: 'invalid_assignee', details: [{ field: 'assigneeId' }] });
      }
      expect((await as.officer.post(url, { assigneeId: 'me' }).expect(400)).body.details[0].field).toBe(
        'assigneeId',
      );
      const cleared = (await as.officer.post(url, { assigneeId: null }).expect(200)).body as TriageReportView;
      expect(cleared.assignee).toBeNull();
      const changes = (await auditOf(created.id)).filter((e) => e.action === 'report.assigned');
      expect(changes.map((c) => c.details)).toEqual([
        { from: null, to: as.admin.user.id },
        { from: as.admin.user.id, to: null },
      ]);
    });

    it('links reports of the same profile or the same name', async () => {
      const { as } = await setUp();
      const a = await report(as.employee, {
        profileUrl: 'https://www.linkedin.com/in/jane-recruiter/',
        nameUsed: 'Jane Roe',
      });
      const b = await report(as.colleague, { profileUrl: 'https://linkedin.com/in/Jane-Recruiter?trk=abc' });
      const c = await report(as.colleague, { nameUsed: '  jane   ROE ' });
      const unrelated = await report(as.employee, {
        profileUrl: 'https://linkedin.com/in/someone-else',
        nameUsed: 'Sam Poe',
      });
      const other = await setUp();
      await report(other.as.employee, {
        profileUrl: 'https://linkedin.com/in/jane-recruiter',
        nameUsed: 'Jane Roe',
      });

      const view = (await as.officer.get(`/api/approaches/reports/${a.id}`).expect(200))
        .body as TriageReportView;
      expect(view.linked.map((l) => [l.id, l.reason])).toEqual([
        [c.id, 'same-name'],
        [b.id, 'same-profile'],
      ]);
      expect(view.linked[0]).toEqual({
        id: c.id,
        reference: c.reference,
        createdAt: c.createdAt,
        status: 'new',
        rating: 'high',
        reason: 'same-name',
      });
      const list = (await as.officer.get('/api/approaches/reports').expect(200)).body as Page<TriageListItem>;
      const linkedCount = Object.fromEntries(list.items.map((i) => [i.id, i.linkedCount]));
      expect(linkedCount).toEqual({ [a.id]: 2, [b.id]: 1, [c.id]: 1, [unrelated.id]: 0 });
    });

    it('records every view and change in the audit trail, which officers can read', async () => {
      const { as } = await setUp();
      const created = await report(as.employee);
      const base = `/api/approaches/reports/${created.id}`;
      await as.officer.get(base).expect(200);
      await as.admin.get(base).expect(200);
      await as.officer.post(`${base}/assign`, { assigneeId: as.officer.user.id }).expect(200);
      await as.officer.post(`${base}/status`, { status: 'in-review' }).expect(200);
      await as.officer.post(`${base}/notes`, { body: 'Checked the company register.' }).expect(201);
      await as.officer.get(`${base}/export`).expect(200);

      expect((await auditOf(created.id)).map((e) => `${e.action} by ${e.actor_id}`)).toEqual([
        `report.created by ${as.employee.user.id}`,
        `report.viewed by ${as.officer.user.id}`,
        `report.viewed by ${as.admin.user.id}`,
        `report.assigned by ${as.officer.user.id}`,
        `report.status-changed by ${as.officer.user.id}`,
        `report.note-added by ${as.officer.user.id}`,
        `report.exported by ${as.officer.user.id}`,
      ]);

      const trail = (await as.officer.get(`/api/audit?subjectId=${created.id}`).expect(200))
        .body as Page<AuditEventView>;
      expect(trail.total).toBe(7);
      expect(trail.items[0]).toEqual({
        id: expect.any(String),
        at: expect.any(String),
        action: 'report.exported',
        actor: { id: as.officer.user.id, name: expect.any(String) },
        subjectType: 'approach_report',
        subjectId: created.id,
        subjectName: created.reference,
        details: { reference: created.reference },
        people: [],
      });
      expect(trail.items.map((e) => e.action)).toContain('report.viewed');
      const paged = (await as.officer.get(`/api/audit?subjectId=${created.id}&pageSize=2&page=4`).expect(200))
        .body;
      expect(paged.items.map((e: AuditEventView) => e.action)).toEqual(['report.created']);

      expect(errorOf(await as.employee.get(`/api/audit?subjectId=${created.id}`))).toEqual({
        status: 403,
        code: 'forbidden',
      });
      const other = await setUp();
      expect(errorOf(await other.as.officer.get(`/api/audit?subjectId=${created.id}`))).toEqual({
        status: 404,
        code: 'not_found',
      });
      const missing = await as.officer.get('/api/audit').expect(400);
      expect(missing.body.details).toEqual([{ field: 'subjectId', message: 'is required' }]);
    });

    it('names the people an assignment moved between, in the trail and the export, never a bare id', async () => {
      const { as, org } = await setUp();
      const created = await report(as.employee);
      const base = `/api/approaches/reports/${created.id}`;
      await as.officer.post(`${base}/assign`, { assigneeId: as.admin.user.id }).expect(200);
      await as.officer.post(`${base}/assign`, { assigneeId: as.officer.user.id }).expect(200);
      // Names are looked up when the trail is read: a colleague renamed since shows the name of today.
      const colleague = await ctx.newUser({ organisationId: org.id, role: 'officer' });
      await as.officer.post(`${base}/assign`, { assigneeId: colleague.id }).expect(200);
      await as.officer.post(`${base}/assign`, { assigneeId: null }).expect(200);
      await ctx.dataSource.query(`UPDATE app_user SET name = 'Renamed Officer' WHERE id = $1`, [
        colleague.id,
      ]);

      const trail = (await as.officer.get(`/api/audit?subjectId=${created.id}`).expect(200))
        .body as Page<AuditEventView>;
      const assignments = trail.items.filter((e) => e.action === 'report.assigned').reverse();
      const named = async (id: string) => {
        const [row] = await ctx.dataSource.query<{ name: string }[]>(
          `SELECT name FROM app_user WHERE id = $1`,
          [id],
        );
        return { id, name: row!.name };
      };
      const [admin, officer] = [await named(as.admin.user.id), await named(as.officer.user.id)];
      expect(assignments.map((e) => ({ details: e.details, people: e.people }))).toEqual([
        { details: { from: null, to: admin.id }, people: [{ id: admin.id, name: admin.name }] },
        {
          details: { from: admin.id, to: officer.id },
          people: [
            { id: admin.id, name: admin.name },
            { id: officer.id, name: officer.name },
          ],
        },
        {
          details: { from: officer.id, to: colleague.id },
          people: [
            { id: officer.id, name: officer.name },
            { id: colleague.id, name: 'Renamed Officer' },
          ],
        },
        {
          details: { from: colleague.id, to: null },
          people: [{ id: colleague.id, name: 'Renamed Officer' }],
        },
      ]);

      // The export for the authorities carries the same names.
      const doc = (await as.officer.get(`${base}/export`).expect(200)).body as ReportExport;
      expect(doc.auditTrail.filter((e) => e.action === 'report.assigned').map((e) => e.people)).toEqual(
        assignments.map((e) => e.people),
      );
      // A person of another organisation is never named, whatever id an entry holds.
      const other = await setUp();
      await ctx.dataSource.query(
        `INSERT INTO audit_event (organisation_id, actor_id, action, subject_type, subject_id, details)
         VALUES ($1, $2, 'report.assigned', 'approach_report', $3, $4)`,
        [org.id, as.officer.user.id, created.id, { from: null, to: other.as.officer.user.id }],
      );
      const newest = (await as.officer.get(`/api/audit?subjectId=${created.id}&pageSize=1`).expect(200))
        .body as Page<AuditEventView>;
      expect(newest.items[0]).toMatchObject({ details: { to: other.as.officer.user.id }, people: [] });
    });

    it('keeps the audit trail append-only in the database itself', async () => {
      const { as, org } = await setUp();
      const created = await report(as.employee);
      await expect(
        ctx.dataSource.query(`UPDATE audit_event SET actor_id = NULL WHERE subject_id = $1`, [created.id]),
      ).rejects.toThrow(/append-only/);
      await expect(
        ctx.dataSource.query(`DELETE FROM audit_event WHERE subject_id = $1`, [created.id]),
      ).rejects.toThrow(/append-only/);
      // Deleting the whole organisation still removes its trail with everything else.
      await ctx.dataSource.query(`DELETE FROM organisation WHERE id = $1`, [org.id]);
      const [left] = await ctx.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE organisation_id = $1`,
        [org.id],
      );
      expect(left.n).toBe(0);
    });

    it('exports one report as a JSON download for the authorities', async () => {
      const { as, org } = await setUp();
      const created = await report(as.employee, {
        profileUrl: 'https://linkedin.com/in/x-y',
        nameUsed: 'X Y',
        occurredOn: '2026-01-15',
      });
      const attachment = (await upload(as.employee, created.id, PNG, 'profile.png', 'image/png').expect(201))
        .body;
      await as.officer
        .post(`/api/approaches/reports/${created.id}/notes`, { body: 'INTERNAL-ONLY' })
        .expect(201);
      await as.officer
        .post(`/api/approaches/reports/${created.id}/status`, { status: 'escalated' })
        .expect(200);

      const res = await as.officer.get(`/api/approaches/reports/${created.id}/export`).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="${created.reference}.json"; filename*=UTF-8''${created.reference}.json`,
      );
      expect(res.headers['cache-control']).toBe('private, no-store');
      const doc = res.body as ReportExport;
      expect(doc).toMatchObject({
        format: 'countersign.approach-report/v1',
        exportedBy: { id: as.officer.user.id, email: as.officer.user.email },
        organisation: { id: org.id },
        report: {
          id: created.id,
          reference: created.reference,
          profileUrl: 'https://linkedin.com/in/x-y',
          occurredOn: '2026-01-15',
          rating: 'high',
          rulesVersion: 1,
          status: 'escalated',
          reporter: { id: as.employee.user.id, email: as.employee.user.email, department: 'Engineering' },
        },
        flags: created.flags,
        attachments: [
          {
            id: attachment.id,
            fileName: 'profile.png',
            contentType: 'image/png',
            sizeBytes: PNG.length,
            sha256: createHash('sha256').update(PNG).digest('hex'),
          },
        ],
      });
      expect(doc.statusHistory.map((h) => h.to)).toEqual(['new', 'escalated']);
      expect(doc.auditTrail.map((e) => e.action)).toEqual([
        'report.created',
        'attachment.added',
        'report.note-added',
        'report.status-changed',
        'report.exported',
      ]);
      expect(JSON.stringify(doc)).not.toContain('INTERNAL-ONLY');
    });

    it('answers 404 for another organisation’s report on every triage route, and changes nothing', async () => {
      const { as } = await setUp();
      const created = await report(as.employee);
      const other = await setUp();
      const before = await rowCounts();
      const base = `/api/approaches/reports/${created.id}`;
      for (const client of [other.as.officer, other.as.admin]) {
        const calls = [
          client.get(base),
          client.post(`${base}/assign`, { assigneeId: null }),
          client.post(`${base}/status`, { status: 'in-review' }),
          client.post(`${base}/notes`, { body: 'x' }),
          client.get(`${base}/export`),
        ];
        for (const res of await Promise.all(calls))
          expect(errorOf(res)).toEqual({ status: 404, code: 'not_found' });
      }
      expect(await rowCounts()).toEqual(before);
      expect(errorOf(await as.officer.get('/api/approaches/reports/not-a-uuid'))).toEqual({
        status: 400,
        code: 'validation_failed',
      });
    });

    it('reports open counts and the median time to first review', async () => {
      const { as } = await setUp();
      const empty = (await as.officer.get('/api/approaches/stats').expect(200)).body as ApproachStats;
      expect(empty).toEqual({ open: 0, new: 0, highOpen: 0, medianHoursToFirstReview: null });

      const made = await Promise.all([
        report(as.employee),
        report(as.employee),
        report(as.colleague, { messageText: LOW_MESSAGE }),
        report(as.colleague),
      ]);
      const hoursAgo = [2, 4, 10, 1];
      for (const [i, r] of made.entries())
        await ctx.dataSource.query(
          `UPDATE approach_report SET created_at = now() - make_interval(hours => $2) WHERE id = $1`,
          [r.id, hoursAgo[i]],
        );
      // Three first reviews, 2, 4 and 10 hours after reporting; the reporter's own look does not count.
      for (const r of made.slice(0, 3)) await as.officer.get(`/api/approaches/reports/${r.id}`).expect(200);
      await as.admin.get(`/api/approaches/reports/${made[0]!.id}`).expect(200);
      await as.officer
        .post(`/api/approaches/reports/${made[1]!.id}/status`, { status: 'closed', outcome: 'Benign' })
        .expect(200);

      const reporterOfficer = await report(as.officer);
      await as.officer.get(`/api/approaches/reports/${reporterOfficer.id}`).expect(200);
      const [own] = await ctx.dataSource.query(
        `SELECT first_reviewed_at FROM approach_report WHERE id = $1`,
        [reporterOfficer.id],
      );
      expect(own.first_reviewed_at).toBeNull();

      const stats = (await as.officer.get('/api/approaches/stats').expect(200)).body as ApproachStats;
      expect(stats).toEqual({ open: 4, new: 4, highOpen: 3, medianHoursToFirstReview: 4 });
      const view = (await as.officer.get(`/api/approaches/reports/${made[0]!.id}`).expect(200))
        .body as TriageReportView;
      expect(view.firstReviewedAt).not.toBeNull();
    });
  });

  describe('notifications', () => {
    it('tells officers and administrators of a new high-rated report, in the app only while mail is not configured', async () => {
      const { as, org } = await setUp();
      const high = await report(as.employee);
      await report(as.employee, { messageText: LOW_MESSAGE, idempotencyKey: key() });

      for (const client of [as.officer, as.admin]) {
        const list = (await client.get('/api/notifications').expect(200)).body as NotificationList;
        expect(list).toMatchObject({ total: 1, unread: 1, page: 1 });
        expect(list.items[0]).toEqual({
          id: expect.any(String),
          kind: 'report-new-high',
          title: `New high-rated approach report ${high.reference}`,
          body: expect.stringMatching(/^LinkedIn\. Red flags: /),
          link: `/triage/${high.id}`,
          createdAt: expect.any(String),
          read: false,
        });
      }
      for (const client of [as.employee, as.colleague])
        expect((await client.get('/api/notifications').expect(200)).body).toMatchObject({
          total: 0,
          unread: 0,
        });
      const [emails] = await ctx.dataSource.query(
        `SELECT count(*)::int AS n FROM outbound_email WHERE organisation_id = $1`,
        [org.id],
      );
      expect(emails.n).toBe(0);

      // An officer's own high report goes to the other triagers, not back to them.
      await report(as.officer);
      expect((await as.officer.get('/api/notifications').expect(200)).body.total).toBe(1);
      expect((await as.admin.get('/api/notifications').expect(200)).body.total).toBe(2);
    });

    it('tells the reporter when the status of their report changes; they can mark it read', async () => {
      const { as } = await setUp();
      const created = await report(as.employee, { messageText: LOW_MESSAGE });
      const url = `/api/approaches/reports/${created.id}/status`;
      await as.officer.post(url, { status: 'in-review' }).expect(200);
      await as.officer
        .post(url, { status: 'closed', outcome: 'Genuine recruiter; nothing to worry about.' })
        .expect(200);

      const list = (await as.employee.get('/api/notifications').expect(200)).body as NotificationList;
      expect(list).toMatchObject({ total: 2, unread: 2 });
      expect(list.items.map((n) => [n.kind, n.title, n.link])).toEqual([
        [
          'report-status-changed',
          `Your report ${created.reference} is closed`,
          `/approaches/mine/${created.id}`,
        ],
        [
          'report-status-changed',
          `Your report ${created.reference} is in review`,
          `/approaches/mine/${created.id}`,
        ],
      ]);
      expect(list.items[0]!.body).toContain('Genuine recruiter; nothing to worry about.');

      const read = await as.employee.post(`/api/notifications/${list.items[0]!.id}/read`).expect(200);
      expect(read.body).toMatchObject({ id: list.items[0]!.id, read: true });
      await as.employee.post(`/api/notifications/${list.items[0]!.id}/read`).expect(200);
      expect((await as.employee.get('/api/notifications').expect(200)).body).toMatchObject({
        total: 2,
        unread: 1,
      });
      expect(errorOf(await as.colleague.post(`/api/notifications/${list.items[1]!.id}/read`))).toEqual({
        status: 404,
        code: 'not_found',
      });
      const paged = (await as.employee.get('/api/notifications?pageSize=1&page=2').expect(200))
        .body as NotificationList;
      expect(paged.items.map((n) => n.id)).toEqual([list.items[1]!.id]);
    });

    it('queues an email to each officer in the outbox when MAIL_FROM is set', async () => {
      const mailCtx = await TestContext.create({ MAIL_FROM: 'Countersign <security@example.test>' });
      try {
        const team = await mailCtx.newTeam();
        const leaver = await mailCtx.newUser({ organisationId: team.org.id, role: 'officer', active: false });
        const employee = await mailCtx.login(team.employee);
        const res = await employee
          .post('/api/approaches/reports', {
            platform: 'LinkedIn',
            replied: false,
            messageText: HIGH_MESSAGE,
            idempotencyKey: key(),
          })
          .expect(201);
        await employee
          .post('/api/approaches/reports', {
            platform: 'LinkedIn',
            replied: false,
            messageText: LOW_MESSAGE,
            idempotencyKey: key(),
          })
          .expect(201);
        const byAddress = (a: { to_address: string }, b: { to_address: string }) =>
          a.to_address < b.to_address ? -1 : 1;
        const emails = (
          await mailCtx.dataSource.query<{ recipient_id: string; to_address: string }[]>(
            `SELECT recipient_id, from_address, to_address, subject, body_text, status FROM outbound_email
              WHERE organisation_id = $1`,
            [team.org.id],
          )
        ).sort(byAddress);
        expect(emails).toEqual(
          [team.officer, team.admin]
            .map((u: TestUser) => ({
              recipient_id: u.id,
              from_address: 'Countersign <security@example.test>',
              to_address: u.email,
              subject: `[Countersign] New high-rated approach report ${res.body.reference}`,
              body_text: expect.stringContaining(`/triage/${res.body.id}`),
              status: 'pending',
            }))
            .sort(byAddress),
        );
        expect(emails.map((e) => e.recipient_id)).not.toContain(leaver.id);
        // The email carries no details of the report itself.
        expect(JSON.stringify(emails)).not.toMatch(/WhatsApp|flights/);
      } finally {
        await mailCtx.close();
      }
    });
  });

  describe('rules', () => {
    const strictRules = (): RuleSet => ({
      ...structuredClone(DEFAULT_RULES),
      version: 2,
      thresholds: { medium: 5, high: 20 },
    });

    it('serves the default rules with their evaluation on the corpus', async () => {
      const { as } = await setUp();
      const res = await as.admin.get('/api/approaches/rules').expect(200);
      expect(res.body).toMatchObject({
        isDefault: true,
        updatedAt: null,
        updatedBy: null,
        rules: { version: 1 },
      });
      expect(res.body.rules).toEqual(JSON.parse(JSON.stringify(DEFAULT_RULES)));
      expect(res.body.evaluation).toMatchObject({
        rulesVersion: 1,
        corpusSize: expect.any(Number),
        messages: { precision: expect.any(Number), recall: expect.any(Number) },
      });
      expect(res.body.evaluation.messages.precision).toBeGreaterThan(0.8);
      // Beside it, measured the same way, the held-out messages the rules were never tuned on.
      expect(res.body.evaluation).toEqual(
        JSON.parse(JSON.stringify(evaluateCorpus(DEFAULT_RULES, DEFAULT_CORPUS))),
      );
      expect(res.body.holdout).toEqual(
        JSON.parse(JSON.stringify(evaluateCorpus(DEFAULT_RULES, HOLDOUT_MESSAGES))),
      );
      expect(res.body.holdout.corpusSize).toBe(HOLDOUT_MESSAGES.length);
      expect(res.body.holdout.messages.recall).toBeLessThan(res.body.evaluation.messages.recall);
      for (const client of [as.officer, as.employee])
        expect(errorOf(await client.get('/api/approaches/rules'))).toEqual({
          status: 403,
          code: 'forbidden',
        });
    });

    it('refuses invalid rules with errors that name the path, and keeps the old ones', async () => {
      const { as } = await setUp();
      const thresholds = await as.admin
        .put('/api/approaches/rules', { ...strictRules(), thresholds: { medium: 5, high: 3 } })
        .expect(400);
      expect(thresholds.body.details).toEqual([
        { field: 'thresholds.high', message: expect.stringMatching(/must be above/) },
      ]);

      const broken = strictRules();
      broken.textRules[1] = { ...broken.textRules[1]!, patterns: ['fine', '{cover ~3'] };
      const pattern = await as.admin.put('/api/approaches/rules', broken).expect(400);
      expect(pattern.body.details[0]).toMatchObject({
        field: 'textRules.1.patterns.1',
        message: expect.stringContaining(`rule "${broken.textRules[1]!.id}"`),
      });

      const unknownFlag = strictRules();
      unknownFlag.answerRules[0] = { ...unknownFlag.answerRules[0]!, flag: 'no-such-flag' as never };
      const flag = await as.admin.put('/api/approaches/rules', unknownFlag).expect(400);
      expect(flag.body.details[0].field).toBe('answerRules.0.flag');

      const missing = await as.admin.put('/api/approaches/rules', { version: 2 }).expect(400);
      expect(missing.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'answerRules',
        'textRules',
        'thresholds',
      ]);
      expect((await as.admin.get('/api/approaches/rules').expect(200)).body.isDefault).toBe(true);
    });

    it('saves the organisation’s own rules, uses them for checks and reports, and goes back to the defaults', async () => {
      const { as, org } = await setUp();
      const other = await setUp();
      const saved = await as.admin.put('/api/approaches/rules', strictRules()).expect(200);
      expect(saved.body).toMatchObject({
        isDefault: false,
        rules: { version: 2, thresholds: { medium: 5, high: 20 } },
        updatedBy: { id: as.admin.user.id },
        evaluation: { rulesVersion: 2 },
        holdout: { rulesVersion: 2, corpusSize: HOLDOUT_MESSAGES.length },
      });
      expect(saved.body.updatedAt).toEqual(expect.any(String));

      // 4 points of travel-abroad were medium under the defaults; under these rules they are low.
      const text = { messageText: 'we would cover your flights and hotel' };
      const mine = (await as.employee.post('/api/approaches/check', text).expect(200)).body as CheckResult;
      expect(mine.rating).toBe('low');
      const theirs = (await other.as.employee.post('/api/approaches/check', text).expect(200))
        .body as CheckResult;
      expect(theirs.rating).toBe('medium');
      const created = await report(as.employee, text);
      expect(created.rating).toBe('low');
      const [row] = await ctx.dataSource.query(`SELECT rules_version FROM approach_report WHERE id = $1`, [
        created.id,
      ]);
      expect(row.rules_version).toBe(2);

      const reset = await as.admin.delete('/api/approaches/rules').expect(200);
      expect(reset.body).toMatchObject({ isDefault: true, rules: { version: 1 } });
      expect(
        ((await as.employee.post('/api/approaches/check', text).expect(200)).body as CheckResult).rating,
      ).toBe('medium');
      await as.admin.delete('/api/approaches/rules').expect(200); // nothing to reset: no second entry

      const events = await ctx.dataSource.query(
        `SELECT action, actor_id, details FROM audit_event WHERE organisation_id = $1 AND subject_type = 'approach_rules' ORDER BY id`,
        [org.id],
      );
      expect(events).toEqual([
        {
          action: 'rules.updated',
          actor_id: as.admin.user.id,
          details: expect.objectContaining({ reset: false, version: 2, previousVersion: 1 }),
        },
        {
          action: 'rules.updated',
          actor_id: as.admin.user.id,
          details: expect.objectContaining({ reset: true, version: 1, previousVersion: 2 }),
        },
      ]);
    });
  });
});
