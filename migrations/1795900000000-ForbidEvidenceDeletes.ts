import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The evidence tables refuse deletion as they already refuse rewriting. attempt_event and
 * audit_event refused UPDATE; a DELETE or TRUNCATE issued directly went through. Now:
 *
 * - attempt_event: no UPDATE, no direct DELETE, no TRUNCATE.
 * - completion: no direct DELETE, no TRUNCATE (one completion per assignment is the proof that it
 *   was fulfilled).
 * - audit_event: no TRUNCATE (UPDATE and direct DELETE were already refused).
 *
 * As for audit_event, a row removed by a foreign-key cascade (the organisation, person or
 * assignment being deleted as a whole) runs the row trigger at depth 2 and is let through.
 */
export class ForbidEvidenceDeletes1795900000000 implements MigrationInterface {
  name = 'ForbidEvidenceDeletes1795900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION attempt_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'attempt_event is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`DROP TRIGGER attempt_event_append_only ON attempt_event`);
    await q.query(`
      CREATE TRIGGER attempt_event_append_only BEFORE UPDATE OR DELETE ON attempt_event
      FOR EACH ROW EXECUTE FUNCTION attempt_event_append_only()`);

    await q.query(`
      CREATE FUNCTION completion_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF pg_trigger_depth() > 1 THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'completion records cannot be deleted' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER completion_kept BEFORE DELETE ON completion
      FOR EACH ROW EXECUTE FUNCTION completion_kept()`);

    // TRUNCATE fires no row triggers and no cascades: refused outright on all three.
    await q.query(`
      CREATE FUNCTION evidence_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% cannot be truncated', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of EVIDENCE_TABLES) {
      await q.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION evidence_no_truncate()`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of EVIDENCE_TABLES) await q.query(`DROP TRIGGER ${table}_no_truncate ON ${table}`);
    await q.query(`DROP FUNCTION evidence_no_truncate`);
    await q.query(`DROP TRIGGER completion_kept ON completion`);
    await q.query(`DROP FUNCTION completion_kept`);
    await q.query(`DROP TRIGGER attempt_event_append_only ON attempt_event`);
    await q.query(`
      CREATE OR REPLACE FUNCTION attempt_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'attempt_event is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER attempt_event_append_only BEFORE UPDATE ON attempt_event
      FOR EACH ROW EXECUTE FUNCTION attempt_event_append_only()`);
  }
}

const EVIDENCE_TABLES = ['attempt_event', 'completion', 'audit_event'] as const;
