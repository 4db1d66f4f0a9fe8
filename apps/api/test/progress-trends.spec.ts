import fc from 'fast-check';
import { Clock } from '../src/common/clock.js';
import { ProgressTrends, TREND_WEEKS } from '../src/modules/progress/progress-trends.service.js';
import { TestContext } from './test-app.js';

/**
 * Weekly trends computed from the records: each finished week equals a direct recount of how
 * things stood at the end of that week, for random assignment histories (created, completed,
 * superseded by a new cycle, due dates before and after, people deactivated), and this week
 * equals the live overview.
 */

const DAY = 24 * 3600 * 1000;
const WEEK = 7 * DAY;
// A Thursday: "now" for these tests.
const NOW = new Date('2026-11-26T15:00:00Z');

describe('progress trends', () => {
  let ctx: TestContext;
  let trends: ProgressTrends;
  const realNow = Clock.prototype.now;
  beforeAll(async () => {
    ctx = await TestContext.create();
    trends = ctx.app.get(ProgressTrends);
    ctx.app.get(Clock).now = () => NOW;
  });
  afterAll(async () => {
    if (ctx) ctx.app.get(Clock).now = realNow;
    await ctx?.close();
  });

  const history = fc.array(
    fc.record({
      user: fc.integer({ min: 0, max: 4 }),
      module: fc.integer({ min: 0, max: 2 }),
      // Days before now; the year shown and some before it.
      created: fc.integer({ min: 1, max: 420 }),
      completedAfter: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
      dueAfter: fc.integer({ min: -5, max: 60 }),
      supersededAfter: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
    }),
    { minLength: 1, maxLength: 25 },
  );
  const deactivations = fc.array(fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }), {
    minLength: 5,
    maxLength: 5,
  });

  it('record each finished week exactly as a recount of the records at the end of that week', async () => {
    await fc.assert(
      fc.asyncProperty(history, deactivations, async (items, deactivated) => {
        const org = await ctx.newOrganisation();
        const departments = [
          (await ctx.newDepartment(org.id)).id,
          (await ctx.newDepartment(org.id)).id,
          null,
        ];
        const people = [];
        for (let i = 0; i < 5; i++) {
          people.push((await ctx.newUser({ organisationId: org.id, departmentId: departments[i % 3] })).id);
        }
        const modules = await ctx.moduleIds(org.id);
        let cycle = 0;
        for (const item of items) {
          const created = new Date(NOW.getTime() - item.created * DAY);
          const at = (days: number | null) =>
            days === null ? null : new Date(Math.min(created.getTime() + days * DAY, NOW.getTime() - 1000));
          const completed = at(item.completedAfter);
          // Cycles keep the per-person current index apart: each history item is its own cycle,
          // superseded unless it is the person's last one.
          await ctx.dataSource.query(
            `INSERT INTO assignment (organisation_id, user_id, module_id, due_date, created_at, status, completed_at,
                                     superseded_at, cycle)
             VALUES ($1, $2, $3, ($4::timestamptz)::date + $5::int, $4, $6, $7, $8, $9)`,
            [
              org.id,
              people[item.user],
              modules[item.module],
              created.toISOString(),
              item.dueAfter,
              completed ? 'completed' : 'not-started',
              completed?.toISOString() ?? null,
              (at(item.supersededAfter) ?? new Date(NOW.getTime() - 500)).toISOString(),
              ++cycle,
            ],
          );
        }
        for (let i = 0; i < 5; i++) {
          const days = deactivated[i];
          if (days === null || days === undefined) continue;
          await ctx.dataSource.query(`UPDATE app_user SET active = false WHERE id = $1`, [people[i]]);
          await ctx.dataSource.query(
            `ALTER TABLE app_user DISABLE TRIGGER app_user_deactivated_at;
             UPDATE app_user SET deactivated_at = $2 WHERE id = $1;
             ALTER TABLE app_user ENABLE TRIGGER app_user_deactivated_at`
              .replace(/\$1/g, `'${people[i]}'`)
              .replace(/\$2/g, `'${new Date(NOW.getTime() - days * DAY).toISOString()}'`),
          );
        }

        expect(await trends.computeWeeks(org.id)).toBe(TREND_WEEKS);
        // Nothing new to record the second time.
        expect(await trends.computeWeeks(org.id)).toBe(0);

        const recounted = await ctx.dataSource.query<
          { week_start: string; required: number; completed: number; overdue: number }[]
        >(
          `WITH weeks AS (
             SELECT ws::date AS week_start, (ws + interval '7 days') AS t
               FROM generate_series($2::timestamptz, $2::timestamptz + ($3::int - 1) * interval '7 days', interval '7 days') ws
           )
           SELECT to_char(w.week_start, 'YYYY-MM-DD') AS week_start,
                  count(a.id)::int AS required,
                  count(a.id) FILTER (WHERE a.completed_at < w.t)::int AS completed,
                  count(a.id) FILTER (WHERE a.due_date < (w.t AT TIME ZONE 'UTC')::date
                                        AND (a.completed_at IS NULL OR a.completed_at >= w.t))::int AS overdue
             FROM weeks w
             LEFT JOIN (assignment a JOIN app_user u ON u.id = a.user_id)
               ON a.organisation_id = $1 AND a.created_at < w.t
              AND (a.superseded_at IS NULL OR a.superseded_at >= w.t)
              AND (u.deactivated_at IS NULL OR u.deactivated_at >= w.t)
            GROUP BY w.week_start ORDER BY w.week_start`,
          [
            org.id,
            new Date(ProgressTrends.weekStart(NOW).getTime() - TREND_WEEKS * WEEK).toISOString(),
            TREND_WEEKS,
          ],
        );
        const trend = await trends.trend(org.id, undefined);
        // Weeks before anything was required are left out.
        const firstRequired = recounted.findIndex((r) => r.required > 0);
        const expected = firstRequired < 0 ? [] : recounted.slice(firstRequired);
        expect(
          trend.weeks.map(({ weekStart, required, completed, overdue }) => ({
            weekStart,
            required,
            completed,
            overdue,
          })),
        ).toEqual(
          expected.map((r) => ({
            weekStart: r.week_start,
            required: r.required,
            completed: r.completed,
            overdue: r.overdue,
          })),
        );
      }),
      { numRuns: 15, seed: 3122026 },
    );
  }, 120_000);

  it('this week equals the overview; one department; a finished week is not rewritten when people move', async () => {
    const { org, department, officer, employee } = await ctx.newTeam();
    const [first, second] = await ctx.moduleIds(org.id);
    await ctx.dataSource.query(
      `INSERT INTO assignment (organisation_id, user_id, module_id, due_date, created_at, status, completed_at)
       VALUES ($1, $2, $3, '2026-10-01', '2026-09-01T10:00:00Z', 'completed', '2026-09-20T10:00:00Z'),
              ($1, $2, $4, '2026-10-15', '2026-09-01T10:00:00Z', 'not-started', NULL)`,
      [org.id, employee.id, first, second],
    );
    await trends.computeWeeks(org.id);
    const client = await ctx.login(officer);
    const whole = await client.get('/api/progress/trends').expect(200);
    const overview = await client.get('/api/progress/overview').expect(200);
    expect(whole.body.current).toMatchObject({
      required: overview.body.totals.assigned,
      completed: overview.body.totals.completed,
      overdue: overview.body.totals.overdue,
      completionRate: 50,
      overdueRate: 50,
    });
    // The week of 2026-10-05 (ending Sunday 11 October): both required, one completed, one overdue.
    expect(whole.body.weeks.find((w: { weekStart: string }) => w.weekStart === '2026-10-05')).toEqual({
      weekStart: '2026-10-05',
      required: 2,
      completed: 1,
      overdue: 0,
      completionRate: 50,
      overdueRate: 0,
    });
    expect(whole.body.weeks.find((w: { weekStart: string }) => w.weekStart === '2026-10-19')).toMatchObject({
      overdue: 1,
    });
    const mine = await client.get(`/api/progress/trends?departmentId=${department.id}`).expect(200);
    expect(mine.body.weeks.at(-1)).toMatchObject({ required: 2 });
    await ctx.dataSource.query(`UPDATE app_user SET department_id = NULL WHERE id = $1`, [employee.id]);
    await trends.computeWeeks(org.id);
    const after = await client.get(`/api/progress/trends?departmentId=${department.id}`).expect(200);
    expect(after.body.weeks).toEqual(mine.body.weeks);
    expect(after.body.current).toMatchObject({ required: 0 });

    const bad = await client.get('/api/progress/trends?departmentId=nope').expect(400);
    expect(JSON.stringify(bad.body)).toContain('departmentId');
  });
});
