import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AttemptSummary,
  CompletionTotals,
  PersonDetail,
  ProgressOverview,
  ProgressPage,
  ProgressRow,
} from '@countersign/contracts/progress';
import type { progressExportQuerySchema, progressListQuerySchema } from '@countersign/contracts/progress';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import { notFound } from '../../common/domain-error.js';
import { COUNTED_PAST_DUE, NO_DEPARTMENT, TOTALLED } from './progress-counters.service.js';
import { decodeCursor, encodeCursor, type ProgressCursor } from './progress-cursor.js';
import { OVERDUE, progressFilterSql } from './progress-filters.js';

type ListQuery = z.infer<typeof progressListQuerySchema>;

/** A never-completed assignment sorts as if completed at the dawn of time: last, latest first. */
const COMPLETED_KEY = `COALESCE(a.completed_at, '-infinity'::timestamptz)`;

export interface SortSql {
  /** ORDER BY inside the page query (a, u, m); ids break ties. */
  inner: string;
  /** The same order on the page's rows (p). */
  outer: string;
  /**
   * The rows strictly after a cursor's row in `inner` order (`p[i]` is the placeholder of the
   * cursor's key i), and the order to read them in when a shorter one gives the same rows. Starts
   * with a bound on the first key alone, so the index on it can start at the cursor instead of
   * filtering from the first row.
   */
  after: (p: string[], cursor: ProgressCursor) => { where: string; inner?: string };
}

const SORTS: Record<ListQuery['sort'], SortSql> = {
  dueDate: {
    inner: 'a.due_date, u.name, m.title, a.id',
    outer: 'p.due_date, p.user_name, p.module_title, p.id',
    after: ([d, n, t, id]) => ({
      where: `a.due_date >= ${d}::date AND (a.due_date, u.name, m.title, a.id) > (${d}::date, ${n}::text, ${t}::text, ${id}::uuid)`,
    }),
  },
  name: {
    inner: 'u.name, m.title, a.id',
    outer: 'p.user_name, p.module_title, p.id',
    after: ([n, t, id]) => ({
      where: `u.name >= ${n}::text AND (u.name, m.title, a.id) > (${n}::text, ${t}::text, ${id}::uuid)`,
    }),
  },
  // Descending time then ascending name: one row comparison cannot say it, so the expanded form.
  // COALESCE in both the ORDER BY and the comparison (and in assignment_org_completed_idx): NULL
  // (not completed) is a value like any other, the smallest.
  completedAt: {
    inner: `${COMPLETED_KEY} DESC, u.name, m.title, a.id`,
    outer: 'p.completed_at DESC NULLS LAST, p.user_name, p.module_title, p.id',
    after: ([c, n, t, id], cursor) =>
      cursor.k[0] === null
        ? // Past the last completion only the not-completed rows remain, in name order: the
          // name sort's plan (app_user_org_name_idx from the cursor), not a sort of all of them.
          {
            where: `a.completed_at IS NULL AND u.name >= ${n}::text AND (u.name, m.title, a.id) > (${n}::text, ${t}::text, ${id}::uuid)`,
            inner: 'u.name, m.title, a.id',
          }
        : {
            where:
              `${COMPLETED_KEY} <= ${c}::timestamptz AND (${COMPLETED_KEY} < ${c}::timestamptz OR ` +
              `(u.name, m.title, a.id) > (${n}::text, ${t}::text, ${id}::uuid))`,
          },
  },
};

/** The cursor that starts the page after `row`, in `sort` order. */
function cursorAfter(row: ProgressSqlRow, sort: ListQuery['sort']): string {
  const tail: [string, string, string] = [row.user_name, row.module_title, row.assignment_id];
  switch (sort) {
    case 'dueDate':
      return encodeCursor({ s: 'dueDate', k: [row.due_date, ...tail] });
    case 'name':
      return encodeCursor({ s: 'name', k: tail });
    case 'completedAt':
      return encodeCursor({ s: 'completedAt', k: [row.completed_key, ...tail] });
  }
}

/** The list's query without its paging: what the export streams in full. */
export type ListFilters = z.infer<typeof progressExportQuerySchema>;

/**
 * The people list's one definition, shared by the page (`list`) and the CSV export: which
 * assignments (current cycle; leavers or not), the WHERE clause of the filters, the sort, and the
 * parameters so far (`$1` is the organisation). `param` adds one more and returns its placeholder.
 */
export interface ListSql {
  assignments: string;
  filters: string;
  sort: SortSql;
  params: unknown[];
  param: (value: unknown) => string;
}

