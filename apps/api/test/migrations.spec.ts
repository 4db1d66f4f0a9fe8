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

  const tables = async () =>
    (await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`)).map(
      (r: { tablename: string }) => r.tablename,
    );

  it('applies every migration, undoes every one with down(), and applies them again', async () => {
    await ds.runMigrations({ transaction: 'each' });
    const created = await tables();
    expect(created).toEqual(expect.arrayContaining(['organisation', 'app_user', 'module_version', 'attempt_event', 'completion']));

    for (let i = 0; i < ds.migrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual([]);
    const types = await ds.query(`SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'`);
    expect(types).toEqual([]);

    await ds.runMigrations({ transaction: 'each' });
    expect(await tables()).toEqual(created);
  });

  it('has nothing left to apply after a run (schema changes only by migration)', async () => {
    expect(await ds.showMigrations()).toBe(false);
  });

  it('freezes published module versions in the database itself', async () => {
    const [org] = await ds.query(`INSERT INTO organisation (name, slug) VALUES ('Frozen', 'frozen-${randomBytes(3).toString('hex')}') RETURNING id`);
    const [mod] = await ds.query(`INSERT INTO training_module (organisation_id, slug, title) VALUES ($1, 'm', 'M') RETURNING id`, [org.id]);
    const [v] = await ds.query(
      `INSERT INTO module_version (organisation_id, module_id, version, status, content, pass_mark) VALUES ($1, $2, 1, 'published', '{}', 80) RETURNING id`,
      [org.id, mod.id],
    );
    await expect(ds.query(`UPDATE module_version SET content = '{"x":1}' WHERE id = $1`, [v.id])).rejects.toThrow(/cannot be changed/);
    // Status may still move on (published → archived).
    await ds.query(`UPDATE module_version SET status = 'archived' WHERE id = $1`, [v.id]);
  });
});
