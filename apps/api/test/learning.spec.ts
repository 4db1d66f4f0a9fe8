import { applyChoiceResult, type AttemptState, type ChoiceResult } from '@countersign/contracts/learning';
import type { ModuleContent } from '@countersign/scenario-engine';
import { choose } from './play.js';
import { type Client, TestContext, type TestUser } from './test-app.js';

describe('learning: play, quiz, completion', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());

  async function setUp() {
    const team = await ctx.newTeam();
    const [moduleId] = await ctx.moduleIds(team.org.id);
    const assignmentId = await ctx.assign(team.employee, moduleId!);
    const client = await ctx.login(team.employee);
    return { ...team, moduleId: moduleId!, assignmentId, client };
  }

  async function contentOf(attemptId: string): Promise<ModuleContent> {
    const [row] = await ctx.dataSource.query(
      `SELECT v.content FROM attempt t JOIN module_version v ON v.id = t.module_version_id WHERE t.id = $1`,
      [attemptId],
    );
    return row.content as ModuleContent;
  }

  /** Plays the first offered choice until an ending. */
  async function playToEnd(client: Client, state: AttemptState): Promise<AttemptState> {
    while (state.phase === 'scenario') state = await choose(client, state, state.step.choices[0]!.id);
    return state;
  }

  function answers(content: ModuleContent, correct: boolean): Record<string, string[]> {
    return Object.fromEntries(
      content.quiz.questions.map((q) => [
        q.id,
        correct
          ? q.options.filter((o) => o.correct).map((o) => o.id)
          : [q.options.find((o) => !o.correct)!.id],
      ]),
    );
  }

  const completions = async (assignmentId: string) =>
    (
      await ctx.dataSource.query(`SELECT count(*)::int AS n FROM completion WHERE assignment_id = $1`, [
        assignmentId,
      ])
    )[0].n;

  it('lists the learner’s assignments with status and progress', async () => {
    const { client, assignmentId } = await setUp();
    const res = await client.get('/api/me/assignments').expect(200);
    expect(res.body).toEqual([
      expect.objectContaining({
        assignmentId,
        status: 'not-started',
        overdue: false,
        progressPercent: 0,
        activeAttemptId: null,
        completion: null,
      }),
    ]);
  });

  it('shows a step without the answers: no feedback, next step or points leave the server', async () => {
    const { client, assignmentId } = await setUp();
    const state: AttemptState = (
      await client.post(`/api/me/assignments/${assignmentId}/attempts`).expect(200)
    ).body;
    expect(state.phase).toBe('scenario');
    expect(state.choicesMade).toBe(0);
    expect(state.step.choices.length).toBeGreaterThan(1);
    for (const choice of state.step.choices) expect(Object.keys(choice).sort()).toEqual(['id', 'label']);
    expect(JSON.stringify(state)).not.toMatch(/"feedback"|"points"|"next"|"correct"/);
  });

  it('resumes the same attempt instead of starting another', async () => {
    const { client, assignmentId } = await setUp();
    const first: AttemptState = (
      await client.post(`/api/me/assignments/${assignmentId}/attempts`).expect(200)
    ).body;
    const afterChoice: ChoiceResult = (
      await client
        .post(`/api/me/attempts/${first.attemptId}/choices`, { seq: 0, choiceId: first.step.choices[0]!.id })
        .expect(200)
    ).body;
    // Leave and come back: both the start endpoint and a direct read give the saved position.
    const resumed: AttemptState = (
      await client.post(`/api/me/assignments/${assignmentId}/attempts`).expect(200)
    ).body;
    expect(resumed.attemptId).toBe(first.attemptId);
    expect(resumed.choicesMade).toBe(1);
    expect(resumed.step.id).toBe(afterChoice.step.id);
    expect(resumed.history).toHaveLength(1);
    expect((await client.get(`/api/me/attempts/${first.attemptId}`).expect(200)).body).toEqual(resumed);
    const list = (await client.get('/api/me/assignments').expect(200)).body;
    expect(list[0]).toMatchObject({ status: 'in-progress', activeAttemptId: first.attemptId });
    const [tracked] = await ctx.dataSource.query(`SELECT status FROM assignment WHERE id = $1`, [
      assignmentId,
    ]);
    expect(tracked.status).toBe('in-progress');
    expect(list[0].progressPercent).toBeGreaterThan(0);
  });

  it('starts only one attempt when two starts race', async () => {
    const { client, assignmentId } = await setUp();
    const [a, b] = await Promise.all([
      client.post(`/api/me/assignments/${assignmentId}/attempts`),
      client.post(`/api/me/assignments/${assignmentId}/attempts`),
    ]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.body.attemptId).toBe(b.body.attemptId);
  });

  it('gives feedback naming red flags from the catalogue', async () => {
    const { client, assignmentId } = await setUp();
    const state: AttemptState = (
      await client.post(`/api/me/assignments/${assignmentId}/attempts`).expect(200)
    ).body;
    const content = await contentOf(state.attemptId);
    const start = content.scenario.steps.find((s) => s.id === content.scenario.start)!;
    const flagged = start.choices.find((c) => c.redFlags.length > 0)!;
    const next: ChoiceResult = (
      await client
        .post(`/api/me/attempts/${state.attemptId}/choices`, { seq: 0, choiceId: flagged.id })
        .expect(200)
    ).body;
    expect(next.feedback).toMatchObject({ choiceId: flagged.id, feedback: flagged.feedback });
    expect(next.feedback.redFlags.map((f) => f.key)).toEqual([...new Set(flagged.redFlags)]);
    expect(next.feedback.redFlags[0]).toEqual(
      expect.objectContaining({ title: expect.any(String), explanation: expect.any(String) }),
    );
  });

  it('answers a choice with what comes next, which folded into the state equals the full state', async () => {
    const team = await ctx.newTeam();
    const client = await ctx.login(team.employee);
    // Every built-in module, played to an ending: the small answer never drifts from GET.
    for (const moduleId of await ctx.moduleIds(team.org.id)) {
      const assignmentId = await ctx.assign(team.employee, moduleId);
      let state: AttemptState = (
        await client.post(`/api/me/assignments/${assignmentId}/attempts`).expect(200)
      ).body;
      while (state.phase === 'scenario') {
        const res = await client
          .post(`/api/me/attempts/${state.attemptId}/choices`, {
            seq: state.choicesMade,
            choiceId: state.step.choices.at(-1)!.id,
          })
          .expect(200);
        const result = res.body as ChoiceResult;
        expect(result).not.toHaveProperty('history');
        state = applyChoiceResult(state, result)!;
        expect(state).toEqual((await client.get(`/api/me/attempts/${state.attemptId}`).expect(200)).body);
      }
      expect(state.phase).toBe('quiz');
    }
  });

  it('treats a retried choice as the same choice and records it once', async () => {
    const { client, assignmentId } = await setUp();
    const state: AttemptState = (
      await client.post(`/api/me/assignments/${assignmentId}/attempts`).expect(200)
    ).body;
    const body = { seq: 0, choiceId: state.step.choices[0]!.id };
    const first = (await client.post(`/api/me/attempts/${state.attemptId}/choices`, body).expect(200)).body;
    const retry = (await client.post(`/api/me/attempts/${state.attemptId}/choices`, body).expect(200)).body;
    expect(retry).toEqual(first);
    const events = await ctx.dataSource.query(
      `SELECT type FROM attempt_event WHERE attempt_id = $1 ORDER BY seq`,
      [state.attemptId],
    );
    expect(events.map((e: { type: string }) => e.type)).toEqual(['started', 'choice']);
    // A different answer for a position already answered is a conflict, not a second path.
    const other = state.step.choices[1]!.id;
    const stale = await client
      .post(`/api/me/attempts/${state.attemptId}/choices`, { seq: 0, choiceId: other })
      .expect(409);
    expect(stale.body.code).toBe('stale_choice');
    await client.post(`/api/me/attempts/${state.attemptId}/choices`, { seq: 5, choiceId: other }).expect(409);
  });

  it('refuses a choice not offered at the current step, naming it', async () => {
    const { client, assignmentId } = await setUp();
    const state: AttemptState = (
      await client.post(`/api/me/assignments/${assignmentId}/attempts`).expect(200)
    ).body;
    const res = await client
      .post(`/api/me/attempts/${state.attemptId}/choices`, { seq: 0, choiceId: 'made-up' })
      .expect(422);
    expect(res.body).toMatchObject({ code: 'invalid_choice', details: [{ field: 'choiceId' }] });
    expect(res.body.message).toContain('made-up');
    const bad = await client.post(`/api/me/attempts/${state.attemptId}/choices`, { seq: -1 }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['choiceId', 'seq']);
  });

  it('scores the quiz on the server: wrong answers fail, a new round is offered, right answers pass once', async () => {
    const { client, assignmentId } = await setUp();
    let state: AttemptState = (await client.post(`/api/me/assignments/${assignmentId}/attempts`).expect(200))
      .body;
    await client.post(`/api/me/attempts/${state.attemptId}/quiz`, { round: 1, answers: {} }).expect(409);
    state = await playToEnd(client, state);
    expect(state.phase).toBe('quiz');
    expect(state.ending).toEqual(
      expect.objectContaining({
        outcome: expect.stringMatching(/safe|compromised/),
        debrief: expect.any(String),
      }),
    );
    expect(state.quiz!.round).toBe(1);
    for (const q of state.quiz!.questions)
      for (const o of q.options) expect(Object.keys(o).sort()).toEqual(['id', 'label']);
    const content = await contentOf(state.attemptId);

    const failed: AttemptState = (
      await client
        .post(`/api/me/attempts/${state.attemptId}/quiz`, { round: 1, answers: answers(content, false) })
        .expect(200)
    ).body;
    expect(failed.lastResult).toMatchObject({ round: 1, passed: false, scorePercent: 0, passMark: 80 });
    expect(failed.phase).toBe('quiz');
    expect(failed.quiz!.round).toBe(2);
    expect(failed.lastResult!.questions[0]!.explanation).toEqual(expect.any(String));
    // Each question names the learner's answer and the right one, by label.
    const [first] = content.quiz.questions;
    expect(failed.lastResult!.questions[0]).toMatchObject({
      questionId: first!.id,
      kind: first!.kind,
      options: first!.options.map((o) => ({ id: o.id, label: o.label })),
      correct: false,
      selected: [first!.options.find((o) => !o.correct)!.id],
      correctOptionIds: first!.options.filter((o) => o.correct).map((o) => o.id),
    });
    expect(await completions(assignmentId)).toBe(0);

    // The built-in modules send the learner back to the debrief before a retry.
    expect(failed.quiz!.gate).toEqual({ opensAt: null, reviewDebrief: true });
    const refused = await client
      .post(`/api/me/attempts/${state.attemptId}/quiz`, { round: 2, answers: answers(content, true) })
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'debrief_review_required', message: expect.any(String) });
    const reviewed: AttemptState = (
      await client.post(`/api/me/attempts/${state.attemptId}/debrief-review`).expect(200)
    ).body;
    expect(reviewed.quiz).toMatchObject({ round: 2, gate: null });
    // Opening it again records nothing more.
    await client.post(`/api/me/attempts/${state.attemptId}/debrief-review`).expect(200);
    const reviews = await ctx.dataSource.query(
      `SELECT payload FROM attempt_event WHERE attempt_id = $1 AND type = 'debrief-reviewed'`,
      [state.attemptId],
    );
    expect(reviews).toEqual([{ payload: { round: 2 } }]);

    const passed: AttemptState = (
      await client
        .post(`/api/me/attempts/${state.attemptId}/quiz`, { round: 2, answers: answers(content, true) })
        .expect(200)
    ).body;
    expect(passed.phase).toBe('passed');
    expect(passed.progressPercent).toBe(100);
    expect(passed.lastResult).toMatchObject({ round: 2, passed: true, scorePercent: 100 });

    // A retried submission returns the same result and never double-counts.
    const retried = (
      await client
        .post(`/api/me/attempts/${state.attemptId}/quiz`, { round: 2, answers: answers(content, true) })
        .expect(200)
    ).body;
    expect(retried).toEqual(passed);
    expect(await completions(assignmentId)).toBe(1);
    const [tracked] = await ctx.dataSource.query(
      `SELECT status, completed_at FROM assignment WHERE id = $1`,
      [assignmentId],
    );
    expect(tracked.status).toBe('completed');
    expect(tracked.completed_at).toBeInstanceOf(Date);
    const [completion] = await ctx.dataSource.query(
      `SELECT c.score, c.passed, v.version FROM completion c JOIN module_version v ON v.id = c.module_version_id WHERE c.assignment_id = $1`,
      [assignmentId],
    );
    expect(completion).toEqual({ score: 100, passed: true, version: 1 });
    const list = (await client.get('/api/me/assignments').expect(200)).body;
    expect(list[0]).toMatchObject({
      status: 'completed',
      progressPercent: 100,
      completion: { scorePercent: 100, version: 1 },
    });
    // Starting again after completion shows the passing attempt for review.
    const review = (await client.post(`/api/me/assignments/${assignmentId}/attempts`).expect(200)).body;
    expect(review.attemptId).toBe(state.attemptId);
    expect(review.phase).toBe('passed');
  });

  it('rejects quiz answers that name unknown questions or options, or skip a question', async () => {
    const { client, assignmentId } = await setUp();
    let state: AttemptState = (await client.post(`/api/me/assignments/${assignmentId}/attempts`).expect(200))
      .body;
    state = await playToEnd(client, state);
    const content = await contentOf(state.attemptId);
    const all = answers(content, true);
    const [firstQuestion] = Object.keys(all);
    const missing = { ...all };
    delete missing[firstQuestion!];
    const res = await client
      .post(`/api/me/attempts/${state.attemptId}/quiz`, { round: 1, answers: missing })
      .expect(422);
    expect(res.body).toMatchObject({
      code: 'invalid_answers',
      details: [{ field: `answers.${firstQuestion}` }],
    });
    await client
      .post(`/api/me/attempts/${state.attemptId}/quiz`, {
        round: 1,
        answers: { ...all, [firstQuestion!]: ['nope'] },
      })
      .expect(422);
    await client.post(`/api/me/attempts/${state.attemptId}/quiz`, { round: 3, answers: all }).expect(409);
    // Nothing half-written: the failed submissions left no quiz event.
    const events = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM attempt_event WHERE attempt_id = $1 AND type = 'quiz-submitted'`,
      [state.attemptId],
    );
    expect(events[0].n).toBe(0);
  });

  it('keeps the attempt log and completions append-only at the database level', async () => {
    const { client, assignmentId, org } = await setUp();
    const state: AttemptState = (
      await client.post(`/api/me/assignments/${assignmentId}/attempts`).expect(200)
    ).body;
    const content = await contentOf(state.attemptId);
    await client
      .post(`/api/me/attempts/${state.attemptId}/quiz`, {
        round: (await playToEnd(client, state)).quiz!.round,
        answers: answers(content, true),
      })
      .expect(200);
    const refused = (sql: string) => expect(ctx.dataSource.query(sql, [state.attemptId])).rejects;
    await refused(`UPDATE attempt_event SET type = 'passed' WHERE attempt_id = $1`).toThrow(/append-only/);
    await refused(`DELETE FROM attempt_event WHERE attempt_id = $1`).toThrow(/append-only/);
    await refused(`DELETE FROM completion WHERE attempt_id = $1`).toThrow(/cannot be deleted/);
    for (const table of ['attempt_event', 'completion', 'audit_event']) {
      await expect(ctx.dataSource.query(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(/cannot be truncated/);
    }
    expect(await completions(assignmentId)).toBe(1);
    // Removing the whole organisation still takes its records with it (the cascade).
    await ctx.dataSource.query(`DELETE FROM organisation WHERE id = $1`, [org.id]);
    expect(await completions(assignmentId)).toBe(0);
  });

  it('never lets one person or organisation reach another’s assignments or attempts', async () => {
    const mine = await setUp();
    const state: AttemptState = (
      await mine.client.post(`/api/me/assignments/${mine.assignmentId}/attempts`).expect(200)
    ).body;
    // A colleague in the same organisation…
    const colleague: TestUser = await ctx.newUser({ organisationId: mine.org.id });
    const colleagueClient = await ctx.login(colleague);
    // …and someone in another organisation.
    const other = await setUp();
    for (const client of [colleagueClient, other.client]) {
      await client.post(`/api/me/assignments/${mine.assignmentId}/attempts`).expect(404);
      await client.get(`/api/me/attempts/${state.attemptId}`).expect(404);
      await client
        .post(`/api/me/attempts/${state.attemptId}/choices`, { seq: 0, choiceId: state.step.choices[0]!.id })
        .expect(404);
      await client.post(`/api/me/attempts/${state.attemptId}/quiz`, { round: 1, answers: {} }).expect(404);
    }
    const untouched = await ctx.dataSource.query(`SELECT choices_made FROM attempt WHERE id = $1`, [
      state.attemptId,
    ]);
    expect(untouched[0].choices_made).toBe(0);
  });
});