export function listSql(organisationId: string, query: ListFilters): ListSql {
  const params: unknown[] = [organisationId];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const { from, where } = progressFilterSql(query, params);
  return { assignments: from, filters: where, sort: SORTS[query.sort], params, param };
}

/**
 * The list's rows (decorated with department, score and version) where `where` holds, in the
 * list's order. `page` ends the row choice: `ORDER BY … LIMIT … OFFSET …` for one page; empty for
 * the whole list (the export).
 *
 * A page is chosen first on what the ordering indexes carry (the assignment's id, due date,
 * person, module and status: index-only scans, CoverPeopleListIndexes1796366000000) with the
 * person's name and the module's title, and only its rows are then read whole and decorated.
 */
export function rowsSql(list: ListSql, where: string, page = ''): string {
  if (!page)
    return `WITH p AS (
         SELECT ${ROW_SELECT}
           ${list.assignments}
           JOIN training_module m ON m.id = a.module_id
          WHERE ${where}
       )
    SELECT ${PAGE_COLUMNS} FROM p ${PAGE_JOINS} ORDER BY ${list.sort.outer}`;
  return decorated(
    list,
    `k AS (
       SELECT a.id
         ${list.assignments}
         JOIN training_module m ON m.id = a.module_id
        WHERE ${where}
        ${page}
     )`,
  );
}

/**
 * A page in due-date order (the list's default) that starts at a due date: the first page, or the
 * page after a cursor (`cursor`: the placeholders of its due date, name, title and id).
 *
 * Within one due date the order is by person and module, which no index holds: in a large
 * organisation one due date has thousands of assignments (everyone whose cycle opened that day),
 * and sorting them all for 25 rows is the slow part. So the page is read in two parts: the rest
 * of its first due date walking people in name order (app_user_org_name_idx, each person's
 * current assignments from assignment_current_idx: a few hundred index entries for a page), and
 * only when that does not fill the page, the following due dates in the usual order (whose first
 * group is then the page's end, typically small).
 */
export function dueDatePageSql(list: ListSql, cursor: string[] | null, limit: number): string {
  const from = `${list.assignments} JOIN training_module m ON m.id = a.module_id`;
  const start = cursor
    ? `${cursor[0]}::date`
    : `(SELECT a.due_date ${from} WHERE ${list.filters} ORDER BY a.due_date LIMIT 1)`;
  const tail = cursor
    ? ` AND (u.name, m.title, a.id) > (${cursor[1]}::text, ${cursor[2]}::text, ${cursor[3]}::uuid)`
    : '';
  return decorated(
    list,
    `d0 AS MATERIALIZED (SELECT ${start} AS due),
     head AS MATERIALIZED (
       SELECT a.id, a.due_date, u.name, m.title ${from}
        WHERE ${list.filters} AND a.due_date = (SELECT due FROM d0)${tail}
        ORDER BY u.name, m.title, a.id LIMIT ${limit}
     ), rest AS (
       SELECT a.id, a.due_date, u.name, m.title ${from}
        WHERE ${list.filters} AND a.due_date > (SELECT due FROM d0)
          AND (SELECT count(*) FROM head) < ${limit}
        ORDER BY a.due_date, u.name, m.title, a.id LIMIT ${limit}
     ), k AS (
       SELECT id FROM (SELECT * FROM head UNION ALL SELECT * FROM rest) x
        ORDER BY due_date, name, title, id LIMIT ${limit}
     )`,
  );
}

/** The chosen page `k` (ids), read whole and decorated, in the list's order. */
function decorated(list: ListSql, chosen: string): string {
  return `WITH ${chosen}, p AS (
       SELECT ${ROW_SELECT}
         ${list.assignments}
         JOIN training_module m ON m.id = a.module_id
        WHERE a.organisation_id = $1 AND a.id IN (SELECT id FROM k)
     )
    SELECT ${PAGE_COLUMNS} FROM p ${PAGE_JOINS} ORDER BY ${list.sort.outer}`;
}

interface TotalsRow {
  assigned: number;
  completed: number;
  in_progress: number;
  not_started: number;
  overdue: number;
}

