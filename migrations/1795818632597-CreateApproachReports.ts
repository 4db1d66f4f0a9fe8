import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Approach reports: what an employee reports, the checker's rating and flags at the time, the
 * officers' triage (status history, assignee, internal notes) and screenshots; plus each
 * organisation's own checker rules and its per-year report numbering (AR-2026-0001).
 *
 * Child rows reference their report together with organisation_id, so nothing can point across
 * organisations. Screenshot bytes live in their own table, so listing or exporting metadata never
 * reads them.
 *
 * References to the people who reported, wrote or changed something are checked at commit
 * (DEFERRABLE INITIALLY DEFERRED): deleting a person with reports is refused (deactivate them
 * instead), while deleting a whole organisation, whose cascades remove people and reports in no
 * fixed order, goes through.
 */
export class CreateApproachReports1795818632597 implements MigrationInterface {
  name = 'CreateApproachReports1795818632597';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE approach_report_status AS ENUM ('new', 'in-review', 'escalated', 'closed')`);
    await q.query(`CREATE TYPE approach_rating AS ENUM ('low', 'medium', 'high')`);

    // An organisation's edited checker rules; no row means the built-in defaults.
    await q.query(`
      CREATE TABLE approach_rule_set (
        organisation_id uuid PRIMARY KEY REFERENCES organisation(id) ON DELETE CASCADE,
        rules jsonb NOT NULL CHECK (jsonb_typeof(rules) = 'object'),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES app_user(id) ON DELETE SET NULL
      )`);

    // Report numbers per organisation and year, handed out under the row lock of an upsert.
    await q.query(`
      CREATE TABLE approach_report_counter (
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 9999),
        last_number integer NOT NULL CHECK (last_number >= 1),
        PRIMARY KEY (organisation_id, year)
      )`);

    await q.query(`
      CREATE TABLE approach_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        reference text NOT NULL CHECK (reference ~ '^AR-[0-9]{4}-[0-9]{4,}$'),
        reporter_id uuid NOT NULL,
        idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 8 AND 100),
        platform text NOT NULL CHECK (length(platform) BETWEEN 1 AND 100),
        profile_url text CHECK (length(profile_url) <= 500),
        profile_key text,
        name_used text CHECK (length(name_used) <= 200),
        name_key text,
        offered text CHECK (length(offered) <= 2000),
        message_text text CHECK (length(message_text) <= 10000),
        occurred_on date,
        replied boolean NOT NULL,
        check_answers jsonb,
        rating approach_rating NOT NULL,
        score double precision NOT NULL,
        flags jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(flags) = 'array'),
        rules_version integer NOT NULL,
        status approach_report_status NOT NULL DEFAULT 'new',
        outcome text CHECK (length(outcome) <= 2000),
        assignee_id uuid,
        first_reviewed_at timestamptz,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, reference),
        UNIQUE (organisation_id, id),
        -- A retried submission finds the report it already made.
        UNIQUE (reporter_id, idempotency_key),
        CONSTRAINT approach_report_closed_at_check CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
        CONSTRAINT approach_report_closed_outcome_check CHECK (status <> 'closed' OR outcome IS NOT NULL),
        FOREIGN KEY (organisation_id, reporter_id) REFERENCES app_user(organisation_id, id) DEFERRABLE INITIALLY DEFERRED,
        FOREIGN KEY (organisation_id, assignee_id) REFERENCES app_user(organisation_id, id) ON DELETE SET NULL (assignee_id)
      )`);
    // The triage queue (newest first, optionally by status), the reporter's own list, and the
    // look-ups behind "linked reports" (same profile, same name).
    await q.query(
      `CREATE INDEX approach_report_queue_idx ON approach_report (organisation_id, created_at DESC, id)`,
    );
    await q.query(
      `CREATE INDEX approach_report_status_idx ON approach_report (organisation_id, status, created_at DESC)`,
    );
    await q.query(
      `CREATE INDEX approach_report_reporter_idx ON approach_report (organisation_id, reporter_id, created_at DESC)`,
    );
    await q.query(
      `CREATE INDEX approach_report_profile_idx ON approach_report (organisation_id, profile_key) WHERE profile_key IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX approach_report_name_idx ON approach_report (organisation_id, name_key) WHERE name_key IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX approach_report_assignee_idx ON approach_report (organisation_id, assignee_id) WHERE assignee_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE approach_report_status_change (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        organisation_id uuid NOT NULL,
        report_id uuid NOT NULL,
        from_status approach_report_status,
        to_status approach_report_status NOT NULL,
        outcome text CHECK (length(outcome) <= 2000),
        changed_by uuid,
        at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (organisation_id, report_id) REFERENCES approach_report(organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, changed_by) REFERENCES app_user(organisation_id, id) DEFERRABLE INITIALLY DEFERRED
      )`);
    await q.query(
      `CREATE INDEX approach_report_status_change_report_idx ON approach_report_status_change (report_id, id)`,
    );

    // Officers' internal notes: never shown to the reporter.
    await q.query(`
      CREATE TABLE approach_report_note (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        report_id uuid NOT NULL,
        author_id uuid NOT NULL,
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (organisation_id, report_id) REFERENCES approach_report(organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, author_id) REFERENCES app_user(organisation_id, id) DEFERRABLE INITIALLY DEFERRED
      )`);
    await q.query(
      `CREATE INDEX approach_report_note_report_idx ON approach_report_note (report_id, created_at)`,
    );

    await q.query(`
      CREATE TABLE approach_attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        report_id uuid NOT NULL,
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        content_type text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
        size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 2097152),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, id),
        FOREIGN KEY (organisation_id, report_id) REFERENCES approach_report(organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, uploaded_by) REFERENCES app_user(organisation_id, id) DEFERRABLE INITIALLY DEFERRED
      )`);
    await q.query(
      `CREATE INDEX approach_attachment_report_idx ON approach_attachment (report_id, created_at)`,
    );
    await q.query(`
      CREATE TABLE approach_attachment_content (
        attachment_id uuid PRIMARY KEY REFERENCES approach_attachment(id) ON DELETE CASCADE,
        data bytea NOT NULL
      )`);
    // Screenshots are compressed already: store them out of line without trying again.
    await q.query(`ALTER TABLE approach_attachment_content ALTER COLUMN data SET STORAGE EXTERNAL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE approach_attachment_content`);
    await q.query(`DROP TABLE approach_attachment`);
    await q.query(`DROP TABLE approach_report_note`);
    await q.query(`DROP TABLE approach_report_status_change`);
    await q.query(`DROP TABLE approach_report`);
    await q.query(`DROP TABLE approach_report_counter`);
    await q.query(`DROP TABLE approach_rule_set`);
    await q.query(`DROP TYPE approach_rating`);
    await q.query(`DROP TYPE approach_report_status`);
  }
}
