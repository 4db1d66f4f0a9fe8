import path from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { REPO_ROOT } from '../config/config.js';
import { dataSourceOptions } from '../database/data-source-options.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../database/embedded-postgres.js';

/**
 * Test databases: one migrated template per run, cloned per test file with
 * `CREATE DATABASE … TEMPLATE …`, so files never share state and run in parallel.
 * DATABASE_URL (if set) names the server to use; otherwise an embedded PostgreSQL is started.
 */
export const TEMPLATE_DB = 'countersign_test_template';
const EMBEDDED_TEST_PORT = 54339;

export async function startTestServer(): Promise<{ serverUrl: string; embedded: EmbeddedDatabase | null }> {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '';
    return { serverUrl: url.toString().replace(/\/$/, ''), embedded: null };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(REPO_ROOT, '.data', 'test-postgres'),
    port: Number(process.env.TEST_EMBEDDED_PG_PORT ?? EMBEDDED_TEST_PORT),
    log: () => undefined,
  });
  return { serverUrl: embedded.serverUrl, embedded };
}

export async function admin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** (Re)creates the template database with every migration applied. */
export async function createTemplate(serverUrl: string): Promise<void> {
  await admin(serverUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  });
  const ds = new DataSource(dataSourceOptions(`${serverUrl}/${TEMPLATE_DB}`, { poolSize: 1 }));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

/** A fresh database cloned from the template; returns its URL. */
export async function cloneTemplate(serverUrl: string, name: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${TEMPLATE_DB}`));
      return `${serverUrl}/${name}`;
    } catch (error) {
      // Two files cloning at the same instant: "source database is being accessed by other users".
      if ((error as { code?: string }).code !== '55006' || attempt > 20) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}

export async function dropTemplate(serverUrl: string): Promise<void> {
  await dropDatabase(serverUrl, TEMPLATE_DB);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
}
