import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people list sorted by completion time ("latest first, not completed last") orders by
 * `COALESCE(completed_at, '-infinity') DESC`; this index serves that order, so its first page and
 * its keyset pages start at the right row instead of sorting the organisation's assignments. On
 * the 100,000-people bench database: first page 105 → 1.9 ms, a keyset page 45 → 3.1 ms
 * (bench/results/progress-report-2026-11-28-notes.md). The expression must stay exactly the one
 * in ProgressService, or the planner will not match it.
 */
export class IndexAssignmentCompletedAt1795828338290 implements MigrationInterface {
  name = 'IndexAssignmentCompletedAt1795828338290';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX assignment_org_completed_idx
         ON assignment (organisation_id, (COALESCE(completed_at, '-infinity'::timestamptz)) DESC)`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX assignment_org_completed_idx`);
  }
}
