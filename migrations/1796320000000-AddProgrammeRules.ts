import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The programme that runs itself: assignment rules, assignment cycles, and the record of which
 * reminders and escalations went out.
 *
 * - assignment_rule: a module + an audience (departments, roles, tiers, job title, start dates;
 *   each empty list or NULL means "anyone") + a due policy (a fixed date, or N days after being
 *   assigned / after the start date) + recurrence (every N months after completion) + reminders
 *   (days before, on the day, every N days after) + escalation (manager after N days overdue,
 *   officers after M).
 * - assignment.cycle: the one-assignment-per-person-and-module constraint gives way to cycles. A
 *   person has at most one *current* assignment per module (superseded_at IS NULL); opening the
 *   next cycle supersedes the previous one, which keeps its completion and certificate as
 *   evidence. Existing assignments become cycle 1, current.
 * - assignment.rule_id: the rule that made it (NULL for manual, seeded and remedial ones).
 * - assignment_notice: each reminder or escalation point of an assignment, once (primary key), so
 *   no restart or second worker sends it twice.
 * - programme_digest: at most one reminder email per person per day, one escalation email per
 *   recipient per day (primary key), whatever the number of due modules.
 * - notification kinds 'training-reminder' and 'training-overdue' mirror those emails in the app;
 *   'remedial-assigned' tells the officers that a rule assigned remedial training.
 * - assignment_rule.remedial_*: after K failed quiz rounds, or a compromised ending, in the rule's
 *   module, the person is assigned the remedial module (source 'remedial').
 * - outbound_email.body_html: emails rendered from templates carry an HTML part beside the text.
 * - email_template: an organisation's own wording of an email kind (else the English default).
 */