/** Officer reporting: reviewed SQL over the assignment/completion tables, always scoped to one organisation. */
@Injectable()
export class ProgressService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async overview(organisationId: string): Promise<ProgressOverview> {
    // From the counters (progress-counters.service.ts): a few thousand rows whatever the number
    // of assignments, exact (proved against a full recount in progress-counters.spec.ts).
    type Grouped<T> = T & {
      department_key: string | null;
      module_id: string | null;
      by: 'all' | 'department' | 'module';
    };
    const BY = `CASE WHEN GROUPING(c.department_key) = 0 THEN 'department'
                     WHEN GROUPING(c.module_id) = 0 THEN 'module' ELSE 'all' END AS by`;
    const [sums, overdue, departments, modules] = await Promise.all([
      this.dataSource.query<Grouped<Omit<TotalsRow, 'overdue'>>[]>(
        `SELECT ${BY}, c.department_key, c.module_id,
                sum(c.n)::int AS assigned,
                COALESCE(sum(c.n) FILTER (WHERE c.status = 'completed'), 0)::int AS completed,
                COALESCE(sum(c.n) FILTER (WHERE c.status = 'in-progress'), 0)::int AS in_progress,
                COALESCE(sum(c.n) FILTER (WHERE c.status = 'not-started'), 0)::int AS not_started
           FROM ${TOTALLED} c
          WHERE c.active
          GROUP BY GROUPING SETS ((), (c.department_key), (c.module_id))
         HAVING sum(c.n) > 0`,
        [organisationId],
      ),
      this.dataSource.query<Grouped<{ overdue: number }>[]>(
        `SELECT ${BY}, c.department_key, c.module_id, sum(c.n)::int AS overdue
           FROM ${COUNTED_PAST_DUE} c
          WHERE c.active AND c.status <> 'completed'
          GROUP BY GROUPING SETS ((), (c.department_key), (c.module_id))`,
        [organisationId],
      ),
      // Active people per department, counted from app_user_org_department_idx alone.
      this.dataSource.query<{ id: string | null; name: string; people: number }[]>(
        `SELECT d.id, d.name, COALESCE(p.people, 0) AS people
           FROM (SELECT id, name FROM department WHERE organisation_id = $1
                 UNION ALL SELECT NULL, 'No department') d
           LEFT JOIN (SELECT department_id, count(*)::int AS people FROM app_user
                       WHERE organisation_id = $1 AND active GROUP BY department_id) p
             ON p.department_id IS NOT DISTINCT FROM d.id
          ORDER BY d.id IS NULL, d.name`,
        [organisationId],
      ),
      this.dataSource.query<{ id: string; title: string }[]>(
        `SELECT id, title FROM training_module WHERE organisation_id = $1 ORDER BY sort_order, created_at, title`,
        [organisationId],
      ),
    ]);
    const key = (r: Grouped<object>) => `${r.by}:${r.department_key ?? ''}:${r.module_id ?? ''}`;
    const overdueBy = new Map(overdue.map((r) => [key(r), r.overdue]));
    const rows = sums.map((r) => ({ ...r, overdue: overdueBy.get(key(r)) ?? 0 }));
    const all = rows.find((r) => r.by === 'all');
    const byDepartment = new Map(
      rows
        .filter((r) => r.by === 'department')
        .map((r) => [r.department_key === NO_DEPARTMENT ? null : r.department_key, r]),
    );
    const byModule = new Map(rows.filter((r) => r.by === 'module').map((r) => [r.module_id, r]));
    return {
      totals: totals(all),
      departments: departments
        // The "No department" row only when someone without a department has training.
        .filter((d) => d.id !== null || byDepartment.has(null))
        .map((d) => ({
          departmentId: d.id,
          name: d.name,
          people: d.people,
          ...totals(byDepartment.get(d.id)),
        })),
      modules: modules
        .filter((m) => byModule.has(m.id))
        .map((m) => ({ moduleId: m.id, title: m.title, ...totals(byModule.get(m.id)) })),
    };
  }

  /**
   * One page of people × module. The page's 25 rows are chosen first on indexed columns and only
   * they are decorated (department, score, version); the total comes from a lean count run
   * alongside (bench/progress-report.bench.mjs measures both).
   *
   * With `after` (the previous page's `nextCursor`) the page starts right after that row (keyset):
   * as fast at page 2,000 as at page 1, where OFFSET builds and discards every row before it.
   * Without it, `page` is an OFFSET (links to a page, the first pages). One extra row is read to
   * know whether there is a next page.
   */
  async list(organisationId: string, query: ListQuery): Promise<ProgressPage> {
    const list = listSql(organisationId, query);
    const { sort, params } = list;
    const countParams = [...params];

    let pageWhere = list.filters;
    let order = sort.inner;
    let offset = (query.page - 1) * query.pageSize;
    let placeholders: string[] | null = null;
    if (query.after) {
      const cursor = decodeCursor(query.after, query.sort);
      // A null key (no completion time) is not a param: `after` does not use its placeholder.
      const keys: (string | null)[] = cursor.k;
      placeholders = keys.map((value) => (value === null ? 'NULL' : list.param(value)));
      const keyset = sort.after(placeholders, cursor);
      pageWhere += ` AND ${keyset.where}`;
      order = keyset.inner ?? order;
      offset = 0;
    }
    const limit = query.pageSize + 1;
    const pageSql =
      query.sort === 'dueDate' && offset === 0
        ? dueDatePageSql(list, placeholders, limit)
        : rowsSql(list, pageWhere, `ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`);

    const [rows, count] = await Promise.all([
      this.dataSource.query<ProgressSqlRow[]>(pageSql, params),
      this.total(organisationId, query, list.assignments, list.filters, countParams),
    ]);
    const items = rows.slice(0, query.pageSize);
    const last = items.at(-1);
    return {
      items: items.map(toProgressRow),
      total: count?.total ?? 0,
      page: query.page,
      pageSize: query.pageSize,
      nextCursor: rows.length > query.pageSize && last ? cursorAfter(last, query.sort) : null,
    };
  }

  /**
   * How many rows the list's filters match. Without a name search the counters answer (a few
   * hundred rows read, whatever the number of assignments); a search counts the matching rows.
   */
  private async total(
    organisationId: string,
    query: ListQuery,
    assignments: string,
    filters: string,
    params: unknown[],
  ): Promise<{ total: number } | undefined> {
    if (query.q) {
      const [row] = await this.dataSource.query<{ total: number }[]>(
        `SELECT count(*)::int AS total ${assignments} WHERE ${filters}`,
        params,
      );
      return row;
    }
    const counted: unknown[] = [organisationId];
    const where = query.leavers === 'show' ? ['true'] : ['c.active'];
    const add = (sql: (p: string) => string, value: unknown) => {
      counted.push(value);
      where.push(sql(`$${counted.length}`));
    };
    if (query.status === 'overdue') where.push(`c.status <> 'completed'`);
    else if (query.status) add((p) => `c.status = ${p}`, query.status);
    if (query.departmentId) add((p) => `c.department_key = ${p}`, query.departmentId);
    if (query.moduleId) add((p) => `c.module_id = ${p}`, query.moduleId);
    // Overdue needs due dates (only the rows due before today); everything else the totals.
    const source = query.status === 'overdue' ? COUNTED_PAST_DUE : TOTALLED;
    const [row] = await this.dataSource.query<{ total: number }[]>(
      `SELECT COALESCE(sum(c.n), 0)::int AS total FROM ${source} c WHERE ${where.join(' AND ')}`,
      counted,
    );
    return row;
  }

  async person(organisationId: string, userId: string): Promise<PersonDetail> {
    const [user] = await this.dataSource.query<
      {
        id: string;
        name: string;
        email: string;
        role: PersonDetail['user']['role'];
        tier: PersonDetail['user']['sensitivityTier'];
        dept_id: string | null;
        dept_name: string | null;
        manager_id: string | null;
        manager_name: string | null;
        active: boolean;
        has_password: boolean;
      }[]
    >(
      `SELECT u.id, u.name, u.email, u.role, u.sensitivity_tier AS tier, d.id AS dept_id, d.name AS dept_name,
              mgr.id AS manager_id, mgr.name AS manager_name, u.active, (u.password_hash IS NOT NULL OR u.last_sign_in_at IS NOT NULL) AS has_password
         FROM app_user u
         LEFT JOIN department d ON d.id = u.department_id
         LEFT JOIN app_user mgr ON mgr.id = u.manager_id
        WHERE u.organisation_id = $1 AND u.id = $2`,
      [organisationId, userId],
    );
    if (!user) throw notFound('The person');
    // A leaver's record stays visible to officers: no "active" filter here.
    const assignments = await this.dataSource.query<ProgressSqlRow[]>(
      `WITH p AS (
         SELECT ${ROW_SELECT}
           FROM assignment a
           JOIN app_user u ON u.id = a.user_id
           JOIN training_module m ON m.id = a.module_id
          WHERE a.organisation_id = $1 AND a.user_id = $2
       )
       SELECT ${PAGE_COLUMNS} FROM p ${PAGE_JOINS} ORDER BY ${SORTS.dueDate.outer}`,
      [organisationId, userId],
    );
    const attempts = await this.dataSource.query<
      {
        id: string;
        module_id: string;
        title: string;
        version: number;
        started_at: Date;
        finished_at: Date | null;
        status: AttemptSummary['status'];
        scenario_outcome: AttemptSummary['scenarioOutcome'];
        rounds: number;
        last_score: number | null;
      }[]
    >(
      `SELECT t.id, m.id AS module_id, m.title, v.version, t.started_at, t.finished_at, t.status, t.scenario_outcome,
              (SELECT count(*)::int FROM attempt_event e WHERE e.attempt_id = t.id AND e.type = 'quiz-submitted') AS rounds,
              t.last_score
         FROM attempt t
         JOIN module_version v ON v.id = t.module_version_id
         JOIN training_module m ON m.id = v.module_id
        WHERE t.organisation_id = $1 AND t.user_id = $2
        ORDER BY t.started_at DESC`,
      [organisationId, userId],
    );
    return {
      user: {
        id: user.id,
        name: user.name,
        email: user.email,
        role: user.role,
        sensitivityTier: user.tier,
        department: user.dept_id && user.dept_name ? { id: user.dept_id, name: user.dept_name } : null,
        manager:
          user.manager_id && user.manager_name ? { id: user.manager_id, name: user.manager_name } : null,
        status: !user.active ? 'deactivated' : user.has_password ? 'active' : 'invited',
      },
      assignments: assignments.map(toProgressRow),
      attempts: attempts.map((a) => ({
        id: a.id,
        module: { id: a.module_id, title: a.title },
        version: a.version,
        startedAt: new Date(a.started_at).toISOString(),
        finishedAt: a.finished_at ? new Date(a.finished_at).toISOString() : null,
        status: a.status,
        scenarioOutcome: a.scenario_outcome,
        quizRounds: a.rounds,
        lastScorePercent: a.last_score,
      })),
    };
  }
}

