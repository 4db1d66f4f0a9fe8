import fc from 'fast-check';
import type { EntityManager } from 'typeorm';
import {
  COUNTED,
  COUNTED_PAST_DUE,
  NO_DEPARTMENT,
  ProgressCounters,
  TOTALLED,
} from '../src/modules/progress/progress-counters.service.js';
import { TestContext } from './test-app.js';

/**
 * The completion counters (migration AddProgressCounters) against a full recount of the
 * assignments they stand for, after random sequences of every kind of change the application
 * makes: assignments created one by one and in bulk, new cycles superseding old ones, status and
 * due-date changes, withdrawals, people moved between departments (one by one and all at once),
 * deactivated, reactivated and deleted, changes grouped in transactions that commit or roll back,
 * and the fold job running at any point.
 */

const STATUSES = ['not-started', 'in-progress', 'completed'] as const;
type Status = (typeof STATUSES)[number];

type Action =
  | { k: 'assign'; user: number; module: number; due: number; status: Status }
  | { k: 'bulk'; pairs: { user: number; module: number }[]; due: number }
  | { k: 'status'; pick: number; status: Status }
  | { k: 'due'; pick: number; due: number }
  | { k: 'withdraw'; pick: number }
  | { k: 'move'; user: number; department: number }
  | { k: 'moveAll'; from: number; to: number }
  | { k: 'active'; user: number; active: boolean }
  | { k: 'deleteUser'; user: number }
  | { k: 'fold' };
type Step = Action | { k: 'tx'; actions: Action[]; commit: boolean };

const PEOPLE = 6;
const MODULES = 3;
const DEPARTMENTS = 3; // index 3 = no department

const user = fc.integer({ min: 0, max: PEOPLE - 1 });
const moduleIndex = fc.integer({ min: 0, max: MODULES - 1 });
const due = fc.integer({ min: -10, max: 10 });
const status = fc.constantFrom(...STATUSES);
const department = fc.integer({ min: 0, max: DEPARTMENTS });
const pick = fc.nat();

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ k: fc.constant('assign' as const), user, module: moduleIndex, due, status }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('bulk' as const),
      pairs: fc.array(fc.record({ user, module: moduleIndex }), { minLength: 1, maxLength: 8 }),
      due,
    }),
  },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('status' as const), pick, status }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('due' as const), pick, due }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('withdraw' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('move' as const), user, department }) },
  {
    weight: 1,
    arbitrary: fc.record({ k: fc.constant('moveAll' as const), from: department, to: department }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('active' as const), user, active: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('deleteUser' as const), user }) },
  { weight: 2, arbitrary: fc.constant({ k: 'fold' as const }) },
);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: action },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('tx' as const),
      actions: fc.array(
        action.filter((a) => a.k !== 'fold'),
        { minLength: 1, maxLength: 5 },
      ),
      commit: fc.boolean(),
    }),
  },
);

interface World {
  organisationId: string;
  people: string[];
  modules: string[];
  departments: (string | null)[];
}

