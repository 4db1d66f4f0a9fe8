#!/usr/bin/env node
/**
 * People import benchmark: preview and apply of a large CSV file through the real API.
 *
 *   node bench/people-import.bench.mjs [--rows 100000] [--label TEXT] [--keep-db]
 *
 * 1. Generates, in this process and before anything is timed, a CSV of --rows people (all eight
 *    columns; 40 departments; a management tree, every manager earlier in the file; officers and
 *    administrators among them) and a second version of it with 10% of the people changed (new
 *    department, title or tier) for the re-import.
 * 2. Creates a fresh database `countersign_bench_people_import` (dropped first WITH (FORCE), and
 *    at the end unless --keep-db) on DATABASE_URL's server or on postgres://postgres@127.0.0.1:5432.
 * 3. Boots the real API from apps/api/dist in a child process of its own, with MAIL_FROM set (so
 *    every created person's invitation email is queued, as in a real roll-out; nothing is sent),
 *    so that its memory (RSS, and the kernel's peak VmHWM reset per phase) is the server's alone.
 * 4. Times over HTTP, as the web app sends them: preview of the new file, apply of it, preview of
 *    the changed file, apply of it. Beside them, in the same run, two references for the floor of
 *    the work: csv-parse alone over the same bytes (in this process), and PostgreSQL inserting
 *    as many rows into a scratch table in one unnest() statement.
 * 5. Writes bench/results/people-import-<date>.{json,md}.
 *
 * Target (issue #10): preview and apply of 100,000 rows at ≤ 10 s each, API memory flat (its
 * peak does not grow with the file beyond the upload and the parsed rows of one request).
 * Needs the API built first: `npx tsc -b apps/api/tsconfig.app.json`.
 */
import 'reflect-metadata';
import { Buffer } from 'node:buffer';
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  BENCH_DIR,
  benchDatabase,
  DEFAULT_SERVER,
  gitState,
  loadAverage,
  log,
  machineDescription,
  renderTable,
  ROOT,
  round1,
  runBench,
  since,
} from './bench-kit.mjs';

const BENCH_FILE = fileURLToPath(import.meta.url);
const DIST = path.join(ROOT, 'apps/api/dist');
const RESULTS_DIR = path.join(BENCH_DIR, 'results');
const BENCH_DB = 'countersign_bench_people_import';
const ADMIN_EMAIL = 'admin@bench-import.example';
const ADMIN_PASSWORD = 'bench-admin-password-2026';
const TARGET_MS = 10_000;
const requireFromApi = createRequire(path.join(ROOT, 'apps/api/package.json'));
const { FormData, Blob, fetch, AbortSignal } = globalThis;

const { values: args, tokens } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    label: { type: 'string' },
    'keep-db': { type: 'boolean', default: false },
    serve: { type: 'boolean', default: false },
  },
  strict: false,
  tokens: true,
});
const unknownOptions = tokens
  .filter((t) => t.kind === 'option' && !['rows', 'label', 'keep-db', 'serve'].includes(t.name))
  .map((t) => t.name);
const ROWS = Number(args.rows);
if (!Number.isInteger(ROWS) || ROWS < 10 || ROWS > 100_000) {
  process.stderr.write('--rows must be a whole number from 10 to 100000 (the import limit)\n');
  process.exit(2);
}

const { usedDatabaseUrl, benchUrl, withAdmin, dropBenchDatabase } = benchDatabase(BENCH_DB);

// ---------------------------------------------------------------------------------------------
// The API process (`--serve`)
// ---------------------------------------------------------------------------------------------

