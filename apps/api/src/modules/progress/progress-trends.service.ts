import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProgressTrend, TrendPoint } from '@countersign/contracts/progress';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { backgroundTimeout } from '../../database/background-timeout.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { COUNTED_PAST_DUE, NO_DEPARTMENT, TOTALLED } from './progress-counters.service.js';

export const PROGRESS_TRENDS_JOB = 'progress.trends';

/** Weeks shown: the last 52 finished weeks, then this week so far. */
export const TREND_WEEKS = 52;

const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * Completion and overdue rates week by week, computed from the records.
 *
 * A finished week's figures are how things stood at the end of its Sunday (UTC): the assignments
 * that were current then (created before, not yet superseded by a later cycle, the person not yet
 * deactivated), how many of them had been completed, and how many were past their due date and
 * not completed. They are computed from the assignments' own timestamps (created_at,
 * completed_at, superseded_at, due_date) and the person's deactivated_at, so history is exact
 * rather than sampled, and stored once per week in `progress_trend_week` (a closed week does not
 * change afterwards). The first run fills the whole year back from the records. A person counts in
 * their current department throughout (departments have no history).
 *
 * This week so far comes from the live counters.
 */
@Injectable()
export class ProgressTrends {
  private readonly logger = new Logger(ProgressTrends.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    jobs: JobQueue,
  ) {
    jobs.define({
      name: PROGRESS_TRENDS_JOB,
      policy: 'short',
      cron: '17 0 * * *',
      runOnStart: true,
      expireInSeconds: 30 * 60,
      run: async () => {
        const organisations = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM organisation`);
        for (const { id } of organisations) {
          const weeks = await this.computeWeeks(id);
          if (weeks) this.logger.log(`Trends for ${id}: ${weeks} finished weeks recorded`);
        }
      },
    });
  }

  /** Monday 00:00 UTC of the week `at` falls in. */
  static weekStart(at: Date): Date {
    const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
    const sinceMonday = (day.getUTCDay() + 6) % 7;
    return new Date(day.getTime() - sinceMonday * 24 * 3600 * 1000);
  }

  /**
   * Records every finished week of the last year not recorded yet for one organisation; returns
   * how many weeks it wrote. One pass over the organisation's assignments: each contributes an
   * interval of weeks to "required", "completed" and "overdue" (a +1 where it starts, a -1 where
   * it ends), and a running sum per department gives every week.
   */
  async computeWeeks(organisationId: string): Promise<number> {
    const thisWeek = ProgressTrends.weekStart(this.clock.now());
    const first = new Date(thisWeek.getTime() - TREND_WEEKS * WEEK_MS);
    return this.dataSource.transaction(async (tx) => {
      await backgroundTimeout(tx);
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('progress.trends'), hashtext($1))`, [
        organisationId,
      ]);
      const [{ missing }] = await tx.query<{ missing: number }[]>(
        `SELECT $3::int - count(DISTINCT week_start)::int AS missing FROM progress_trend_week
          WHERE organisation_id = $1 AND week_start >= $2::date`,
        [organisationId, iso(first), TREND_WEEKS],
      );
      if (missing <= 0) return 0;
      // w(x): the week index of x (0 = the first week shown); an event at week k counts from the
      // end of week k on. "Never" is a week after the last one.
      const rows = await tx.query<{ week_start: string }[]>(
        `WITH a AS (
           SELECT COALESCE(u.department_id, '${NO_DEPARTMENT}'::uuid) AS dept,
                  GREATEST(floor(extract(epoch FROM a.created_at - $2::timestamptz) / 604800)::int, 0) AS rs,
                  COALESCE(floor(extract(epoch FROM LEAST(a.superseded_at, u.deactivated_at) - $2::timestamptz) / 604800)::int,
                           $3::int) AS re,
                  COALESCE(floor(extract(epoch FROM a.completed_at - $2::timestamptz) / 604800)::int, $3::int) AS wc,
                  floor((a.due_date - $2::date) / 7.0)::int AS wd
             FROM assignment a JOIN app_user u ON u.id = a.user_id
            WHERE a.organisation_id = $1 AND a.created_at < $4::timestamptz
              AND (a.superseded_at IS NULL OR a.superseded_at >= $2::timestamptz)
              AND (u.deactivated_at IS NULL OR u.deactivated_at >= $2::timestamptz)
         ), ev AS (
           SELECT a.dept, e.k, sum(e.req)::int AS req, sum(e.comp)::int AS comp, sum(e.od)::int AS od
             FROM a, LATERAL (VALUES
               (a.rs, 1, 0, 0), (a.re, -1, 0, 0),
               (GREATEST(a.rs, a.wc), 0, 1, 0), (a.re, 0, -1, 0),
               (GREATEST(a.rs, a.wd), 0, 0, 1), (LEAST(a.wc, a.re), 0, 0, -1)
             ) AS e(k, req, comp, od)
            WHERE a.rs < a.re
              AND (e.comp = 0 OR GREATEST(a.rs, a.wc) < a.re)
              AND (e.od = 0 OR GREATEST(a.rs, a.wd) < LEAST(a.wc, a.re))
              AND e.k < $3::int
            GROUP BY 1, 2
         ), grid AS (
           SELECT d.dept, k FROM (SELECT DISTINCT dept FROM ev) d, generate_series(0, $3::int - 1) AS k
         ), running AS (
           SELECT g.dept, g.k,
                  sum(COALESCE(ev.req, 0)) OVER w AS required,
                  sum(COALESCE(ev.comp, 0)) OVER w AS completed,
                  sum(COALESCE(ev.od, 0)) OVER w AS overdue
             FROM grid g LEFT JOIN ev ON ev.dept = g.dept AND ev.k = g.k
           WINDOW w AS (PARTITION BY g.dept ORDER BY g.k)
         ), weeks AS (
           -- Every finished week gets a row, also with nobody required (the "no data" weeks).
           SELECT k FROM generate_series(0, $3::int - 1) AS k
         )
         INSERT INTO progress_trend_week (organisation_id, week_start, department_key, required, completed, overdue)
         SELECT $1, ($2::date + 7 * w.k), COALESCE(r.dept, '${NO_DEPARTMENT}'::uuid),
                COALESCE(r.required, 0), COALESCE(r.completed, 0), COALESCE(r.overdue, 0)
           FROM weeks w LEFT JOIN running r ON r.k = w.k
          WHERE (r.dept IS NOT NULL OR NOT EXISTS (SELECT 1 FROM running))
            -- A week is recorded once, whole: never topped up later (people move departments).
            AND NOT EXISTS (SELECT 1 FROM progress_trend_week t
                             WHERE t.organisation_id = $1 AND t.week_start = $2::date + 7 * w.k)
          ORDER BY 2, 3
         ON CONFLICT (organisation_id, week_start, department_key) DO NOTHING
         RETURNING week_start`,
        [organisationId, first.toISOString(), TREND_WEEKS, thisWeek.toISOString()],
      );
      return new Set(rows.map((r) => String(r.week_start))).size;
    });
  }

