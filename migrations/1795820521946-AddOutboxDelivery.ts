import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery of the email outbox: when a pending email may next be tried. NULL means "now"; after a
 * failed attempt the sender pushes it into the future with exponential backoff.
 */
export class AddOutboxDelivery1795820521946 implements MigrationInterface {
  name = 'AddOutboxDelivery1795820521946';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbound_email ADD COLUMN next_attempt_at timestamptz`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbound_email DROP COLUMN next_attempt_at`);
  }
}
