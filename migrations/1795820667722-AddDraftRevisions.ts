import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Authoring: the editor autosaves the draft with optimistic concurrency (`revision` counts saves,
 * a save names the revision it started from), and the library shows who edited a version last.
 * A module has at most one draft at a time, and an archived module can no longer be assigned.
 */
export class AddDraftRevisions1795820667722 implements MigrationInterface {
  name = 'AddDraftRevisions1795820667722';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE module_version
        ADD COLUMN revision integer NOT NULL DEFAULT 0 CHECK (revision >= 0),
        ADD COLUMN last_edited_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        ADD COLUMN last_edited_at timestamptz`);
    await q.query(
      `CREATE UNIQUE INDEX module_version_one_draft_idx ON module_version (module_id) WHERE status = 'draft'`,
    );
    await q.query(`ALTER TABLE training_module ADD COLUMN archived_at timestamptz`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE training_module DROP COLUMN archived_at`);
    await q.query(`DROP INDEX module_version_one_draft_idx`);
    await q.query(`
      ALTER TABLE module_version
        DROP COLUMN last_edited_at,
        DROP COLUMN last_edited_by,
        DROP COLUMN revision`);
  }
}
