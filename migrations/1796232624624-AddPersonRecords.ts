import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What administrators keep about a person: job title and start date, and when they last signed
 * in (set at each sign-in: sessions are deleted at sign-out and expiry, so they cannot say it).
 * The people list filters by status and sorts by name within an organisation; the existing
 * app_user_org_name_idx serves it.
 */
export class AddPersonRecords1796232624624 implements MigrationInterface {
  name = 'AddPersonRecords1796232624624';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user
        ADD COLUMN job_title text CHECK (length(job_title) BETWEEN 1 AND 200),
        ADD COLUMN start_date date,
        ADD COLUMN last_sign_in_at timestamptz`);
    // The manager lookup of the cycle check and the "who reports to them" question.
    await q.query(`CREATE INDEX app_user_org_manager_idx ON app_user (organisation_id, manager_id)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX app_user_org_manager_idx`);
    await q.query(
      `ALTER TABLE app_user DROP COLUMN job_title, DROP COLUMN start_date, DROP COLUMN last_sign_in_at`,
    );
  }
}