async function serve() {
  const load = (rel) => import(pathToFileURL(path.join(DIST, rel)).href);
  const [
    { createApp, runMigrations },
    { loadConfig },
    { OrganisationsService },
    { hashPassword },
    { JobQueue },
  ] = await Promise.all([
    load('app.factory.js'),
    load('config/config.js'),
    load('modules/organisations/organisations.service.js'),
    load('modules/auth/auth.service.js'),
    load('modules/jobs/job-queue.service.js'),
  ]);
  const { DataSource } = requireFromApi('typeorm');
  const url = process.env.BENCH_DATABASE_URL;
  const config = loadConfig({
    NODE_ENV: 'production',
    // BENCH_LOG_LEVEL=info shows the API's own log, e.g. the import's time per step.
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    DEMO_SEED: 'false',
    WEB_DIST: '',
    DATABASE_URL: url,
    MAIL_FROM: 'Countersign <security@bench-import.example>',
  });
  const app = await createApp(config, url);
  await runMigrations(app);
  await app.listen(0, '127.0.0.1');
  // As `npm start` runs it: the worker in the same process writes the import's invitations.
  await app.get(JobQueue).startWorker({ pollingIntervalSeconds: 1 });
  const org = await app.get(OrganisationsService).create('Bench Import', 'bench-import');
  await app.get(DataSource).query(
    `INSERT INTO app_user (organisation_id, email, name, role, sensitivity_tier, password_hash)
       VALUES ($1, $2, 'Bench Admin', 'admin', 'standard', $3)`,
    [org.id, ADMIN_EMAIL, await hashPassword(ADMIN_PASSWORD)],
  );
  process.on('message', async (message) => {
    if (message.type === 'stop') {
      await app.close().catch(() => undefined);
      process.exit(0);
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send({ type: 'ready', port: app.getHttpServer().address().port });
}

/** Milliseconds from `t0` until every created person's invitation email is in the outbox. */
async function invitationsWritten(t0) {
  const pg = requireFromApi('pg');
  const db = new pg.Client({ connectionString: benchUrl.toString() });
  await db.connect();
  try {
    for (;;) {
      const [{ count }] = (await db.query(`SELECT count(*)::int AS count FROM outbound_email`)).rows;
      if (count >= ROWS) return since(t0);
      if (since(t0) > 300_000) throw new Error(`only ${count} invitations after 5 minutes`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await db.end();
  }
}

function startServer() {
  return new Promise((resolve, reject) => {
    const child = fork(BENCH_FILE, ['--serve'], {
      env: { ...process.env, BENCH_DATABASE_URL: benchUrl.toString() },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (m) => m.type === 'ready' && resolve({ child, port: m.port }));
    child.once('exit', (code) =>
      reject(new Error(`the API process exited with code ${code} before it was ready`)),
    );
  });
}

/** RSS and the kernel's peak (VmHWM) of a process; the peak is reset through clear_refs. */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mib = (field) => round1(Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) / 1024);
  return { rssMiB: mib('VmRSS'), peakRssMiB: mib('VmHWM') };
}
const resetPeak = (pid) => writeFileSync(`/proc/${pid}/clear_refs`, '5');

// ---------------------------------------------------------------------------------------------
// The files
// ---------------------------------------------------------------------------------------------

const DEPARTMENTS = Array.from({ length: 40 }, (_, i) => `Department ${String(i + 1).padStart(2, '0')}`);
const TIERS = ['standard', 'elevated', 'high'];
const TITLES = ['Engineer', 'Analyst', 'Programme Manager', 'Technician', 'Buyer, Procurement', 'Scientist'];

function person(i, changed) {
  const email = `person${String(i).padStart(6, '0')}@bench-import.example`;
  // A management tree: 0 reports to nobody, everyone else to someone earlier in the file.
  const manager =
    i === 0 ? '' : `person${String(Math.floor((i - 1) / 8)).padStart(6, '0')}@bench-import.example`;
  const role = i % 500 === 0 ? 'officer' : i % 2000 === 1 ? 'admin' : 'employee';
  const department = DEPARTMENTS[(i + (changed ? 7 : 0)) % DEPARTMENTS.length];
  const title = TITLES[(i + (changed ? 1 : 0)) % TITLES.length];
  const tier = TIERS[(i + (changed ? 1 : 0)) % TIERS.length];
  const start = `20${String(10 + (i % 16)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`;
  const name = i % 97 === 0 ? `"O'Neill, Pat ${i}"` : `Person ${i}`;
  const quoted = title.includes(',') ? `"${title}"` : title;
  return `${email},${name},${department},${role},${manager},${tier},${quoted},${start}`;
}

function csv(changedEvery) {
  const lines = ['Email,Name,Department,Role,Manager Email,Sensitivity Tier,Job Title,Start Date'];
  for (let i = 0; i < ROWS; i++) lines.push(person(i, changedEvery > 0 && i % changedEvery === 3));
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

// ---------------------------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------------------------

let server;
let dropAtExit = false;
async function cleanup() {
  if (server?.child.exitCode === null) {
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.send({ type: 'stop' });
    if (!(await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)])))
      server.child.kill('SIGKILL');
  }
  server = undefined;
  if (dropAtExit && !args['keep-db']) {
    dropAtExit = false;
    await dropBenchDatabase().catch((e) => log(`could not drop ${BENCH_DB}: ${e.message}`));
  }
}

async function main() {
  const tStart = performance.now();
  const loadAtStart = loadAverage();
  if (unknownOptions.length)
    log(`ignoring ${unknownOptions.map((o) => `--${o}`).join(', ')} (options of other benchmarks)`);
  if (!existsSync(path.join(DIST, 'app.factory.js')))
    throw new Error(
      'apps/api/dist is missing: build the API first with `npx tsc -b apps/api/tsconfig.app.json`.',
    );
  const git = gitState();
  const label = (
    args.label ?? `commit ${git.commit ?? 'unknown'}${git.dirty ? ' + uncommitted changes' : ''}`
  ).trim();

  const fresh = csv(0);
  const changed = csv(10);
  log(
    `${ROWS} rows: ${round1(fresh.length / 2 ** 20)} MiB per file; database ${usedDatabaseUrl ? 'DATABASE_URL' : DEFAULT_SERVER}/${BENCH_DB}`,
  );

  // Reference 1: csv-parse alone over the same bytes (the parsing floor of any import).
  const { parse } = requireFromApi('csv-parse/sync');
  const tParse = performance.now();
  const parsed = parse(fresh, { columns: true, skip_empty_lines: true });
  const csvParseMs = since(tParse);
  if (parsed.length !== ROWS) throw new Error(`csv-parse read ${parsed.length} rows, expected ${ROWS}`);

  await dropBenchDatabase();
  await withAdmin((c) => c.query(`CREATE DATABASE ${BENCH_DB}`));
  dropAtExit = true;
  server = await startServer();
  const base = `http://127.0.0.1:${server.port}`;
  const pid = server.child.pid;

  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = await login.json();

  const upload = async (route, bytes) => {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: 'text/csv' }), 'people.csv');
    const res = await fetch(`${base}/api/people/import/${route}`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
      body: form,
      signal: AbortSignal.timeout(120_000),
    });
    const body = await res.json();
    if (!res.ok) throw new Error(`${route} answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
    return body;
  };

  // Warm-up: a small file, so that the first measured request does not pay for JIT and pools.
  await upload('preview', csv(0).subarray(0, 2000));

  const phases = [];
  let invitations = null;
  const baseline = memoryOf(pid);
  for (const [name, route, bytes, expect] of [
    ['preview, new file', 'preview', fresh, (r) => r.created === ROWS],
    ['apply, new file', 'apply', fresh, (r) => r.created === ROWS && r.invitations === ROWS],
    ['preview, 10% changed', 'preview', changed, (r) => r.updated === ROWS / 10 && r.created === 0],
    ['apply, 10% changed', 'apply', changed, (r) => r.updated === ROWS / 10 && r.created === 0],
  ]) {
    resetPeak(pid);
    const before = memoryOf(pid);
    const t0 = performance.now();
    const result = await upload(route, bytes);
    const ms = since(t0);
    const after = memoryOf(pid);
    if (result.problemCount)
      throw new Error(`${name}: ${result.problemCount} problems, e.g. ${JSON.stringify(result.problems[0])}`);
    if (!expect(result))
      throw new Error(`${name}: unexpected summary ${JSON.stringify({ ...result, problems: undefined })}`);
    const summary = {
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      invitations: result.invitations,
    };
    phases.push({
      name,
      ms,
      rowsPerSecond: Math.round(ROWS / (ms / 1000)),
      summary,
      rssBeforeMiB: before.rssMiB,
      peakRssMiB: after.peakRssMiB,
      rssAfterMiB: after.rssMiB,
    });
    log(
      `${name}: ${ms} ms (${JSON.stringify(summary)}), API RSS ${before.rssMiB} → peak ${after.peakRssMiB} → ${after.rssMiB} MiB`,
    );
    if (name === 'apply, new file') {
      // The invitations are queued jobs: the worker (same process) writes links and emails after.
      const ready = await invitationsWritten(t0);
      invitations = { msAfterApplySent: ready, msAfterApplyAnswered: ready - ms };
      log(
        `invitations written by the worker: ${ready} ms after the apply was sent (${ready - ms} ms after it answered)`,
      );
    }
  }

  // Reference 2: PostgreSQL inserting as many rows in one statement (the database floor).
  const pg = requireFromApi('pg');
  const db = new pg.Client({ connectionString: benchUrl.toString() });
  await db.connect();
  await db.query(
    `CREATE TEMP TABLE scratch (email text, name text, department text, role text, manager text, tier text, title text, start_date date)`,
  );
  const columns = [
    'Email',
    'Name',
    'Department',
    'Role',
    'Manager Email',
    'Sensitivity Tier',
    'Job Title',
    'Start Date',
  ];
  const tInsert = performance.now();
  await db.query(
    `INSERT INTO scratch SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[])`,
    columns.map((c) => parsed.map((r) => r[c] || null)),
  );
  const insertMs = since(tInsert);

  // Reference 3: PostgreSQL writing the imported people again, from a table, into a copy of app_user
  // with all its indexes (two of them trigram GIN for the search) and its keys to organisation and
  // department: what the import's own INSERT cannot go below on this machine. Rolled back.
  await db.query(
    `CREATE TEMP TABLE people AS SELECT * FROM app_user WHERE email LIKE 'person%@bench-import.example'`,
  );
  await db.query('BEGIN');
  await db.query(`CREATE TABLE floor_user (LIKE app_user INCLUDING ALL)`);
  await db.query(`ALTER TABLE floor_user ADD FOREIGN KEY (organisation_id) REFERENCES organisation (id)`);
  await db.query(
    `ALTER TABLE floor_user ADD FOREIGN KEY (organisation_id, department_id) REFERENCES department (organisation_id, id)`,
  );
  const tFloor = performance.now();
  await db.query(`INSERT INTO floor_user SELECT * FROM people`);
  const indexedInsertMs = since(tFloor);
  await db.query('ROLLBACK');
  const [{ count }] = (await db.query(`SELECT count(*)::int AS count FROM outbound_email`)).rows;
  await db.end();
  if (count !== ROWS) throw new Error(`${count} invitation emails queued, expected ${ROWS}`);

  const report = {
    benchmark: 'people-import',
    date: new Date().toISOString(),
    label,
    git,
    rows: ROWS,
    fileMiB: round1(fresh.length / 2 ** 20),
    targetMs: TARGET_MS,
    phases,
    references: {
      csvParseAloneMs: csvParseMs,
      postgresUnnestInsertMs: insertMs,
      postgresIndexedInsertMs: indexedInsertMs,
    },
    apiBaselineRssMiB: baseline.rssMiB,
    invitationEmailsQueued: count,
    invitationsWrittenByWorker: invitations,
    machine: {
      ...machineDescription(),
      loadAtStart,
      loadAtEnd: loadAverage(),
      database: usedDatabaseUrl ? 'DATABASE_URL' : 'local server at 127.0.0.1:5432',
    },
    totalSeconds: round1(since(tStart) / 1000),
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const date = report.date.slice(0, 10);
  writeFileSync(path.join(RESULTS_DIR, `people-import-${date}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(RESULTS_DIR, `people-import-${date}.md`), `${markdown(report)}\n`);
  log(`wrote bench/results/people-import-${date}.{json,md}`);
  await cleanup();
  const over = phases.filter((p) => p.ms > TARGET_MS);
  if (over.length)
    log(`ABOVE TARGET (${TARGET_MS} ms): ${over.map((p) => `${p.name} ${p.ms} ms`).join(', ')}`);
}

