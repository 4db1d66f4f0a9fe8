import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail: who viewed or changed what, and when. Written in the same transaction as the
 * change it records, so a change without its audit entry cannot exist.
 *
 * Append-only in the database itself: rows can be neither updated nor deleted, except when the
 * whole organisation is deleted (the cascade from `organisation`).
 */
export class CreateAuditTrail1795818629471 implements MigrationInterface {
  name = 'CreateAuditTrail1795818629471';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        actor_id uuid,
        action text NOT NULL CHECK (action ~ '^[a-z]+(\\.[a-z-]+)+$'),
        subject_type text NOT NULL CHECK (subject_type ~ '^[a-z_]+$'),
        subject_id uuid,
        at timestamptz NOT NULL DEFAULT now(),
        details jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(details) = 'object'),
        -- Checked at commit: the organisation's cascade removes people and events in no fixed order.
        FOREIGN KEY (organisation_id, actor_id) REFERENCES app_user(organisation_id, id) DEFERRABLE INITIALLY DEFERRED
      )`);
    // The trail of one subject (a report), newest first.
    await q.query(`CREATE INDEX audit_event_subject_idx ON audit_event (organisation_id, subject_id, id)`);
    await q.query(`CREATE INDEX audit_event_org_at_idx ON audit_event (organisation_id, at)`);

    // A row deleted by the organisation's cascade runs this trigger from inside the foreign-key
    // trigger (depth 2); a DELETE or UPDATE issued directly runs it at depth 1 and is refused.
    await q.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_append_only`);
  }
}
