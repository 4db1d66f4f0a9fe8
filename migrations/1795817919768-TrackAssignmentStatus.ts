import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Officer reports at 100,000 people (bench/results/progress-report-2026-11-27.md) spent their
 * time deriving each assignment's status from completion and attempt rows. The status is now
 * kept on the assignment itself, written in the same transaction as the attempt or completion
 * that changes it, so reports filter and sort on indexed columns. `completion` stays the record
 * of evidence; these columns are a projection of it.
 *
 * Also: the built-in track order of modules, and trigram indexes for the people search.
 */
export class TrackAssignmentStatus1795817919768 implements MigrationInterface {
  name = 'TrackAssignmentStatus1795817919768';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE assignment_status AS ENUM ('not-started', 'in-progress', 'completed')`);
    await q.query(`
      ALTER TABLE assignment
        ADD COLUMN status assignment_status NOT NULL DEFAULT 'not-started',
        ADD COLUMN completed_at timestamptz,
        ADD CONSTRAINT assignment_completed_at_check CHECK ((status = 'completed') = (completed_at IS NOT NULL))`);
    await q.query(`
      UPDATE assignment a SET status = 'in-progress'
       WHERE EXISTS (SELECT 1 FROM attempt t WHERE t.assignment_id = a.id)`);
    await q.query(`
      UPDATE assignment a SET status = 'completed', completed_at = c.completed_at
        FROM completion c WHERE c.assignment_id = a.id`);

    // The list's default order, and its status filters, walk these in order.
    await q.query(
      `CREATE INDEX assignment_org_status_due_idx ON assignment (organisation_id, status, due_date, id)`,
    );
    await q.query(`DROP INDEX assignment_org_due_idx`);
    await q.query(`CREATE INDEX assignment_org_due_idx ON assignment (organisation_id, due_date, id)`);

    // Free-text search of people by any part of their name or email.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX app_user_name_trgm_idx ON app_user USING gin (name gin_trgm_ops)`);
    await q.query(`CREATE INDEX app_user_email_trgm_idx ON app_user USING gin (email gin_trgm_ops)`);

    // Built-in modules keep the order of their track; authored ones follow.
    await q.query(`ALTER TABLE training_module ADD COLUMN sort_order integer NOT NULL DEFAULT 1000`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE training_module DROP COLUMN sort_order`);
    await q.query(`DROP INDEX app_user_email_trgm_idx`);
    await q.query(`DROP INDEX app_user_name_trgm_idx`);
    // pg_trgm is left installed: other objects may use it, and it holds no data.
    await q.query(`DROP INDEX assignment_org_due_idx`);
    await q.query(`CREATE INDEX assignment_org_due_idx ON assignment (organisation_id, due_date)`);
    await q.query(`DROP INDEX assignment_org_status_due_idx`);
    await q.query(`
      ALTER TABLE assignment
        DROP CONSTRAINT assignment_completed_at_check,
        DROP COLUMN completed_at,
        DROP COLUMN status`);
    await q.query(`DROP TYPE assignment_status`);
  }
}
