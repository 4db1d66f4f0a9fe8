import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Publishing a version may carry a short note of what changed and why, shown in the version
 * history. The note is written by the UPDATE that publishes (the freeze trigger lets a draft
 * change) and is frozen with the rest of the published row afterwards.
 */
export class AddVersionChangeNote1795829535300 implements MigrationInterface {
  name = 'AddVersionChangeNote1795829535300';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE module_version
        ADD COLUMN change_note text CHECK (char_length(change_note) BETWEEN 1 AND 500)`);
    await q.query(freezeFunction(`OR NEW.change_note IS DISTINCT FROM OLD.change_note`));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(freezeFunction(''));
    await q.query(`ALTER TABLE module_version DROP COLUMN change_note`);
  }
}

/** The freeze trigger's function as CreateCoreSchema wrote it, plus `extra` conditions. */
function freezeFunction(extra: string): string {
  return `
    CREATE OR REPLACE FUNCTION module_version_freeze() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.status <> 'draft' AND (NEW.content IS DISTINCT FROM OLD.content
          OR NEW.pass_mark IS DISTINCT FROM OLD.pass_mark OR NEW.version IS DISTINCT FROM OLD.version
          ${extra}) THEN
        RAISE EXCEPTION 'module_version % is % and cannot be changed', OLD.id, OLD.status
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$`;
}
