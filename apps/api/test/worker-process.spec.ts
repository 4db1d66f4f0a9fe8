import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { NotificationsService } from '../src/modules/notifications/notifications.service.js';
import { startSmtp } from './support/smtp.js';
import { TestContext, type TestUser } from './test-app.js';

/** The built worker (`node apps/api/dist/worker.js`) as processes of their own, on one database. */
const workerJs = path.resolve(import.meta.dirname ?? __dirname, '../dist/worker.js');

type Smtp = Awaited<ReturnType<typeof startSmtp>>;

describe('worker processes (dist/worker.js)', () => {
  let ctx: TestContext;
  let smtp: Smtp;
  const running = new Set<ChildProcess>();

  beforeAll(async () => {
    smtp = await startSmtp({ delayMs: 20 });
    ctx = await TestContext.create({ MAIL_FROM: 'security@example.org', SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    for (const child of running) child.kill('SIGKILL');
    await ctx?.close();
    await smtp?.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });

  const startWorker = () => {
    const child = spawn(process.execPath, [workerJs], {
      env: {
        ...process.env,
        DATABASE_URL: (ctx.dataSource.options as { url: string }).url,
        MAIL_FROM: 'security@example.org',
        SMTP_URL: smtp.url,
        LOG_LEVEL: 'warn',
        WORKER_POLL_SECONDS: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<{ code: number | null; signal: string | null; output: string }>((resolve) =>
      child.once('exit', (code, signal) => {
        running.delete(child);
        resolve({ code, signal, output });
      }),
    );
    return { child, exited, output: () => output };
  };

  const queueEmails = async (org: string, to: TestUser, subjects: string[]) => {
    const notifications = ctx.app.get(NotificationsService);
    for (const subject of subjects)
      await ctx.dataSource.transaction((tx) =>
        notifications.queueEmail(tx, {
          organisationId: org,
          recipientIds: [to.id],
          subject,
          bodyText: subject,
        }),
      );
  };

  const until = async (done: () => boolean | Promise<boolean>, ms: number, what: string) => {
    const end = Date.now() + ms;
    while (!(await done())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const statuses = async () =>
    (await ctx.dataSource.query<{ status: string }[]>(`SELECT status FROM outbound_email`)).map(
      (r) => r.status,
    );

  it('two workers at once send every email exactly once, and stop cleanly on SIGTERM', async () => {
    const { org, employee } = await ctx.newTeam();
    const subjects = Array.from({ length: 60 }, (_, i) => `Two workers ${i}`);
    const a = startWorker();
    const b = startWorker();
    await queueEmails(org.id, employee, subjects);
    await until(async () => (await statuses()).every((s) => s === 'sent'), 60_000, 'every email to be sent');
    // A moment more: a duplicate would arrive now.
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.received.map((m) => m.subject).sort()).toEqual([...subjects].sort());

    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    const [ea, eb] = await Promise.all([a.exited, b.exited]);
    expect([ea.code, eb.code]).toEqual([0, 0]);
  }, 90_000);

  it('a worker killed mid-run and started again loses no email', async () => {
    await ctx.dataSource.query(`DELETE FROM outbound_email`);
    const { org, employee } = await ctx.newTeam();
    const subjects = Array.from({ length: 40 }, (_, i) => `Killed ${i}`);
    await queueEmails(org.id, employee, subjects);
    const first = startWorker();
    await until(() => smtp.received.length >= 5, 60_000, 'the first emails');
    first.child.kill('SIGKILL');
    await first.exited;
    const sentBefore = (await statuses()).filter((s) => s === 'sent').length;
    expect(sentBefore).toBeLessThan(subjects.length);

    const second = startWorker();
    await until(async () => (await statuses()).every((s) => s === 'sent'), 60_000, 'the rest to be sent');
    // Every email arrived; at most the one in flight when the worker died arrives twice.
    const got = smtp.received.map((m) => m.subject);
    expect(new Set(got)).toEqual(new Set(subjects));
    expect(got.length - subjects.length).toBeLessThanOrEqual(1);
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
  }, 120_000);
});