/** A row of the list before decoration (a, u, m). */
const ROW_SELECT = `
  a.id, a.status, ${OVERDUE} AS overdue, a.due_date, a.completed_at, a.user_id, u.name AS user_name,
  u.email AS user_email, u.active AS user_active, u.department_id, a.module_id, m.title AS module_title,
  a.cycle, a.superseded_at IS NULL AS current, a.source`;

/** Decoration of a page's rows: department, and the score and version of the completion. */
const PAGE_COLUMNS = `
  p.id AS assignment_id, p.status, p.overdue, to_char(p.due_date, 'YYYY-MM-DD') AS due_date, p.completed_at,
  c.score, v.version AS completed_version, p.user_id, p.user_name, p.user_email, p.user_active,
  d.id AS dept_id, d.name AS dept_name, p.module_id, p.module_title, p.cycle, p.current, p.source,
  to_char(p.completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS completed_key`;
const PAGE_JOINS = `
  LEFT JOIN department d ON d.id = p.department_id
  LEFT JOIN completion c ON c.assignment_id = p.id
  LEFT JOIN module_version v ON v.id = c.module_version_id`;

export interface ProgressSqlRow {
  assignment_id: string;
  status: ProgressRow['status'];
  overdue: boolean;
  due_date: string;
  completed_at: Date | null;
  score: number | null;
  completed_version: number | null;
  user_id: string;
  user_name: string;
  user_email: string;
  user_active: boolean;
  dept_id: string | null;
  dept_name: string | null;
  module_id: string;
  module_title: string;
  cycle: number;
  current: boolean;
  source: ProgressRow['source'];
  /** completed_at to the microsecond (a JS Date keeps milliseconds), for the cursor. */
  completed_key: string | null;
}

export function toProgressRow(r: ProgressSqlRow): ProgressRow {
  return {
    assignmentId: r.assignment_id,
    user: {
      id: r.user_id,
      name: r.user_name,
      email: r.user_email,
      ...(r.user_active ? {} : { deactivated: true as const }),
    },
    department: r.dept_id && r.dept_name ? { id: r.dept_id, name: r.dept_name } : null,
    module: { id: r.module_id, title: r.module_title },
    cycle: r.cycle,
    current: r.current,
    source: r.source,
    status: r.status,
    overdue: r.overdue,
    dueDate: r.due_date,
    completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
    scorePercent: r.score,
    completedVersion: r.completed_version,
  };
}

function totals(row: TotalsRow | undefined): CompletionTotals {
  const assigned = row?.assigned ?? 0;
  const completed = row?.completed ?? 0;
  return {
    assigned,
    completed,
    inProgress: row?.in_progress ?? 0,
    notStarted: row?.not_started ?? 0,
    overdue: row?.overdue ?? 0,
    completionRate: assigned ? Math.round((1000 * completed) / assigned) / 10 : 0,
  };
}
