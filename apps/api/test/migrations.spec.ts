import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { admin, dropDatabase } from '../src/test-support/test-database.js';

describe('migrations', () => {
  const server = process.env.TEST_PG_SERVER!;
  const name = `countersign_migrations_${randomBytes(4).toString('hex')}`;
  let ds: DataSource;

  beforeAll(async () => {
    await admin(server, (c) => c.query(`CREATE DATABASE ${name}`));
    ds = new DataSource(dataSourceOptions(`${server}/${name}`, { poolSize: 1 }));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await dropDatabase(server, name);
  });

  /** Undoes the migrations from the newest back to and including `name`. */
  const undoThrough = async (name: string) => {
    for (;;) {
      const [last] = await ds.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`);
      await ds.undoLastMigration({ transaction: 'each' });
      if (!last || last.name === name) return;
    }
  };
  const tables = async () =>
    (
      await ds.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`,
      )
    ).map((r: { tablename: string }) => r.tablename);

  it('applies every migration, undoes every one with down(), and applies them again', async () => {
    await ds.runMigrations({ transaction: 'each' });
    const created = await tables();
    expect(created).toEqual(
      expect.arrayContaining([
        'organisation',
        'app_user',
        'module_version',
        'attempt_event',
        'completion',
        'audit_event',
        'notification',
        'outbound_email',
        'approach_report',
        'approach_report_counter',
        'approach_report_status_change',
        'approach_report_note',
        'approach_attachment',
        'approach_attachment_content',
        'approach_rule_set',
      ]),
    );

    for (let i = 0; i < ds.migrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual([]);
    const types = await ds.query(
      `SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'`,
    );
    expect(types).toEqual([]);
    const functions = await ds.query(
      `SELECT proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.prorettype = 'trigger'::regtype`,
    );
    expect(functions).toEqual([]);

    await ds.runMigrations({ transaction: 'each' });
    expect(await tables()).toEqual(created);
  });

  it('has nothing left to apply after a run (schema changes only by migration)', async () => {
    expect(await ds.showMigrations()).toBe(false);
  });

  it('backfills assignment status from attempts and completions when tracking status', async () => {
    // Back to the core schema only: undo every migration after the first.
    for (let i = 1; i < ds.migrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    const suffix = randomBytes(3).toString('hex');
    const [org] = await ds.query(
      `INSERT INTO organisation (name, slug) VALUES ('Backfill', 'backfill-${suffix}') RETURNING id`,
    );
    const [mod] = await ds.query(
      `INSERT INTO training_module (organisation_id, slug, title) VALUES ($1, 'm', 'M') RETURNING id`,
      [org.id],
    );
    const [v] = await ds.query(
      `INSERT INTO module_version (organisation_id, module_id, version, status, content, pass_mark) VALUES ($1, $2, 1, 'published', '{}', 80) RETURNING id`,
      [org.id, mod.id],
    );
    const ids: Record<string, string> = {};
    for (const who of ['idle', 'busy', 'done']) {
      const [u] = await ds.query(
        `INSERT INTO app_user (organisation_id, email, name) VALUES ($1, $2, $3) RETURNING id`,
        [org.id, `${who}-${suffix}@example.test`, who],
      );
      const [a] = await ds.query(
        `INSERT INTO assignment (organisation_id, user_id, module_id, due_date) VALUES ($1, $2, $3, '2030-01-01') RETURNING id`,
        [org.id, u.id, mod.id],
      );
      ids[who] = a.id;
      if (who === 'idle') continue;
      const [t] = await ds.query(
        `INSERT INTO attempt (organisation_id, assignment_id, user_id, module_version_id, current_step_id, status) VALUES ($1, $2, $3, $4, 's', $5) RETURNING id`,
        [org.id, a.id, u.id, v.id, who === 'done' ? 'passed' : 'in-progress'],
      );
      if (who === 'done') {
        await ds.query(
          `INSERT INTO completion (organisation_id, assignment_id, user_id, module_id, module_version_id, attempt_id, score, passed, completed_at)
           VALUES ($1, $2, $3, $4, $5, $6, 90, true, '2026-01-02T03:04:05Z')`,
          [org.id, a.id, u.id, mod.id, v.id, t.id],
        );
      }
    }
    await ds.runMigrations({ transaction: 'each' });
    const rows = await ds.query(
      `SELECT id, status, completed_at FROM assignment WHERE organisation_id = $1`,
      [org.id],
    );
    const byId = Object.fromEntries(rows.map((r: { id: string }) => [r.id, r]));
    expect(byId[ids.idle!]).toMatchObject({ status: 'not-started', completed_at: null });
    expect(byId[ids.busy!]).toMatchObject({ status: 'in-progress', completed_at: null });
    expect(byId[ids.done!]).toMatchObject({
      status: 'completed',
      completed_at: new Date('2026-01-02T03:04:05Z'),
    });
  });

  it('backfills a certificate for every existing completion, and down() removes them again', async () => {
    // The completion made before the migrations ran (test above) got its certificate, issued when
    // it was completed.
    const backfilled = await ds.query(
      `SELECT ce.code, ce.issued_at, c.completed_at FROM certificate ce JOIN completion c ON c.id = ce.completion_id`,
    );
    expect(backfilled).toEqual([
      {
        code: expect.stringMatching(/^[A-Z2-7]{32}$/),
        issued_at: new Date('2026-01-02T03:04:05Z'),
        completed_at: new Date('2026-01-02T03:04:05Z'),
      },
    ]);

    await undoThrough('CreateCertificates1796330000000');
    expect(await tables()).not.toContain('certificate');
    // Many more completions while there are no certificates; then the migration again.
    const [done] = await ds.query(`SELECT * FROM completion LIMIT 1`);
    const suffix = randomBytes(3).toString('hex');
    for (let i = 0; i < 40; i++) {
      const [u] = await ds.query(
        `INSERT INTO app_user (organisation_id, email, name) VALUES ($1, $2, 'Many') RETURNING id`,
        [done.organisation_id, `many-${i}-${suffix}@example.test`],
      );
      const [a] = await ds.query(
        `INSERT INTO assignment (organisation_id, user_id, module_id, due_date, status, completed_at) VALUES ($1, $2, $3, '2030-01-01', 'completed', now()) RETURNING id`,
        [done.organisation_id, u.id, done.module_id],
      );
      const [t] = await ds.query(
        `INSERT INTO attempt (organisation_id, assignment_id, user_id, module_version_id, current_step_id, status) VALUES ($1, $2, $3, $4, 's', 'passed') RETURNING id`,
        [done.organisation_id, a.id, u.id, done.module_version_id],
      );
      await ds.query(
        `INSERT INTO completion (organisation_id, assignment_id, user_id, module_id, module_version_id, attempt_id, score, passed)
         VALUES ($1, $2, $3, $4, $5, $6, 85, true)`,
        [done.organisation_id, a.id, u.id, done.module_id, done.module_version_id, t.id],
      );
    }
    await ds.runMigrations({ transaction: 'each' });
    const certificates = await ds.query(
      `SELECT ce.code, ce.organisation_id = c.organisation_id AS same_org
         FROM completion c LEFT JOIN certificate ce ON ce.completion_id = c.id`,
    );
    expect(certificates).toHaveLength(41);
    for (const c of certificates)
      expect(c).toEqual({ code: expect.stringMatching(/^[A-Z2-7]{32}$/), same_org: true });
    expect(new Set(certificates.map((c: { code: string }) => c.code)).size).toBe(41);
    expect(certificates.map((c: { code: string }) => c.code)).not.toContain(backfilled[0].code);

    // A revoked certificate is a decision on record: down() refuses to drop it.
    await ds.query(`UPDATE certificate SET revoked_at = now(), revoke_reason = 'Test' WHERE code = $1`, [
      certificates[0].code,
    ]);
    await expect(undoThrough('CreateCertificates1796330000000')).rejects.toThrow(/revoked/);
    await ds.query(`UPDATE certificate SET revoked_at = NULL, revoke_reason = NULL`);
  });

  it('freezes published module versions in the database itself', async () => {
    const [org] = await ds.query(
      `INSERT INTO organisation (name, slug) VALUES ('Frozen', 'frozen-${randomBytes(3).toString('hex')}') RETURNING id`,
    );
    const [mod] = await ds.query(
      `INSERT INTO training_module (organisation_id, slug, title) VALUES ($1, 'm', 'M') RETURNING id`,
      [org.id],
    );
    const [v] = await ds.query(
      `INSERT INTO module_version (organisation_id, module_id, version, status, content, pass_mark) VALUES ($1, $2, 1, 'published', '{}', 80) RETURNING id`,
      [org.id, mod.id],
    );
    await expect(
      ds.query(`UPDATE module_version SET content = '{"x":1}' WHERE id = $1`, [v.id]),
    ).rejects.toThrow(/cannot be changed/);
    // Status may still move on (published → archived).
    await ds.query(`UPDATE module_version SET status = 'archived' WHERE id = $1`, [v.id]);
  });
  it('gives bulk-written rows time-ordered UUIDv7 ids, and down() puts random ones back', async () => {
    // The test before leaves the newest migrations undone.
    await ds.runMigrations({ transaction: 'each' });
    const ids: { id: string }[] = await ds.query(
      `SELECT time_ordered_uuid()::text AS id FROM generate_series(1, 3) ORDER BY 1`,
    );
    for (const { id } of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The first 48 bits are the milliseconds since 1970: now, give or take the test's own time.
    const ms = parseInt(ids[0]!.id.replace(/-/g, '').slice(0, 12), 16);
    expect(Math.abs(ms - Date.now())).toBeLessThan(60_000);
    const defaults = async () =>
      (
        await ds.query(
          `SELECT table_name, column_default FROM information_schema.columns
            WHERE table_schema = 'public' AND column_name = 'id'
              AND table_name IN ('assignment', 'outbound_email', 'notification') ORDER BY 1`,
        )
      ).map((r: { table_name: string; column_default: string }) => `${r.table_name}: ${r.column_default}`);
    expect(await defaults()).toEqual([
      'assignment: time_ordered_uuid()',
      'notification: time_ordered_uuid()',
      'outbound_email: time_ordered_uuid()',
    ]);
    await undoThrough('TimeOrderedIds1796365000000');
    expect(await defaults()).toEqual([
      'assignment: gen_random_uuid()',
      'notification: gen_random_uuid()',
      'outbound_email: gen_random_uuid()',
    ]);
    await ds.runMigrations({ transaction: 'each' });
    expect(await defaults()).toEqual([
      'assignment: time_ordered_uuid()',
      'notification: time_ordered_uuid()',
      'outbound_email: time_ordered_uuid()',
    ]);
  });
});