export class AddProgrammeRules1796320000000 implements MigrationInterface {
  name = 'AddProgrammeRules1796320000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assignment_rule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        module_id uuid NOT NULL,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        enabled boolean NOT NULL DEFAULT true,
        department_ids uuid[] NOT NULL DEFAULT '{}',
        roles text[] NOT NULL DEFAULT '{}',
        tiers text[] NOT NULL DEFAULT '{}',
        job_title_contains text CHECK (char_length(job_title_contains) BETWEEN 1 AND 200),
        started_on_or_after date,
        started_before date,
        due_date date,
        due_days integer CHECK (due_days BETWEEN 1 AND 3650),
        recurrence_months integer CHECK (recurrence_months BETWEEN 1 AND 120),
        remind_before_days integer[] NOT NULL DEFAULT '{}',
        remind_on_due boolean NOT NULL DEFAULT true,
        remind_every_days_after integer CHECK (remind_every_days_after BETWEEN 1 AND 90),
        escalate_manager_after_days integer CHECK (escalate_manager_after_days BETWEEN 1 AND 365),
        escalate_officers_after_days integer CHECK (escalate_officers_after_days BETWEEN 1 AND 365),
        withdraw_when_unmatched boolean NOT NULL DEFAULT true,
        remedial_module_id uuid,
        remedial_after_failed_rounds integer CHECK (remedial_after_failed_rounds BETWEEN 1 AND 20),
        remedial_on_compromised boolean NOT NULL DEFAULT false,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((due_date IS NULL) <> (due_days IS NULL)),
        CHECK (remedial_module_id IS NOT NULL OR (remedial_after_failed_rounds IS NULL AND NOT remedial_on_compromised)),
        UNIQUE (organisation_id, id),
        FOREIGN KEY (organisation_id, module_id) REFERENCES training_module(organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, remedial_module_id) REFERENCES training_module(organisation_id, id)
          ON DELETE SET NULL (remedial_module_id)
      )`);
    await q.query(
      `CREATE INDEX assignment_rule_org_module_idx ON assignment_rule (organisation_id, module_id)`,
    );

    await q.query(`
      ALTER TABLE assignment
        ADD COLUMN cycle integer NOT NULL DEFAULT 1 CHECK (cycle >= 1),
        ADD COLUMN rule_id uuid,
        ADD COLUMN superseded_at timestamptz,
        ADD FOREIGN KEY (organisation_id, rule_id) REFERENCES assignment_rule(organisation_id, id)
          ON DELETE SET NULL (rule_id),
        DROP CONSTRAINT assignment_user_id_module_id_key,
        ADD CONSTRAINT assignment_user_module_cycle_key UNIQUE (user_id, module_id, cycle),
        DROP CONSTRAINT assignment_source_check,
        ADD CONSTRAINT assignment_source_check CHECK (source IN ('manual', 'rule', 'seed', 'remedial'))`);
    await q.query(
      `CREATE UNIQUE INDEX assignment_current_idx ON assignment (user_id, module_id) WHERE superseded_at IS NULL`,
    );
    await q.query(`CREATE INDEX assignment_rule_idx ON assignment (rule_id) WHERE rule_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE assignment_notice (
        organisation_id uuid NOT NULL,
        assignment_id uuid NOT NULL,
        notice text NOT NULL CHECK (notice ~ '^(before:[0-9]+|due|after:[0-9]+|manager|officers)$'),
        sent_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (assignment_id, notice),
        FOREIGN KEY (organisation_id, assignment_id) REFERENCES assignment(organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE programme_digest (
        organisation_id uuid NOT NULL,
        user_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('reminder', 'escalation')),
        day date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind, day),
        FOREIGN KEY (organisation_id, user_id) REFERENCES app_user(organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind_check`);
    await q.query(`
      ALTER TABLE notification ADD CONSTRAINT notification_kind_check
      CHECK (kind IN ('report-new-high', 'report-status-changed', 'quiz-rounds-failed',
                      'training-reminder', 'training-overdue', 'remedial-assigned'))`);
    await q.query(`ALTER TABLE outbound_email ADD COLUMN body_html text`);
    await q.query(`
      CREATE TABLE email_template (
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('reminder', 'escalation')),
        subject text NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 300),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 20000),
        updated_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, kind)
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE email_template`);
    await q.query(`ALTER TABLE outbound_email DROP COLUMN body_html`);
    await q.query(
      `DELETE FROM notification WHERE kind IN ('training-reminder', 'training-overdue', 'remedial-assigned')`,
    );
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind_check`);
    await q.query(`
      ALTER TABLE notification ADD CONSTRAINT notification_kind_check
      CHECK (kind IN ('report-new-high', 'report-status-changed', 'quiz-rounds-failed'))`);
    await q.query(`DROP TABLE programme_digest`);
    await q.query(`DROP TABLE assignment_notice`);
    // Later cycles cannot fit the old one-per-person-and-module constraint, and they are
    // training evidence: refuse rather than delete them.
    const [later] = await q.query(`SELECT count(*)::int AS n FROM assignment WHERE cycle > 1`);
    if (later.n > 0)
      throw new Error(
        `Cannot undo AddProgrammeRules: ${later.n} assignment(s) belong to a second or later cycle, and removing them would destroy training records.`,
      );
    await q.query(`UPDATE assignment SET source = 'manual' WHERE source = 'remedial'`);
    await q.query(`DROP INDEX assignment_rule_idx`);
    await q.query(`DROP INDEX assignment_current_idx`);
    await q.query(`
      ALTER TABLE assignment
        DROP CONSTRAINT assignment_source_check,
        ADD CONSTRAINT assignment_source_check CHECK (source IN ('manual', 'rule', 'seed')),
        DROP CONSTRAINT assignment_user_module_cycle_key,
        ADD CONSTRAINT assignment_user_id_module_id_key UNIQUE (user_id, module_id),
        DROP COLUMN superseded_at,
        DROP COLUMN rule_id,
        DROP COLUMN cycle`);
    await q.query(`DROP TABLE assignment_rule`);
  }
}
