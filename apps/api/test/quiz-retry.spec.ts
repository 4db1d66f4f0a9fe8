import { quizSeed, type AttemptState } from '@countersign/contracts/learning';
import type { NotificationView } from '@countersign/contracts/notifications';
import { presentQuiz, type ModuleContent, type RetryPolicy } from '@countersign/scenario-engine';
import { Clock } from '../src/common/clock.js';
import { playToEnding, quizAnswers } from './play.js';
import { type Client, TestContext } from './test-app.js';

/**
 * A module's quiz retry policy, enforced by the API: a pause after a failed round (time moved on
 * with the injectable Clock, since attempt_event is append-only and its times cannot be rewound),
 * a second look at the debrief, the officers told once, and options reshuffled every round.
 */
describe('quiz retries', () => {
  let ctx: TestContext;
  let clock: Clock;
  const realNow = Clock.prototype.now;

  beforeAll(async () => {
    ctx = await TestContext.create();
    clock = ctx.app.get(Clock);
  });
  afterEach(() => {
    clock.now = realNow;
  });
  afterAll(() => ctx.close());

  const clone = (c: ModuleContent): ModuleContent => JSON.parse(JSON.stringify(c)) as ModuleContent;

  /**
   * A team whose first module is republished (as version 2) with `policy` (undefined: none at
   * all, as content written before policies existed), assigned to the employee, who has played
   * the scenario to its end: the quiz is open.
   */
  async function setUp(policy: Partial<RetryPolicy> | undefined) {
    const team = await ctx.newTeam();
    const admin = await ctx.login(team.admin);
    const [moduleId] = await ctx.moduleIds(team.org.id);
    const [v1] = await ctx.dataSource.query<{ content: ModuleContent }[]>(
      `SELECT content FROM module_version WHERE module_id = $1 AND version = 1`,
      [moduleId],
    );
    const content = clone(v1!.content);
    if (policy === undefined) delete content.quiz.retryPolicy;
    else content.quiz.retryPolicy = policy as RetryPolicy;
    await admin.put(`/api/authoring/modules/${moduleId}/draft`, { content, baseRevision: null }).expect(200);
    await admin.post(`/api/authoring/modules/${moduleId}/publish`).expect(200);
    const [v2] = await ctx.dataSource.query<{ content: ModuleContent }[]>(
      `SELECT content FROM module_version WHERE module_id = $1 AND version = 2`,
      [moduleId],
    );

    const assignmentId = await ctx.assign(team.employee, moduleId!);
    const client = await ctx.login(team.employee);
    let state = (await client.post(`/api/me/assignments/${assignmentId}/attempts`).expect(200))
      .body as AttemptState;
    expect(state.module.version).toBe(2);
    state = await playToEnding(client, state, v2!.content);
    expect(state.phase).toBe('quiz');
    return { ...team, client, assignmentId, state, content: v2!.content };
  }

  const submit = (client: Client, state: AttemptState, round: number, answers: Record<string, string[]>) =>
    client.post(`/api/me/attempts/${state.attemptId}/quiz`, { round, answers });

  const quizEvents = async (attemptId: string) =>
    (
      await ctx.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM attempt_event WHERE attempt_id = $1 AND type = 'quiz-submitted'`,
        [attemptId],
      )
    )[0]!.n;

  it('keeps today’s behaviour for a quiz without a policy: a failed round may be retried at once', async () => {
    const { client, state, content } = await setUp(undefined);
    const failed = (await submit(client, state, 1, quizAnswers(content, 3)).expect(200)).body as AttemptState;
    expect(failed.quiz).toMatchObject({ round: 2, gate: null });
    const passed = (await submit(client, failed, 2, quizAnswers(content)).expect(200)).body as AttemptState;
    expect(passed.phase).toBe('passed');
  });

  it('refuses a retry during the pause with 429 and when it opens, then takes it once the pause is over', async () => {
    const { client, state, content } = await setUp({ cooldownMinutes: 30 });
    const before = Date.now();
    const failed = (await submit(client, state, 1, quizAnswers(content, 3)).expect(200)).body as AttemptState;
    const opensAt = failed.quiz!.gate!.opensAt!;
    expect(failed.quiz!.gate).toEqual({ opensAt, reviewDebrief: false });
    // 30 minutes after the failed round was recorded (the database's clock, within a few seconds).
    expect(Date.parse(opensAt) - before).toBeGreaterThan(29.9 * 60_000);
    expect(Date.parse(opensAt) - Date.now()).toBeLessThanOrEqual(30 * 60_000 + 5_000);

    const refused = await submit(client, failed, 2, quizAnswers(content)).expect(429);
    expect(refused.body).toMatchObject({
      statusCode: 429,
      code: 'quiz_cooldown',
      message: expect.stringMatching(/^The next quiz round opens in 30 minutes\./),
      details: { opensAt, retryAfterSeconds: expect.any(Number) },
    });
    expect(refused.body.details.retryAfterSeconds).toBeGreaterThan(29 * 60);
    expect(refused.body.details.retryAfterSeconds).toBeLessThanOrEqual(30 * 60);
    expect(await quizEvents(state.attemptId)).toBe(1);
    // Resending the failed round is still harmless: the same answer as before, no new event.
    const resent = (await submit(client, state, 1, quizAnswers(content, 3)).expect(200)).body as AttemptState;
    expect(resent.lastResult).toEqual(failed.lastResult);

    // A minute before it opens: still refused, one minute to go.
    clock.now = () => new Date(Date.parse(opensAt) - 60_000);
    const stillRefused = await submit(client, failed, 2, quizAnswers(content)).expect(429);
    expect(stillRefused.body.message).toMatch(/^The next quiz round opens in 1 minute\./);

    clock.now = () => new Date(Date.parse(opensAt) + 1_000);
    const open = (await client.get(`/api/me/attempts/${state.attemptId}`).expect(200)).body as AttemptState;
    expect(open.quiz).toMatchObject({ round: 2, gate: null });
    const passed = (await submit(client, open, 2, quizAnswers(content)).expect(200)).body as AttemptState;
    expect(passed.phase).toBe('passed');
    expect(await quizEvents(state.attemptId)).toBe(2);
  });

  it('asks for the debrief again before each retry, and for the pause as well when both are set', async () => {
    const { client, state, content } = await setUp({ cooldownMinutes: 5, reviewDebrief: true });
    await client.post(`/api/me/attempts/${state.attemptId}/debrief-review`).expect(200);
    const failed = (await submit(client, state, 1, quizAnswers(content, 3)).expect(200)).body as AttemptState;
    // Opening the debrief before round 1 does not count for the retry.
    expect(failed.quiz!.gate).toMatchObject({ reviewDebrief: true, opensAt: expect.any(String) });
    expect((await submit(client, failed, 2, quizAnswers(content)).expect(409)).body.code).toBe(
      'debrief_review_required',
    );
    const reviewed = (await client.post(`/api/me/attempts/${state.attemptId}/debrief-review`).expect(200))
      .body as AttemptState;
    expect(reviewed.quiz!.gate).toMatchObject({ reviewDebrief: false });
    expect((await submit(client, failed, 2, quizAnswers(content)).expect(429)).body.code).toBe(
      'quiz_cooldown',
    );

    clock.now = () => new Date(Date.now() + 6 * 60_000);
    const second = (await submit(client, failed, 2, quizAnswers(content, 3)).expect(200))
      .body as AttemptState;
    expect(second.quiz).toMatchObject({ round: 3, gate: { reviewDebrief: true } });
  });

  it('refuses a debrief review before the scenario has ended', async () => {
    const team = await ctx.newTeam();
    const [moduleId] = await ctx.moduleIds(team.org.id);
    const client = await ctx.login(team.employee);
    const assignmentId = await ctx.assign(team.employee, moduleId!);
    const state = (await client.post(`/api/me/assignments/${assignmentId}/attempts`).expect(200))
      .body as AttemptState;
    const res = await client.post(`/api/me/attempts/${state.attemptId}/debrief-review`).expect(409);
    expect(res.body.code).toBe('quiz_not_open');
  });

  it('shows every question’s options in a new order in each round, as the seed of that round decides', async () => {
    const { client, state, content } = await setUp(undefined);
    let shown = state;
    for (let round = 1; round <= 4; round++) {
      expect(shown.quiz!.questions).toEqual(
        presentQuiz(content.quiz, quizSeed(state.attemptId, round), round),
      );
      const next = (await submit(client, shown, round, quizAnswers(content, 3)).expect(200))
        .body as AttemptState;
      for (const question of next.quiz!.questions) {
        const before = shown.quiz!.questions.find((q) => q.id === question.id)!;
        expect({
          round: round + 1,
          question: question.id,
          order: question.options.map((o) => o.id),
        }).not.toEqual({
          round: round + 1,
          question: question.id,
          order: before.options.map((o) => o.id),
        });
      }
      // A reload shows the same order again.
      const reloaded = (await client.get(`/api/me/attempts/${state.attemptId}`).expect(200))
        .body as AttemptState;
      expect(reloaded.quiz!.questions).toEqual(next.quiz!.questions);
      shown = next;
    }
  });

  it('tells the officers once when the cap of failed rounds is reached; the learner may go on', async () => {
    const { client, state, content, org, employee, officer, admin } = await setUp({ notifyOfficersAfter: 2 });
    const elsewhere = await ctx.newTeam();
    const alerts = async (userId: string) =>
      ctx.dataSource.query<{ kind: string; title: string; body: string; link: string; subject_id: string }[]>(
        `SELECT kind, title, body, link, subject_id FROM notification WHERE user_id = $1 AND kind = 'quiz-rounds-failed'`,
        [userId],
      );
    const [learner] = await ctx.dataSource.query<{ name: string }[]>(
      `SELECT name FROM app_user WHERE id = $1`,
      [employee.id],
    );
    const [module] = await ctx.dataSource.query<{ title: string }[]>(
      `SELECT m.title FROM training_module m JOIN assignment a ON a.module_id = m.id WHERE a.id = $1`,
      [state.assignmentId],
    );

    let shown = (await submit(client, state, 1, quizAnswers(content, 3)).expect(200)).body as AttemptState;
    expect(await alerts(officer.id)).toEqual([]);

    shown = (await submit(client, shown, 2, quizAnswers(content, 3)).expect(200)).body as AttemptState;
    for (const who of [officer, admin]) {
      expect(await alerts(who.id)).toEqual([
        {
          kind: 'quiz-rounds-failed',
          title: `${learner!.name} has not passed “${module!.title}” after 2 quiz rounds`,
          body: expect.stringContaining('They can keep trying.'),
          link: `/officer/people/${employee.id}`,
          subject_id: state.assignmentId,
        },
      ]);
    }
    expect(await alerts(employee.id)).toEqual([]);
    expect(await alerts(elsewhere.officer.id)).toEqual([]);
    // Resending round 2 tells nobody again.
    await submit(client, state, 2, quizAnswers(content, 3)).expect(200);

    // The learner goes on: a third failed round, then a pass; still one notification each.
    shown = (await submit(client, shown, 3, quizAnswers(content, 3)).expect(200)).body as AttemptState;
    const passed = (await submit(client, shown, 4, quizAnswers(content)).expect(200)).body as AttemptState;
    expect(passed.phase).toBe('passed');
    expect(await alerts(officer.id)).toHaveLength(1);
    expect(await alerts(admin.id)).toHaveLength(1);

    // The officer sees it among their notifications, pointing at the person.
    const officerClient = await ctx.login(officer);
    const list = (await officerClient.get('/api/notifications').expect(200)).body as {
      items: NotificationView[];
    };
    expect(list.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'quiz-rounds-failed',
          link: `/officer/people/${employee.id}`,
          read: false,
        }),
      ]),
    );
    expect(org.id).toBe(employee.organisationId);
  });

  it('refuses a retry policy out of bounds when publishing, naming the field', async () => {
    const team = await ctx.newTeam();
    const admin = await ctx.login(team.admin);
    const [moduleId] = await ctx.moduleIds(team.org.id);
    const [v1] = await ctx.dataSource.query<{ content: ModuleContent }[]>(
      `SELECT content FROM module_version WHERE module_id = $1 AND version = 1`,
      [moduleId],
    );
    const content = clone(v1!.content);
    (content.quiz as { retryPolicy: unknown }).retryPolicy = { cooldownMinutes: -5 };
    const res = await admin.put(`/api/authoring/modules/${moduleId}/draft`, { content, baseRevision: null });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(res.body)).toContain('retryPolicy.cooldownMinutes');
  });
});
