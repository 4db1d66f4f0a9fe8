import { spawn } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The built server (`node apps/api/dist/main.js`, as `npm start` runs it) as a process. */
const main = path.resolve(import.meta.dirname ?? __dirname, '../dist/main.js');

/**
 * `npm start` never ends in a raw stack trace: a failure during start-up, even one thrown outside
 * main()'s promise chain (as an unhandled child-process 'error' event once was), is one line.
 */
describe('start-up failures', () => {
  /**
   * Runs main.js with `fault` fired as soon as start-up is under way: once main.js has installed
   * its handlers (polled, so the test does not depend on how long loading takes).
   */
  const start = (fault: string) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const preload = `const t = setInterval(() => { if (process.listenerCount('uncaughtException') > 0) { clearInterval(t); ${fault} } }, 1);`;
      const child = spawn(
        process.execPath,
        ['--import', `data:text/javascript,${encodeURIComponent(preload)}`, main],
        {
          // A database that never answers: start-up is still under way when the fault fires (it never listens).
          env: {
            ...process.env,
            DATABASE_URL: 'postgres://nobody:none@127.0.0.1:9/none',
            LOG_LEVEL: 'silent',
            PORT: '39999',
          },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.once('exit', (code, signal) =>
        resolve({ code, stderr: signal ? `${stderr}(killed by ${signal})` : stderr }),
      );
    });

  it('reports an uncaught exception during start-up in one line', async () => {
    const { code, stderr } = await start(`throw new Error('spawn /private/initdb EACCES');`);
    expect({ code, stderr }).toEqual({
      code: 1,
      stderr: '[countersign] Could not start: spawn /private/initdb EACCES\n',
    });
  }, 30_000);

  it('reports an unhandled rejection during start-up in one line', async () => {
    const { code, stderr } = await start(`Promise.reject(new Error('no postgres user'));`);
    expect({ code, stderr }).toEqual({
      code: 1,
      stderr: '[countersign] Could not start: no postgres user\n',
    });
  }, 30_000);
});

describe('shutdown', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'countersign-main-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  // Nest's shutdown hooks re-raise the signal once done; that must not end the process before it
  // has stopped its embedded PostgreSQL (which would be left running, holding the port and data).
  it('stops its embedded PostgreSQL on SIGTERM, and exits 0', async () => {
    const [port, pgPort] = [await freePort(), await freePort()];
    const { DATABASE_URL: _external, ...inherited } = process.env; // the embedded default
    const child = spawn(process.execPath, [main], {
      env: {
        ...inherited,
        // A private folder (mkdtemp is 0700), as in a checkout under /root.
        DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(pgPort),
        PORT: String(port),
        DEMO_SEED: 'false',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    while (!output.includes('Countersign is running')) {
      if (child.exitCode !== null) throw new Error(`The server exited during start-up:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const postgres = Number(
      (await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0],
    );
    expect(isAlive(postgres)).toBe(true);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(isAlive(postgres)).toBe(false);
  }, 120_000);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

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