describe('progress counters', () => {
  let ctx: TestContext;
  let counters: ProgressCounters;
  beforeAll(async () => {
    ctx = await TestContext.create();
    counters = ctx.app.get(ProgressCounters);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  async function newWorld(): Promise<World> {
    const org = await ctx.newOrganisation();
    const departments: (string | null)[] = [];
    for (let i = 0; i < DEPARTMENTS; i++) departments.push((await ctx.newDepartment(org.id)).id);
    departments.push(null);
    const people: string[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      people.push(
        (await ctx.newUser({ organisationId: org.id, departmentId: departments[i % DEPARTMENTS] })).id,
      );
    }
    const modules = (await ctx.moduleIds(org.id)).slice(0, MODULES);
    expect(modules).toHaveLength(MODULES);
    return { organisationId: org.id, people, modules, departments };
  }

  async function apply(tx: EntityManager, world: World, a: Action): Promise<void> {
    const org = world.organisationId;
    const assignments = async () =>
      (
        await tx.query<{ id: string }[]>(`SELECT id FROM assignment WHERE organisation_id = $1 ORDER BY id`, [
          org,
        ])
      ).map((r) => r.id);
    switch (a.k) {
      case 'assign': {
        // A new cycle supersedes the current one, as recurrence and "complete again" do.
        const [userId, moduleId] = [world.people[a.user], world.modules[a.module]];
        const [{ exists }] = await tx.query<{ exists: boolean }[]>(
          `SELECT EXISTS (SELECT 1 FROM app_user WHERE id = $1) AS exists`,
          [userId],
        );
        if (!exists) return;
        await tx.query(
          `UPDATE assignment SET superseded_at = now() WHERE user_id = $1 AND module_id = $2 AND superseded_at IS NULL`,
          [userId, moduleId],
        );
        await tx.query(
          `INSERT INTO assignment (organisation_id, user_id, module_id, due_date, status, completed_at, cycle)
           SELECT $1, $2, $3, current_date + $4::int, $5::assignment_status,
                  CASE WHEN $5::assignment_status = 'completed' THEN now() END,
                  COALESCE((SELECT max(cycle) FROM assignment WHERE user_id = $2 AND module_id = $3), 0) + 1`,
          [org, userId, moduleId, a.due, a.status],
        );
        return;
      }
      case 'bulk': {
        // As the rule engine does: one statement, people who have no current assignment only.
        const pairs = [...new Map(a.pairs.map((p) => [`${p.user}:${p.module}`, p])).values()];
        await tx.query(
          `INSERT INTO assignment (organisation_id, user_id, module_id, due_date, source, cycle)
           SELECT $1, p.user_id, p.module_id, current_date + $4::int, 'rule',
                  COALESCE((SELECT max(cycle) FROM assignment x WHERE x.user_id = p.user_id AND x.module_id = p.module_id), 0) + 1
             FROM unnest($2::uuid[], $3::uuid[]) AS p(user_id, module_id)
             JOIN app_user u ON u.id = p.user_id
            WHERE NOT EXISTS (SELECT 1 FROM assignment c WHERE c.user_id = p.user_id AND c.module_id = p.module_id
                                AND c.superseded_at IS NULL)`,
          [org, pairs.map((p) => world.people[p.user]), pairs.map((p) => world.modules[p.module]), a.due],
        );
        return;
      }
      case 'status': {
        const ids = await assignments();
        if (ids.length === 0) return;
        await tx.query(
          `UPDATE assignment SET status = $2::assignment_status, completed_at = CASE WHEN $2::assignment_status = 'completed' THEN now() END WHERE id = $1`,
          [ids[a.pick % ids.length], a.status],
        );
        return;
      }
      case 'due': {
        const ids = await assignments();
        if (ids.length === 0) return;
        await tx.query(`UPDATE assignment SET due_date = current_date + $2::int WHERE id = $1`, [
          ids[a.pick % ids.length],
          a.due,
        ]);
        return;
      }
      case 'withdraw': {
        const ids = await assignments();
        if (ids.length === 0) return;
        await tx.query(
          `WITH d AS (DELETE FROM assignment WHERE id = $1 RETURNING 1) SELECT count(*) FROM d`,
          [ids[a.pick % ids.length]],
        );
        return;
      }
      case 'move':
        await tx.query(`UPDATE app_user SET department_id = $2 WHERE id = $1`, [
          world.people[a.user],
          world.departments[a.department],
        ]);
        return;
      case 'moveAll':
        // As a department merge does: everyone at once, in one statement.
        await tx.query(
          `UPDATE app_user SET department_id = $3
            WHERE organisation_id = $1 AND department_id IS NOT DISTINCT FROM $2::uuid`,
          [org, world.departments[a.from], world.departments[a.to]],
        );
        return;
      case 'active':
        await tx.query(`UPDATE app_user SET active = $2 WHERE id = $1`, [world.people[a.user], a.active]);
        return;
      case 'deleteUser':
        await tx.query(`WITH d AS (DELETE FROM app_user WHERE id = $1 RETURNING 1) SELECT count(*) FROM d`, [
          world.people[a.user],
        ]);
        return;
      case 'fold':
        return;
    }
  }

  type Tally = Record<string, number>;

  async function counted(organisationId: string): Promise<Tally> {
    const rows = await ctx.dataSource.query<{ key: string; n: number }[]>(
      `SELECT concat_ws('|', c.department_key, c.module_id, c.status,
                        c.status <> 'completed' AND c.due_date < current_date, c.active) AS key,
              sum(c.n)::int AS n
         FROM ${COUNTED} c GROUP BY 1 HAVING sum(c.n) <> 0`,
      [organisationId],
    );
    return Object.fromEntries(rows.map((r) => [r.key, r.n]));
  }

  async function recount(organisationId: string): Promise<Tally> {
    const rows = await ctx.dataSource.query<{ key: string; n: number }[]>(
      `SELECT concat_ws('|', COALESCE(u.department_id, $2), a.module_id, a.status,
                        a.status <> 'completed' AND a.due_date < current_date, u.active) AS key,
              count(*)::int AS n
         FROM assignment a JOIN app_user u ON u.id = a.user_id
        WHERE a.organisation_id = $1 AND a.superseded_at IS NULL
        GROUP BY 1`,
      [organisationId, NO_DEPARTMENT],
    );
    return Object.fromEntries(rows.map((r) => [r.key, r.n]));
  }

  /** What the overview reads: totals without due dates, and the rows due before today. */
  async function read(organisationId: string): Promise<{ totals: Tally; overdue: Tally }> {
    const tally = async (sql: string) =>
      Object.fromEntries(
        (await ctx.dataSource.query<{ key: string; n: number }[]>(sql, [organisationId])).map((r) => [
          r.key,
          r.n,
        ]),
      );
    return {
      totals: await tally(
        `SELECT concat_ws('|', c.department_key, c.module_id, c.status, c.active) AS key, sum(c.n)::int AS n
           FROM ${TOTALLED} c GROUP BY 1 HAVING sum(c.n) <> 0`,
      ),
      overdue: await tally(
        `SELECT concat_ws('|', c.department_key, c.module_id, c.status, c.active) AS key, sum(c.n)::int AS n
           FROM ${COUNTED_PAST_DUE} c WHERE c.status <> 'completed' GROUP BY 1 HAVING sum(c.n) <> 0`,
      ),
    };
  }

  async function recountRead(organisationId: string): Promise<{ totals: Tally; overdue: Tally }> {
    const tally = async (filter: string) =>
      Object.fromEntries(
        (
          await ctx.dataSource.query<{ key: string; n: number }[]>(
            `SELECT concat_ws('|', COALESCE(u.department_id, $2), a.module_id, a.status, u.active) AS key,
                    count(*)::int AS n
               FROM assignment a JOIN app_user u ON u.id = a.user_id
              WHERE a.organisation_id = $1 AND a.superseded_at IS NULL AND ${filter}
              GROUP BY 1`,
            [organisationId, NO_DEPARTMENT],
          )
        ).map((r) => [r.key, r.n]),
      );
    return {
      totals: await tally('true'),
      overdue: await tally(`a.status <> 'completed' AND a.due_date < current_date`),
    };
  }

  it('equal a full recount after any sequence of changes, folded or not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
        const world = await newWorld();
        for (const s of steps) {
          if (s.k === 'fold') {
            await counters.fold();
          } else if (s.k === 'tx') {
            await ctx.dataSource
              .transaction(async (tx) => {
                for (const a of s.actions) await apply(tx, world, a);
                if (!s.commit) throw new RolledBack();
              })
              .catch((error: unknown) => {
                if (!(error instanceof RolledBack)) throw error;
              });
          } else {
            await apply(ctx.dataSource.manager, world, s);
          }
        }
        expect(await counted(world.organisationId)).toEqual(await recount(world.organisationId));
        expect(await read(world.organisationId)).toEqual(await recountRead(world.organisationId));
        await counters.fold();
        expect(await counted(world.organisationId)).toEqual(await recount(world.organisationId));
        expect(await read(world.organisationId)).toEqual(await recountRead(world.organisationId));
        const [{ negative }] = await ctx.dataSource.query<{ negative: number }[]>(
          `SELECT (SELECT count(*)::int FROM progress_count WHERE organisation_id = $1 AND n < 0)
                + (SELECT count(*)::int FROM progress_total WHERE organisation_id = $1 AND n < 0) AS negative`,
          [world.organisationId],
        );
        expect(negative).toBe(0);
      }),
      { numRuns: 40, seed: 20261203 },
    );
  }, 120_000);

  it('count a person moved while their assignment is being written in another transaction', async () => {
    const world = await newWorld();
    const [userId, moduleId] = [world.people[0]!, world.modules[0]!];
    const runner = ctx.dataSource.createQueryRunner();
    await runner.connect();
    try {
      // The move commits after the assignment was inserted but before it committed.
      await runner.startTransaction();
      await runner.query(
        `INSERT INTO assignment (organisation_id, user_id, module_id, due_date) VALUES ($1, $2, $3, current_date)`,
        [world.organisationId, userId, moduleId],
      );
      const move = ctx.dataSource.query(`UPDATE app_user SET department_id = $2 WHERE id = $1`, [
        userId,
        world.departments[2],
      ]);
      // The move waits for the insert's (shared) organisation lock: it has not finished yet.
      const raced = await Promise.race([move.then(() => 'moved'), sleep(300).then(() => 'waiting')]);
      expect(raced).toBe('waiting');
      await runner.commitTransaction();
      await move;
    } finally {
      await runner.release();
    }
    expect(await counted(world.organisationId)).toEqual(await recount(world.organisationId));
  });

  it('the overview answers from the counters what a recount says', async () => {
    const world = await newWorld();
    for (let i = 0; i < PEOPLE; i++) {
      await apply(ctx.dataSource.manager, world, {
        k: 'assign',
        user: i,
        module: i % MODULES,
        due: i - 3,
        status: STATUSES[i % 3]!,
      });
    }
    await apply(ctx.dataSource.manager, world, { k: 'active', user: 5, active: false });
    const [recounted] = await ctx.dataSource.query<
      { assigned: number; completed: number; overdue: number }[]
    >(
      `SELECT count(*)::int AS assigned, count(*) FILTER (WHERE a.status = 'completed')::int AS completed,
              count(*) FILTER (WHERE a.status <> 'completed' AND a.due_date < current_date)::int AS overdue
         FROM assignment a JOIN app_user u ON u.id = a.user_id AND u.active
        WHERE a.organisation_id = $1 AND a.superseded_at IS NULL`,
      [world.organisationId],
    );
    const { ProgressService } = await import('../src/modules/progress/progress.service.js');
    const overview = await ctx.app.get(ProgressService).overview(world.organisationId);
    expect(overview.totals).toMatchObject(recounted!);
    expect(overview.totals.assigned).toBe(PEOPLE - 1);
    await counters.fold();
    expect((await ctx.app.get(ProgressService).overview(world.organisationId)).totals).toEqual(
      overview.totals,
    );
  });
});

class RolledBack extends Error {}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
