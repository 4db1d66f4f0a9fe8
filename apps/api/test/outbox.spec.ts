import { JobQueue } from '../src/modules/jobs/job-queue.service.js';
import { NotificationsService } from '../src/modules/notifications/notifications.service.js';
import {
  backoffSeconds,
  EMAIL_SEND_JOB,
  OUTBOX_MAX_ATTEMPTS,
  OutboxSender,
} from '../src/modules/notifications/outbox-sender.service.js';
import { startSmtp } from './support/smtp.js';
import { TestContext, type TestUser } from './test-app.js';

type Smtp = Awaited<ReturnType<typeof startSmtp>>;

interface Row {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
  next_attempt_at: Date | null;
  to_address: string;
  subject: string;
}

describe('email outbox: OutboxSender', () => {
  let smtp: Smtp;
  let rejecting: Smtp;
  let ctx: TestContext;
  let sender: OutboxSender;

  beforeAll(async () => {
    smtp = await startSmtp();
    rejecting = await startSmtp({
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      },
    });
    ctx = await TestContext.create({ MAIL_FROM: 'Countersign <security@example.org>', SMTP_URL: smtp.url });
    sender = ctx.app.get(OutboxSender);
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.close();
    await rejecting?.close();
  });
  beforeEach(async () => {
    // Each test starts from an empty outbox and an empty mailbox.
    await ctx.dataSource.query(`DELETE FROM outbound_email`);
    await ctx.dataSource.query(`DELETE FROM pgboss.job WHERE name = $1`, [EMAIL_SEND_JOB]);
    smtp.received.length = 0;
    rejecting.received.length = 0;
  });

  const rows = () =>
    ctx.dataSource.query<Row[]>(
      `SELECT id, status, attempts, last_error, sent_at, next_attempt_at, to_address, subject
         FROM outbound_email ORDER BY created_at, subject`,
    );

  const queue = (organisationId: string, recipients: TestUser[], subject: string, bodyText = 'Hello.') =>
    ctx.dataSource.transaction((tx) =>
      ctx.app.get(NotificationsService).queueEmail(tx, {
        organisationId,
        recipientIds: recipients.map((r) => r.id),
        subject,
        bodyText,
      }),
    );

  /** Another sender (as on another replica), with its own job queue. */
  const withSmtp = (url: string | undefined) =>
    new OutboxSender(ctx.dataSource, { ...ctx.config, SMTP_URL: url }, new JobQueue(ctx.dataSource));

  it('sends due emails and marks them sent', async () => {
    const { org, employee, officer } = await ctx.newTeam();
    expect(await queue(org.id, [employee, officer], 'New high-risk report', 'A report needs triage.')).toBe(
      2,
    );

    expect(await sender.sendDue()).toEqual({ sent: 2, retrying: 0, failed: 0 });

    const after = await rows();
    expect(after.map((r) => ({ status: r.status, attempts: r.attempts, error: r.last_error }))).toEqual([
      { status: 'sent', attempts: 1, error: null },
      { status: 'sent', attempts: 1, error: null },
    ]);
    for (const r of after) expect(r.sent_at).toBeInstanceOf(Date);
    expect(smtp.received.map((m) => m.to).sort()).toEqual([[employee.email], [officer.email]].sort());
    for (const m of smtp.received) {
      expect(m.subject).toBe('New high-risk report');
      expect(m.from).toBe('security@example.org');
      expect(m.raw).toContain('A report needs triage.');
    }

    // Nothing is sent twice.
    expect(await sender.sendDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(2);
  });

  it('does nothing when SMTP_URL is unset', async () => {
    const { org, employee } = await ctx.newTeam();
    await queue(org.id, [employee], 'Not sent');
    expect(await withSmtp(undefined).sendDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect((await rows()).map((r) => r.status)).toEqual(['pending']);
  });

  it('leaves emails alone until their next attempt is due', async () => {
    const { org, employee } = await ctx.newTeam();
    await queue(org.id, [employee], 'Later');
    await ctx.dataSource.query(`UPDATE outbound_email SET next_attempt_at = now() + interval '1 hour'`);
    expect(await sender.sendDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    await ctx.dataSource.query(`UPDATE outbound_email SET next_attempt_at = now() - interval '1 second'`);
    expect(await sender.sendDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
  });

  it('never sends the same email twice when two senders run at once', async () => {
    const { org, employee } = await ctx.newTeam();
    const total = 40;
    await ctx.dataSource.query(
      `INSERT INTO outbound_email (organisation_id, recipient_id, from_address, to_address, subject, body_text)
       SELECT $1, $2, 'security@example.org', $3, 'Message ' || n, 'Body ' || n FROM generate_series(1, $4) n`,
      [org.id, employee.id, employee.email, total],
    );
    const slow = await startSmtp({ delayMs: 10 });
    try {
      const a = withSmtp(slow.url);
      const b = withSmtp(slow.url);
      let sent = 0;
      for (let round = 0; round < 10 && sent < total; round++) {
        const results = await Promise.all([a.sendDue(4), b.sendDue(4), a.sendDue(4), b.sendDue(4)]);
        sent += results.reduce((n, r) => n + r.sent, 0);
      }
      expect(sent).toBe(total);
      expect(slow.received).toHaveLength(total);
      expect(new Set(slow.received.map((m) => m.subject)).size).toBe(total);
      expect((await rows()).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
      await a.onApplicationShutdown();
      await b.onApplicationShutdown();
    } finally {
      await slow.close();
    }
  });

  it('keeps a rejected email pending and retries it later, with backoff', async () => {
    const { org, employee } = await ctx.newTeam();
    await queue(org.id, [employee], 'Bounced');
    const failing = withSmtp(rejecting.url);

    const before = Date.now();
    expect(await failing.sendDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, sent_at: null });
    expect(row!.last_error).toContain('Mailbox unavailable');
    const wait = row!.next_attempt_at!.getTime() - before;
    expect(wait).toBeGreaterThan(55_000);
    expect(wait).toBeLessThan(70_000);
    expect(rejecting.received).toHaveLength(0);

    // Not due yet: neither sender touches it.
    expect(await failing.sendDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await sender.sendDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    // Once due, a working server delivers it.
    await ctx.dataSource.query(`UPDATE outbound_email SET next_attempt_at = now() - interval '1 second'`);
    expect(await sender.sendDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    await failing.onApplicationShutdown();
  });

  it('backs off 1 min, 5 min, 30 min, 2 h …', () => {
    expect([1, 2, 3, 4].map(backoffSeconds)).toEqual([60, 300, 1800, 7200]);
    expect(backoffSeconds(50)).toBe(backoffSeconds(OUTBOX_MAX_ATTEMPTS));
  });

  it(`marks an email failed after ${OUTBOX_MAX_ATTEMPTS} attempts`, async () => {
    const { org, employee } = await ctx.newTeam();
    await queue(org.id, [employee], 'Never delivered');
    const failing = withSmtp(rejecting.url);
    await ctx.dataSource.query(
      `UPDATE outbound_email SET attempts = $1, next_attempt_at = now() - interval '1 second'`,
      [OUTBOX_MAX_ATTEMPTS - 2],
    );
    expect(await failing.sendDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect((await rows())[0]).toMatchObject({ status: 'pending', attempts: OUTBOX_MAX_ATTEMPTS - 1 });

    await ctx.dataSource.query(`UPDATE outbound_email SET next_attempt_at = now() - interval '1 second'`);
    expect(await failing.sendDue()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'failed', attempts: OUTBOX_MAX_ATTEMPTS, next_attempt_at: null });
    expect(row!.last_error).toContain('Mailbox unavailable');

    // Failed is final.
    expect(await sender.sendDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    await failing.onApplicationShutdown();
  });

  it('queueing emails queues one delivery job, which sends them all', async () => {
    const jobs = ctx.app.get(JobQueue);
    const { org, employee, officer } = await ctx.newTeam();
    await queue(org.id, [employee], 'First');
    await queue(org.id, [officer], 'Second');
    // The queue keeps one delivery job waiting however many emails are queued.
    expect(await jobs.waiting(EMAIL_SEND_JOB)).toBe(1);
    expect(await jobs.runDue(EMAIL_SEND_JOB)).toEqual({ completed: 1, failed: 0 });
    expect((await rows()).map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(smtp.received.map((m) => m.subject).sort()).toEqual(['First', 'Second']);
    expect(await jobs.waiting(EMAIL_SEND_JOB)).toBe(0);
  });

  it('an email queued in a transaction that rolls back queues no delivery either', async () => {
    const jobs = ctx.app.get(JobQueue);
    const { org, employee } = await ctx.newTeam();
    await expect(
      ctx.dataSource.transaction(async (tx) => {
        await ctx.app.get(NotificationsService).queueEmail(tx, {
          organisationId: org.id,
          recipientIds: [employee.id],
          subject: 'Never',
          bodyText: 'x',
        });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await rows()).toEqual([]);
    expect(await jobs.waiting(EMAIL_SEND_JOB)).toBe(0);
  });

  it('a running worker delivers a queued email within seconds', async () => {
    const worker = new JobQueue(ctx.dataSource);
    const looping = new OutboxSender(ctx.dataSource, ctx.config, worker);
    await worker.startWorker({ pollingIntervalSeconds: 1 });
    try {
      const { org, employee } = await ctx.newTeam();
      await queue(org.id, [employee], 'From the worker');
      for (let i = 0; i < 100 && (await rows())[0]!.status !== 'sent'; i++)
        await new Promise((r) => setTimeout(r, 100));
    } finally {
      await worker.stop();
      looping.onApplicationShutdown();
    }
    expect((await rows())[0]!.status).toBe('sent');
    expect(smtp.received.map((m) => m.subject)).toEqual(['From the worker']);
  });

  it('a sender that cannot reach its server records the error and keeps the email', async () => {
    const { org, employee } = await ctx.newTeam();
    await queue(org.id, [employee], 'Unreachable');
    const dead = await startSmtp();
    await dead.close(); // a port with nothing listening any more
    const unreachable = withSmtp(dead.url);
    expect(await unreachable.sendDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.last_error).toBeTruthy();
    await unreachable.onApplicationShutdown();
  });
});
