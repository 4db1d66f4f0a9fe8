import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../database/embedded-postgres.js';

/**
 * Test databases: one migrated template per run, cloned per test file with
 * `CREATE DATABASE … TEMPLATE …`, so files never share state and run in parallel.
 * DATABASE_URL (if set) names the server to use; otherwise an embedded PostgreSQL is started.
 */

/**
 * Without DATABASE_URL, each test run gets its own throw-away embedded cluster on a free port,
 * so two runs on one machine (a developer and an agent, say) never touch each other's server.
 */
export async function startTestServer(): Promise<{ serverUrl: string; embedded: EmbeddedDatabase | null }> {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '';
    return { serverUrl: url.toString().replace(/\/$/, ''), embedded: null };
  }
  const dataDir = path.join(tmpdir(), `countersign-test-pg-${process.pid}-${randomBytes(3).toString('hex')}`);
  const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), log: () => undefined });
  return {
    serverUrl: embedded.serverUrl,
    embedded: {
      ...embedded,
      stop: async () => {
        await embedded.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
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

/** Creates this run's template database with every migration applied; returns its name. */
export async function createTemplate(serverUrl: string): Promise<string> {
  const template = `countersign_test_template_${randomBytes(4).toString('hex')}`;
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${template}`));
  const ds = new DataSource(dataSourceOptions(`${serverUrl}/${template}`, { poolSize: 1 }));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
  return template;
}

/** A fresh database cloned from the template; returns its URL. */
export async function cloneTemplate(serverUrl: string, template: string, name: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin(serverUrl, (c) =>
        c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`),
      );
      return `${serverUrl}/${name}`;
    } catch (error) {
      // Two files cloning at the same instant: "source database is being accessed by other users".
      if ((error as { code?: string }).code !== '55006' || attempt > 20) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
}
