import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  chmod,
  cp,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  runningEmbeddedServer,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from '../src/database/embedded-postgres.js';

/**
 * The zero-setup default must survive what happens on laptops: a run killed with SIGKILL leaves
 * a postgres running on our folder, or (if that died too) a stale postmaster.pid.
 */
describe('embedded PostgreSQL', () => {
  let parent: string;
  let dataDir: string;
  let port: number; // a free one: a random pick could land on another server's (the suite's own embedded one)
  let server: EmbeddedDatabase | undefined;

  beforeAll(async () => {
    port = await freePort();
    parent = await mkdtemp(path.join(tmpdir(), 'countersign-embedded-'));
    await chmod(parent, 0o755); // the server may run as the postgres user, which must reach the folder
    dataDir = path.join(parent, 'postgres');
  });
  afterAll(async () => {
    await server?.stop();
    await rm(parent, { recursive: true, force: true });
  });

  const select = async (url: string) => {
    const client = new pg.Client({ connectionString: `${url}/postgres` });
    await client.connect();
    try {
      return (await client.query('SELECT 1 AS one')).rows[0].one;
    } finally {
      await client.end();
    }
  };

  it('recovers when the previous run was killed and left its postgres running', async () => {
    // A separate Node process starts the server, then is killed without any chance to clean up.
    const compiled = path.resolve(import.meta.dirname ?? __dirname, '../dist/database/embedded-postgres.js');
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(compiled)});
         await m.startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, log: () => {} });
         console.log('ready');
         setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d) => String(d).includes('ready') && resolve());
      child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const orphan = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    expect(() => process.kill(orphan, 0)).not.toThrow(); // still running, holding the folder

    server = await startEmbeddedPostgres({ dataDir, port, log: () => undefined });
    expect(await select(server.serverUrl)).toBe(1);
    expect(() => process.kill(orphan, 0)).toThrow(); // the orphan was stopped cleanly first
  }, 90_000);

  it('lets a second process (the CLI) find the running server instead of starting its own', async () => {
    expect(runningEmbeddedServer(dataDir)).toBe(server!.serverUrl);
    expect(await select(runningEmbeddedServer(dataDir)!)).toBe(1);
    expect(runningEmbeddedServer(path.join(parent, 'nothing-here'))).toBeNull();
  });

  it('removes a stale lock file whose process is gone', async () => {
    await server!.stop();
    server = undefined;
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
    // A lock left by a crash: a pid that no longer exists.
    await writeFile(path.join(dataDir, 'postmaster.pid'), `999999\n${dataDir}\n`);
    server = await startEmbeddedPostgres({ dataDir, port, log: () => undefined });
    expect(await select(server.serverUrl)).toBe(1);
  }, 60_000);

  it('says clearly when the data folder cannot be written', async () => {
    const blocked = path.join(parent, 'a-file');
    await writeFile(blocked, 'not a folder');
    await expect(
      startEmbeddedPostgres({
        dataDir: path.join(blocked, 'postgres'),
        port: port + 1,
        log: () => undefined,
      }),
    ).rejects.toThrow(/is not writable.*DATA_DIR.*DATABASE_URL/);
  });
});

/**
 * As root in a checkout under a private folder (mode 0700, like /root on Debian or a `mktemp -d`),
 * the postgres user that the server runs as can reach neither the binaries in the checkout's
 * node_modules nor DATA_DIR. This builds exactly that: a 0700 folder holding its own copy of the
 * platform package in node_modules and its .data, and starts the server from it.
 */
