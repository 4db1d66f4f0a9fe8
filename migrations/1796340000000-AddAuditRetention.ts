import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log as a page, and how long it is kept.
 *
 * - organisation.audit_retention_years: how long the organisation's audit events are kept
 *   (default 7 years, 1 to 100). The daily `audit.retention` job deletes older events.
 * - The append-only trigger lets exactly one kind of direct DELETE through: one made with
 *   `SET LOCAL countersign.audit_retention = 'on'` (the retention job's transaction) of a row
 *   that is older than its own organisation's retention, measured by the database's clock. The
 *   age is checked here, in the trigger, so the setting alone deletes nothing young: whoever sets
 *   it can remove only what the retention job would remove anyway. UPDATE stays refused, always;
 *   TRUNCATE stays refused (ForbidEvidenceDeletes); the organisation's cascade still goes through.
 * - Indexes for the audit page's keyset order (at, id) newest first, for all events and filtered
 *   by actor or by action. (organisation_id, at, id) replaces (organisation_id, at), which it
 *   covers (the retention job's range delete uses it too).
 */
export class AddAuditRetention1796340000000 implements MigrationInterface {
  name = 'AddAuditRetention1796340000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organisation ADD COLUMN audit_retention_years smallint NOT NULL DEFAULT 7
        CONSTRAINT organisation_audit_retention_years_check CHECK (audit_retention_years BETWEEN 1 AND 100)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
          RETURN OLD;
        END IF;
        IF TG_OP = 'DELETE' AND current_setting('countersign.audit_retention', true) = 'on'
           AND OLD.at < now() - make_interval(years => (
             SELECT o.audit_retention_years FROM organisation o WHERE o.id = OLD.organisation_id)) THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`DROP INDEX audit_event_org_at_idx`);
    await q.query(`CREATE INDEX audit_event_org_at_id_idx ON audit_event (organisation_id, at, id)`);
    await q.query(`CREATE INDEX audit_event_actor_idx ON audit_event (organisation_id, actor_id, at, id)`);
    await q.query(`CREATE INDEX audit_event_action_idx ON audit_event (organisation_id, action, at, id)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_event_action_idx`);
    await q.query(`DROP INDEX audit_event_actor_idx`);
    await q.query(`DROP INDEX audit_event_org_at_id_idx`);
    await q.query(`CREATE INDEX audit_event_org_at_idx ON audit_event (organisation_id, at)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`ALTER TABLE organisation DROP COLUMN audit_retention_years`);
  }
}
