import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quiz retry policies record two new things:
 *
 * - attempt_event 'debrief-reviewed': the learner opened the scenario's debrief again before a
 *   retry (payload: the round then open). Evidence, like every attempt event.
 * - notification 'quiz-rounds-failed': the officers are told, once, that a learner has failed as
 *   many quiz rounds as the module's policy allows before telling them.
 *
 * down() cannot delete the attempt events (the table refuses deletes), so it puts the narrower
 * check back NOT VALID: new rows are held to it, rows already written are left alone.
 */
export class AddQuizRetryRecords1796230635546 implements MigrationInterface {
  name = 'AddQuizRetryRecords1796230635546';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attempt_event DROP CONSTRAINT attempt_event_type_check`);
    await q.query(`
      ALTER TABLE attempt_event ADD CONSTRAINT attempt_event_type_check
      CHECK (type IN ('started', 'choice', 'scenario-ended', 'quiz-submitted', 'passed', 'debrief-reviewed'))`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind_check`);
    await q.query(`
      ALTER TABLE notification ADD CONSTRAINT notification_kind_check
      CHECK (kind IN ('report-new-high', 'report-status-changed', 'quiz-rounds-failed'))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE kind = 'quiz-rounds-failed'`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind_check`);
    await q.query(`
      ALTER TABLE notification ADD CONSTRAINT notification_kind_check
      CHECK (kind IN ('report-new-high', 'report-status-changed'))`);
    await q.query(`ALTER TABLE attempt_event DROP CONSTRAINT attempt_event_type_check`);
    await q.query(`
      ALTER TABLE attempt_event ADD CONSTRAINT attempt_event_type_check
      CHECK (type IN ('started', 'choice', 'scenario-ended', 'quiz-submitted', 'passed')) NOT VALID`);
  }
}