  /**
   * Forgets the recorded weeks and computes them again: only for data loaded with past dates
   * (the demo seed), never for a real organisation, whose finished weeks stay as recorded.
   */
  async recordAgain(organisationId: string): Promise<number> {
    await this.dataSource.query(`DELETE FROM progress_trend_week WHERE organisation_id = $1`, [
      organisationId,
    ]);
    return this.computeWeeks(organisationId);
  }

  /** The last year week by week and this week so far, for the organisation or one department. */
  async trend(organisationId: string, departmentId: string | undefined): Promise<ProgressTrend> {
    const thisWeek = ProgressTrends.weekStart(this.clock.now());
    const first = new Date(thisWeek.getTime() - TREND_WEEKS * WEEK_MS);
    const department = departmentId ?? null;
    const [weeks, [now]] = await Promise.all([
      this.dataSource.query<{ week_start: string; required: number; completed: number; overdue: number }[]>(
        `SELECT to_char(week_start, 'YYYY-MM-DD') AS week_start, sum(required)::int AS required,
                sum(completed)::int AS completed, sum(overdue)::int AS overdue
           FROM progress_trend_week
          WHERE organisation_id = $1 AND week_start >= $2::date AND week_start < $3::date
            AND ($4::uuid IS NULL OR department_key = $4::uuid)
          GROUP BY week_start ORDER BY week_start`,
        [organisationId, iso(first), iso(thisWeek), department],
      ),
      this.dataSource.query<{ required: number; completed: number; overdue: number }[]>(
        `SELECT COALESCE(sum(c.n), 0)::int AS required,
                COALESCE(sum(c.n) FILTER (WHERE c.status = 'completed'), 0)::int AS completed,
                (SELECT COALESCE(sum(o.n), 0)::int FROM ${COUNTED_PAST_DUE} o
                  WHERE o.active AND o.status <> 'completed' AND ($2::uuid IS NULL OR o.department_key = $2::uuid)) AS overdue
           FROM ${TOTALLED} c WHERE c.active AND ($2::uuid IS NULL OR c.department_key = $2::uuid)`,
        [organisationId, department],
      ),
    ]);
    // Weeks before anything was required are left out rather than drawn as 0 %.
    const firstRecorded = weeks.findIndex((w) => w.required > 0);
    return {
      weeks: (firstRecorded < 0 ? [] : weeks.slice(firstRecorded)).map((w) => point(w.week_start, w)),
      current: point(iso(thisWeek), now ?? { required: 0, completed: 0, overdue: 0 }),
    };
  }
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function point(weekStart: string, r: { required: number; completed: number; overdue: number }): TrendPoint {
  const rate = (n: number) => (r.required ? Math.round((1000 * n) / r.required) / 10 : 0);
  return {
    weekStart,
    required: r.required,
    completed: r.completed,
    overdue: r.overdue,
    completionRate: rate(r.completed),
    overdueRate: rate(r.overdue),
  };
}
