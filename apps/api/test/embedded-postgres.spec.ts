import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/database/embedded-postgres.js';

/**
 * The zero-setup default must survive what happens on laptops: a run killed with SIGKILL leaves
 * a postgres running on our folder, or (if that died too) a stale postmaster.pid.
 */
describe('embedded PostgreSQL', () => {
  let parent: string;
  let dataDir: string;
  const port = 55000 + Math.floor(Math.random() * 2000);
  let server: EmbeddedDatabase | undefined;

  beforeAll(async () => {
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
