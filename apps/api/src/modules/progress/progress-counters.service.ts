import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { JobQueue } from '../jobs/job-queue.service.js';

export const PROGRESS_FOLD_JOB = 'progress.fold';

/** The department key of people without a department (a key column cannot be NULL). */
export const NO_DEPARTMENT = '00000000-0000-0000-0000-000000000000';

/**
 * The current assignments of one organisation (`$1`) as counted: the folded counters and the
 * deltas not yet folded, read in one statement so they come from one snapshot. Columns:
 * department_key, module_id, status, due_date, active, n. See migration AddProgressCounters.
 */
export const COUNTED = `(
  SELECT department_key, module_id, status, due_date, active, n FROM progress_count WHERE organisation_id = $1
  UNION ALL
  SELECT department_key, module_id, status, due_date, active, n FROM progress_count_delta WHERE organisation_id = $1
)`;

/**
 * The same without due dates (`progress_total` and the pending deltas): department_key,
 * module_id, status, active, n. Totals read these; only "overdue" needs COUNTED's due dates.
 */
export const TOTALLED = `(
  SELECT department_key, module_id, status, active, n FROM progress_total WHERE organisation_id = $1
  UNION ALL
  SELECT department_key, module_id, status, active, n FROM progress_count_delta WHERE organisation_id = $1
)`;

/** COUNTED's rows due before today, read through the due-date index. */
export const COUNTED_PAST_DUE = `(
  SELECT department_key, module_id, status, due_date, active, n FROM progress_count
   WHERE organisation_id = $1 AND due_date < current_date
  UNION ALL
  SELECT department_key, module_id, status, due_date, active, n FROM progress_count_delta
   WHERE organisation_id = $1 AND due_date < current_date
)`;

/**
 * Keeps `progress_count` compact: the triggers on `assignment` and `app_user` only ever insert
 * deltas; this job (once a minute, one at a time) adds them into the counters and collapses due
 * dates that have passed into one `-infinity` row. Readers are exact whether or not it has run;
 * it only keeps them fast.
 */
@Injectable()
export class ProgressCounters {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    jobs: JobQueue,
  ) {
    jobs.define({
      name: PROGRESS_FOLD_JOB,
      policy: 'short',
      cron: '* * * * *',
      runOnStart: true,
      run: async () => {
        await this.fold();
      },
    });
  }

  /** Folds every committed delta into the counters; returns how many delta rows it folded. */
  async fold(): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      // One fold at a time (pg-boss already runs one, this holds for direct calls too).
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('progress.fold'))`);
      const [{ folded }] = await tx.query<{ folded: number }[]>(
        `WITH moved AS (
           DELETE FROM progress_count_delta
           RETURNING organisation_id, department_key, module_id, status, due_date, active, n
         ), merged AS (
           SELECT organisation_id, module_id, department_key, status,
                  CASE WHEN due_date < current_date THEN '-infinity'::date ELSE due_date END AS due_date,
                  active, sum(n) AS n
             FROM moved GROUP BY 1, 2, 3, 4, 5, 6
         ), totalled AS (
           INSERT INTO progress_total (organisation_id, module_id, department_key, status, active, n)
           SELECT t.* FROM (
             SELECT organisation_id, module_id, department_key, status, active, sum(n) AS n
               FROM merged GROUP BY 1, 2, 3, 4, 5
           ) t
            WHERE t.n <> 0 AND EXISTS (SELECT 1 FROM organisation o WHERE o.id = t.organisation_id)
            ORDER BY 1, 2, 3, 4, 5
           ON CONFLICT (organisation_id, module_id, department_key, status, active)
           DO UPDATE SET n = progress_total.n + EXCLUDED.n
           RETURNING 1
         ), added AS (
           INSERT INTO progress_count (organisation_id, module_id, department_key, status, due_date, active, n)
           SELECT m.* FROM merged m
            WHERE m.n <> 0 AND EXISTS (SELECT 1 FROM organisation o WHERE o.id = m.organisation_id)
            ORDER BY 1, 2, 3, 4, 5, 6
           ON CONFLICT (organisation_id, module_id, department_key, status, due_date, active)
           DO UPDATE SET n = progress_count.n + EXCLUDED.n
           RETURNING 1
         )
         SELECT (SELECT count(*)::int FROM moved) AS folded, (SELECT count(*) FROM added) AS added,
                (SELECT count(*) FROM totalled) AS totalled`,
      );
      await this.collapsePassedDates(tx);
      await tx.query(`DELETE FROM progress_count WHERE n = 0`);
      await tx.query(`DELETE FROM progress_total WHERE n = 0`);
      return folded;
    });
  }

  /** Due dates before today only ever count as "overdue": one `-infinity` row holds them all. */
  private async collapsePassedDates(tx: EntityManager): Promise<void> {
    await tx.query(
      `WITH passed AS (
         DELETE FROM progress_count
          WHERE due_date < current_date AND due_date > '-infinity'::date
         RETURNING organisation_id, module_id, department_key, status, active, n
       )
       INSERT INTO progress_count (organisation_id, module_id, department_key, status, due_date, active, n)
       SELECT organisation_id, module_id, department_key, status, '-infinity'::date, active, sum(n)
         FROM passed GROUP BY 1, 2, 3, 4, 6 ORDER BY 1, 2, 3, 4, 6
       ON CONFLICT (organisation_id, module_id, department_key, status, due_date, active)
       DO UPDATE SET n = progress_count.n + EXCLUDED.n`,
    );
  }
}
