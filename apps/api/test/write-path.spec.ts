import type { AttemptState } from '@countersign/contracts/learning';
import type { ModuleContent } from '@countersign/scenario-engine';
import type { DataSource } from 'typeorm';
import { HealthService } from '../src/modules/health/health.service.js';
import { choiceTowardsEnding, choose, playToEnding, quizAnswers } from './play.js';
import { type Client, TestContext } from './test-app.js';

/**
 * The learner's write path under pressure: a restarted API (every cache empty) taking more
 * simultaneous choices and quiz rounds than it has database connections. Before the rework, each
 * request held a transaction's connection while asking the pool for a second one to read the
 * module version; a burst the size of the pool then waited forever, health included.
 */
describe('write path: no request waits forever', () => {
  const POOL = 3;
  const LEARNERS = 4 * POOL;
  let ctx: TestContext;
  let content: ModuleContent;
  let learners: { client: Client; state: AttemptState }[];

  beforeAll(async () => {
    ctx = await TestContext.create({
      DATABASE_POOL_SIZE: String(POOL),
      DATABASE_ACQUIRE_TIMEOUT_MS: '3000',
      SESSION_CACHE_SECONDS: '0',
    });
    const team = await ctx.newTeam();
    const [moduleId] = await ctx.moduleIds(team.org.id);
    learners = [];
    for (let i = 0; i < LEARNERS; i++) {
      const user = await ctx.newUser({ organisationId: team.org.id, departmentId: team.department.id });
      const assignmentId = await ctx.assign(user, moduleId!);
      const client = await ctx.login(user);
      const state = (await client.post(`/api/me/assignments/${assignmentId}/attempts`).expect(200))
        .body as AttemptState;
      learners.push({ client, state });
    }
    const [row] = await ctx.dataSource.query<{ content: ModuleContent }[]>(
      `SELECT v.content FROM attempt t JOIN module_version v ON v.id = t.module_version_id WHERE t.id = $1`,
      [learners[0]!.state.attemptId],
    );
    content = row!.content;
  });
  afterAll(() => ctx.close());

  /** Runs `work` for every learner at once while timing a health check in the middle of it. */
  async function burst<T>(work: (learner: (typeof learners)[number]) => Promise<T>) {
    const started = performance.now();
    const all = Promise.all(learners.map(work));
    const health = (async () => {
      const t = performance.now();
      const res = await ctx.http().get('/api/health/ready');
      return { status: res.status, ms: performance.now() - t, body: res.body };
    })();
    const [results, probe] = await Promise.all([all, health]);
    return { results, probe, ms: performance.now() - started };
  }

  it('takes a burst of first choices on a cold cache, each recorded once, and health still answers', async () => {
    await ctx.restart();
    const { results, probe, ms } = await burst(async (l) => {
      const choiceId = choiceTowardsEnding(content, l.state.step.id);
      l.state = await choose(l.client, l.state, choiceId);
      return l.state.choicesMade;
    });
    expect(results).toEqual(learners.map(() => 1));
    expect(ms).toBeLessThan(20_000);
    expect(probe.status).toBe(200);
    expect(probe.ms).toBeLessThan(1500);
    expect(probe.body.checks.database.status).toBe('up');
    const [counts] = await ctx.dataSource.query<{ choices: number; attempts: number }[]>(
      `SELECT (SELECT count(*)::int FROM attempt_event WHERE type = 'choice') AS choices,
              (SELECT count(*)::int FROM attempt WHERE choices_made = 1) AS attempts`,
    );
    expect(counts).toEqual({ choices: LEARNERS, attempts: LEARNERS });
  });

  it('takes a burst of quiz rounds on a cold cache (each transaction reads through its own connection)', async () => {
    for (const l of learners) l.state = await playToEnding(l.client, l.state, content);
    await ctx.restart();
    const { results, probe } = await burst(async (l) => {
      const res = await l.client
        .post(`/api/me/attempts/${l.state.attemptId}/quiz`, {
          round: l.state.quiz!.round,
          answers: quizAnswers(content),
        })
        .expect(200);
      return (res.body as AttemptState).phase;
    });
    expect(results).toEqual(learners.map(() => 'passed'));
    expect(probe.status).toBe(200);
    const [{ n }] = await ctx.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM completion`);
    expect(n).toBe(LEARNERS);
  });

  it('answers 503 with Retry-After when every connection stays busy, and health says so within a second', async () => {
    const client = learners[0]!.client;
    await ctx.restart();
    // Another process keeps every connection of the pool in use (e.g. a slow report).
    const pool = ctx.dataSource;
    const sleepers = Array.from({ length: POOL }, () => pool.query(`SELECT pg_sleep(4.5)`));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const busy = await client.get('/api/me/assignments');
    expect(busy.status).toBe(503);
    expect(busy.headers['retry-after']).toBe('2');
    expect(busy.body).toEqual({
      statusCode: 503,
      code: 'database_busy',
      message: expect.stringMatching(/try again/),
    });
    const t = performance.now();
    const health = await ctx.http().get('/api/health/ready');
    expect(performance.now() - t).toBeLessThan(1500);
    expect(health.status).toBe(200);
    expect(health.body.checks.pool).toMatchObject({ status: 'saturated', max: POOL, idle: 0 });
    expect((await ctx.http().get('/api/health/live')).status).toBe(200);
    await Promise.all(sleepers);
    await client.get('/api/me/assignments').expect(200);
  });

  it('records one choice when many copies of it race on one attempt, and refuses a competing one', async () => {
    const { client } = learners[0]!;
    const user = await ctx.newUser({ organisationId: client.user.organisationId });
    const [moduleId] = await ctx.moduleIds(client.user.organisationId);
    const me = await ctx.login(user);
    const assignmentId = await ctx.assign(user, moduleId!);
    const state = (await me.post(`/api/me/assignments/${assignmentId}/attempts`).expect(200))
      .body as AttemptState;
    const [first, second] = state.step.choices;
    const url = `/api/me/attempts/${state.attemptId}/choices`;
    const answers = await Promise.all([
      ...Array.from({ length: 8 }, () => me.post(url, { seq: 0, choiceId: first!.id })),
      me.post(url, { seq: 0, choiceId: second!.id }),
    ]);
    const statuses = answers.map((a) => a.status);
    // Either the competing choice won (the copies are then stale) or a copy won (it is stale).
    const winners = answers.filter((a) => a.status === 200);
    expect(statuses.every((st) => st === 200 || st === 409)).toBe(true);
    expect(new Set(winners.map((w) => w.body.feedback.choiceId)).size).toBe(1);
    const events = await ctx.dataSource.query<{ type: string; seq: number }[]>(
      `SELECT type, seq FROM attempt_event WHERE attempt_id = $1 ORDER BY seq`,
      [state.attemptId],
    );
    expect(events.filter((e) => e.type === 'choice')).toHaveLength(1);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
  });

  it('gives every statement a time limit', async () => {
    const [{ statement_timeout }] =
      await ctx.dataSource.query<{ statement_timeout: string }[]>(`SHOW statement_timeout`);
    expect(statement_timeout).toBe('15s');
  });
});

describe('health: names the failing dependency within a second', () => {
  it('says the database is down when nothing answers at its address', async () => {
    // A real connection attempt to a port where nothing listens (the service reads only the URL
    // and the pool's counters from its DataSource).
    const dataSource = { options: { url: 'postgres://postgres@127.0.0.1:1/none' }, driver: {} };
    const health = new HealthService(dataSource as unknown as DataSource);
    try {
      const t = performance.now();
      const report = await health.check();
      expect(performance.now() - t).toBeLessThan(1500);
      expect(report).toMatchObject({
        status: 'failing',
        checks: { database: { status: 'down', error: 'connection refused' } },
      });
    } finally {
      await health.onModuleDestroy();
    }
  });
});