function markdown(r) {
  const m = r.machine;
  return [
    `# People import: ${r.rows.toLocaleString('en')} rows (${r.fileMiB} MiB CSV)`,
    '',
    `${r.date.slice(0, 16).replace('T', ' ')} UTC, ${r.label}. ${m.cpuCount} × ${m.cpuModel}, ${m.totalMemoryGiB} GiB, ${m.os}, Node ${m.node}; ` +
      `PostgreSQL: ${m.database}. Load ${m.loadAtStart.join('/')} at start, ${m.loadAtEnd.join('/')} at end.`,
    '',
    `Each request is timed from the upload's first byte to the answer, through the real API (its own process, MAIL_FROM set, so every created person's invitation email is queued). Target: ≤ ${r.targetMs / 1000} s each, memory flat.`,
    '',
    renderTable(
      [
        'phase',
        'ms',
        'rows/s',
        'created',
        'updated',
        'invitations',
        'RSS before MiB',
        'peak MiB',
        'RSS after MiB',
      ],
      r.phases.map((p) => [
        p.name,
        p.ms,
        p.rowsPerSecond,
        p.summary.created,
        p.summary.updated,
        p.summary.invitations,
        p.rssBeforeMiB,
        p.peakRssMiB,
        p.rssAfterMiB,
      ]),
    ),
    '',
    `References in the same run: csv-parse alone over the same file ${r.references.csvParseAloneMs} ms (this process); ` +
      `PostgreSQL inserting ${r.rows.toLocaleString('en')} rows in one unnest() statement into a scratch table ${r.references.postgresUnnestInsertMs} ms; ` +
      `the same people INSERT … SELECT into a copy of app_user with all its indexes and its organisation and department keys ${r.references.postgresIndexedInsertMs} ms. ` +
      `API RSS after warm-up: ${r.apiBaselineRssMiB} MiB.`,
    '',
    `The new file's ${r.rows.toLocaleString('en')} invitations are queued as jobs by the apply; the worker (in the API process, as with \`npm start\`) had written every link and email ${r.invitationsWrittenByWorker.msAfterApplySent} ms after the apply was sent (${r.invitationsWrittenByWorker.msAfterApplyAnswered} ms after it answered).`,
  ].join('\n');
}

if (args.serve) {
  serve().catch((error) => {
    process.stderr.write(`[bench:api] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
} else {
  runBench(main, cleanup);
}
