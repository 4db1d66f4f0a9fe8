/**
 * What every benchmark shares: where the repository is, logging, the git state of the API build
 * being measured, the benchmark's own database on the chosen PostgreSQL server, percentiles,
 * Markdown tables and the machine's description. (Not a *.bench.mjs file: run-all skips it.)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(BENCH_DIR, '..');
/** The machine's PostgreSQL (trust authentication), used when DATABASE_URL is not set. */
export const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432';

export const log = (message) => process.stdout.write(`[bench] ${message}\n`);

/**
 * Runs a benchmark's main(): on Ctrl-C or SIGTERM, and on failure, `cleanup` runs first (drops the
 * database, stops the processes it started), then the process exits 130 or 1.
 */
export function runBench(main, cleanup) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      log(`${signal}: cleaning up…`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  main().catch(async (error) => {
    process.stderr.write(`[bench] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    await cleanup();
    process.exit(1);
  });
}
export const since = (t0) => Math.round(performance.now() - t0);
export const round1 = (n) => Math.round(n * 10) / 10;

/**
 * What the API build is made of: apps/api, migrations/ and the libraries apps/api/tsconfig.app.json
 * references (read at start-up, so a new reference is picked up).
 */
export function apiInputs() {
  try {
    const tsconfig = JSON.parse(readFileSync(path.join(ROOT, 'apps/api/tsconfig.app.json'), 'utf8'));
    const libs = (tsconfig.references ?? [])
      .map((r) => path.relative(ROOT, path.dirname(path.resolve(ROOT, 'apps/api', r.path))))
      .filter((dir) => dir.startsWith('libs/'));
    return ['apps/api', 'migrations', ...libs];
  } catch {
    return ['apps/api', 'migrations', 'libs'];
  }
}

/** The commit the API was built from, and which of its inputs have uncommitted changes. */
export function gitState() {
  const git = (...a) =>
    execFileSync('git', a, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trimEnd();
  try {
    const changed = git('status', '--porcelain', '--', ...apiInputs())
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3));
    return {
      commit: git('rev-parse', '--short', 'HEAD'),
      dirty: changed.length > 0,
      changed: changed.slice(0, 20),
    };
  } catch {
    return { commit: null, dirty: null, changed: [] };
  }
}

/**
 * The benchmark's own database `name` on DATABASE_URL's server (only the server is used) or on
 * DEFAULT_SERVER; `withAdmin` runs work on the server's `postgres` database.
 */
export function benchDatabase(name) {
  const usedDatabaseUrl = Boolean(process.env.DATABASE_URL);
  const serverUrl = new URL(process.env.DATABASE_URL || DEFAULT_SERVER);
  const adminUrl = new URL(serverUrl);
  if (!adminUrl.pathname || adminUrl.pathname === '/') adminUrl.pathname = '/postgres';
  const benchUrl = new URL(serverUrl);
  benchUrl.pathname = `/${name}`;

  async function withAdmin(work) {
    const client = new pg.Client({
      connectionString: adminUrl.toString(),
      application_name: 'countersign-bench',
    });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }
  const dropBenchDatabase = () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  return { usedDatabaseUrl, serverUrl, adminUrl, benchUrl, withAdmin, dropBenchDatabase };
}

/** Nearest-rank: the smallest sample with at least p% of the samples at or below it. */
export function percentile(sorted, p) {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A Markdown table: the first column left-aligned, the rest right-aligned (numbers). */
export function renderTable(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    `| ${cells.map((c, i) => (i < 1 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i < 1 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

/** The machine the figures came from (each benchmark adds what else matters to it). */
export function machineDescription() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryGiB: round1(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

export const loadAverage = () => os.loadavg().map((n) => Math.round(n * 100) / 100);
