import PgBoss from 'pg-boss';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The pg-boss schema version this migration installs (pg-boss 10.x). */
const PG_BOSS_SCHEMA_VERSION = 24;

/**
 * The durable job queue: pg-boss's own tables in the `pgboss` schema (jobs, queues, cron
 * schedules), installed here rather than by pg-boss at start-up, so that every schema change goes
 * through a migration with a down() and the API never needs DDL rights at run time. pg-boss is
 * started with `migrate: false` and refuses to run against another schema version; a pg-boss
 * upgrade that changes its schema comes with a migration running `PgBoss.getMigrationPlans()`.
 *
 * pg-boss wraps its plan in BEGIN … COMMIT under an advisory lock; here it runs inside the
 * migration's own transaction instead, so those two lines are left out.
 */
export class CreateJobQueue1796310000000 implements MigrationInterface {
  name = 'CreateJobQueue1796310000000';

  public async up(q: QueryRunner): Promise<void> {
    const plan = PgBoss.getConstructionPlans('pgboss');
    if (!plan.includes(`VALUES ('${PG_BOSS_SCHEMA_VERSION}')`))
      throw new Error(`pg-boss no longer installs schema version ${PG_BOSS_SCHEMA_VERSION}: add a migration`);
    await q.query(plan.replace(/^\s*BEGIN;/, '').replace(/COMMIT;\s*$/, ''));
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA pgboss CASCADE`);
  }
}