const asRoot = process.getuid?.() === 0 ? describe : describe.skip;
asRoot('embedded PostgreSQL from a checkout in a private folder, as root', () => {
  let checkout: string;
  let shared: string; // stands in for /var/lib/countersign
  let nativeDir: string;
  let server: EmbeddedDatabase | undefined;
  const postgresUid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());

  beforeAll(async () => {
    checkout = await mkdtemp(path.join(tmpdir(), 'countersign-private-checkout-'));
    expect((await stat(checkout)).mode & 0o777).toBe(0o700);
    const platformPackage = `@embedded-postgres/${platform()}-${arch()}`;
    const { postgres } = (await import(platformPackage)) as { postgres: string };
    const installed = path.dirname(path.dirname(path.dirname(postgres)));
    const own = path.join(checkout, 'node_modules', platformPackage);
    await mkdir(path.dirname(own), { recursive: true });
    await cp(installed, own, { recursive: true, verbatimSymlinks: true });
    nativeDir = path.join(own, 'native');
    shared = await mkdtemp(path.join(tmpdir(), 'countersign-shared-'));
    await chmod(shared, 0o755);
  });
  afterAll(async () => {
    await server?.stop();
    await rm(checkout, { recursive: true, force: true });
    await rm(shared, { recursive: true, force: true });
  });

  const start = async (dataDir: string, port: number) => {
    const log: string[] = [];
    server = await startEmbeddedPostgres({
      dataDir,
      port,
      log: (m) => log.push(m),
      nativeDir,
      sharedDir: shared,
    });
    return log;
  };
  const stop = async () => {
    await server?.stop();
    server = undefined;
  };
  const query = async (sql: string) => {
    const client = new pg.Client({ connectionString: `${server!.serverUrl}/postgres` });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };

  it('starts, with the binaries copied where the postgres user can run them and the cluster linked from DATA_DIR', async () => {
    const dataDir = path.join(checkout, '.data', 'postgres');
    const log = await start(dataDir, await freePort());
    await query('CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
    expect(log.join('\n')).toMatch(/copying it to/);

    // The copy: root-owned, readable and runnable by all, with its version marker.
    const copies = (await readdir(shared)).filter((entry) => entry.startsWith('postgres-'));
    expect(copies).toHaveLength(1);
    const copiedPostgres = await stat(path.join(shared, copies[0]!, 'bin', 'postgres'));
    expect({ uid: copiedPostgres.uid, mode: copiedPostgres.mode & 0o777 }).toEqual({ uid: 0, mode: 0o755 });
    expect(existsSync(path.join(shared, copies[0]!, '.countersign-copy.json'))).toBe(true);

    // The cluster: owned by the postgres user, private to it, and reached through DATA_DIR/postgres.
    expect((await lstat(dataDir)).isSymbolicLink()).toBe(true);
    const cluster = await readlink(dataDir);
    expect(path.dirname(cluster)).toBe(path.join(shared, 'clusters'));
    const clusterStat = await stat(cluster);
    expect({ uid: clusterStat.uid, mode: clusterStat.mode & 0o777 }).toEqual({
      uid: postgresUid,
      mode: 0o700,
    });
    await stop();
  }, 120_000);

  it('reuses the copy and keeps the data on the next start', async () => {
    const log = await start(path.join(checkout, '.data', 'postgres'), await freePort());
    expect(log.join('\n')).not.toMatch(/copying|Creating/);
    expect(await query('SELECT n FROM kept')).toEqual([{ n: 42 }]);
    await stop();
  }, 60_000);

  it('starts afresh when DATA_DIR was deleted, and removes clusters whose DATA_DIR is gone', async () => {
    const other = path.join(checkout, '.data-other', 'postgres');
    await start(other, await freePort());
    const otherCluster = await readlink(other);
    await stop();
    await rm(path.join(checkout, '.data'), { recursive: true, force: true });
    await rm(path.join(checkout, '.data-other'), { recursive: true, force: true });

    const log = await start(path.join(checkout, '.data', 'postgres'), await freePort());
    expect(log.join('\n')).toMatch(/Creating the embedded PostgreSQL cluster/);
    expect(await query("SELECT to_regclass('kept') AS kept")).toEqual([{ kept: null }]);
    expect(existsSync(otherCluster)).toBe(false);
    expect(existsSync(`${otherCluster}.for`)).toBe(false);
    await stop();
  }, 120_000);

  it('refuses in one sentence, not a stack trace, when the copied binaries do not run as that user', async () => {
    const copy = (await readdir(shared)).find((entry) => entry.startsWith('postgres-'))!;
    await chmod(path.join(shared, copy, 'bin'), 0o700); // damaged: the postgres user cannot enter bin/
    try {
      await expect(
        startEmbeddedPostgres({
          dataDir: path.join(checkout, '.data', 'postgres'),
          port: await freePort(),
          log: () => undefined,
          nativeDir,
          sharedDir: shared,
        }),
      ).rejects.toThrow(/do not run as the postgres user.*Remove that folder.*DATABASE_URL/);
    } finally {
      await chmod(path.join(shared, copy, 'bin'), 0o755);
    }
  }, 60_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
