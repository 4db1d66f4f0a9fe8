import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notifications, one row per recipient, and the outbox of emails. Emails are written to
 * `outbound_email` in the transaction of the event that causes them and delivered later by a
 * relay, so a mail server that is down never fails or slows the request that caused the email.
 */
export class CreateNotifications1795818630870 implements MigrationInterface {
  name = 'CreateNotifications1795818630870';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        user_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('report-new-high', 'report-status-changed')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        body text NOT NULL DEFAULT '' CHECK (length(body) <= 2000),
        link text NOT NULL CHECK (link ~ '^/'),
        subject_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        FOREIGN KEY (organisation_id, user_id) REFERENCES app_user(organisation_id, id) ON DELETE CASCADE
      )`);
    // A person's notifications, newest first; and the unread count.
    await q.query(
      `CREATE INDEX notification_user_idx ON notification (organisation_id, user_id, created_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL`);

    await q.query(`
      CREATE TABLE outbound_email (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        recipient_id uuid NOT NULL,
        from_address text NOT NULL,
        to_address text NOT NULL,
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
        body_text text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        FOREIGN KEY (organisation_id, recipient_id) REFERENCES app_user(organisation_id, id) ON DELETE CASCADE
      )`);
    // What a relay picks up, oldest first.
    await q.query(
      `CREATE INDEX outbound_email_pending_idx ON outbound_email (created_at) WHERE status = 'pending'`,
    );
    await q.query(`CREATE INDEX outbound_email_org_idx ON outbound_email (organisation_id, created_at)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbound_email`);
    await q.query(`DROP TABLE notification`);
  }
}
