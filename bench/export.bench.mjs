#!/usr/bin/env node
/**
 * Export benchmark: the officer's people list as CSV, 100,000 rows, through the real API.
 *
 *   node bench/export.bench.mjs [--people 50000] [--label TEXT] [--keep-db]
 *
 * 1. Creates a fresh database `countersign_bench_export` (dropped first WITH (FORCE), and at the
 *    end unless --keep-db) on DATABASE_URL's server or on postgres://postgres@127.0.0.1:5432.
 * 2. Boots the real API from apps/api/dist in a child process of its own (`--serve`), so that its
 *    memory (RSS, sampled every 20 ms from /proc, and the kernel's peak VmHWM reset per export) is
 *    the server's alone. One organisation (built-in modules installed through
 *    OrganisationsService.create), 10 departments, --people people (one in 50 with a comma and
 *    quotes in the name, one in 200 starting with `=`), each assigned the first two modules
 *    (2 × 50,000 = 100,000 rows), 55% completed with an attempt and a completion, 15% in
 *    progress, the rest not started, due dates spread over ±60 days. A second organisation gets
 *    10% of that, so the tenant filter has rows to exclude. Then VACUUM (ANALYZE).
 * 3. Times GET /api/progress/export.csv over HTTP as a browser download reads it (`fetch`, body
 *    read to the end): time to first byte and to last byte, bytes and rows, the median of 3
 *    downloads after one warm-up export of the whole list (reported as the cold run); for the
 *    whole list in the default sort (due date), by name, overdue by completion date, and one
 *    department (a tenth of it). Beside them, in the
 *    same run, the floor: PostgreSQL's own `COPY (<the export's SQL>) TO STDOUT WITH (FORMAT csv)`
 *    of the same rows, read by this process through pg-copy-streams. The SQL is taken from the
 *    built API (`listSql` / `rowsSql`), so it is the statement the export runs, not a copy.
 * 4. Checks the answers: the CSV has exactly as many rows as the list's `total` for the same
 *    query, and as many as the COPY.
 * 5. Writes bench/results/export-<date>.{json,md}.
 *
 * Target (issue #12): 100,000 rows in ≤ 5 s to the last byte, API memory flat (its peak during the
 * export does not grow with the number of rows). Needs the API built first:
 * `npx tsc -b apps/api/tsconfig.app.json`.
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  BENCH_DIR,
  benchDatabase,
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
const BENCH_DB = 'countersign_bench_export';
const OFFICER_EMAIL = 'officer@bench-export.example';
const OFFICER_PASSWORD = 'bench-officer-password-2026';
const TARGET_MS = 5_000;
/** Timed downloads per query (the table shows the median). */
const ROUNDS = 3;
const requireFromApi = createRequire(path.join(ROOT, 'apps/api/package.json'));

const KNOWN = ['people', 'label', 'keep-db', 'serve'];
const { values: args, tokens } = parseArgs({
  options: {
    people: { type: 'string', default: '50000' },
    label: { type: 'string' },
    'keep-db': { type: 'boolean', default: false },
    serve: { type: 'boolean', default: false },
  },
  strict: false,
  tokens: true,
});
const unknownOptions = tokens
  .filter((t) => t.kind === 'option' && !KNOWN.includes(t.name))
  .map((t) => t.name);
const PEOPLE = Number(args.people);
if (!Number.isInteger(PEOPLE) || PEOPLE < 100 || PEOPLE > 500_000) {
  process.stderr.write('--people must be a whole number from 100 to 500000\n');
  process.exit(2);
}

const { usedDatabaseUrl, benchUrl, withAdmin, dropBenchDatabase } = benchDatabase(BENCH_DB);

// ---------------------------------------------------------------------------------------------
// The API process (`--serve`)
// ---------------------------------------------------------------------------------------------

async function serve() {
  const load = (rel) => import(pathToFileURL(path.join(DIST, rel)).href);
  const [{ createApp, runMigrations }, { loadConfig }, { OrganisationsService }, { hashPassword }] =
    await Promise.all([
      load('app.factory.js'),
      load('config/config.js'),
      load('modules/organisations/organisations.service.js'),
      load('modules/auth/auth.service.js'),
    ]);
  const url = process.env.BENCH_DATABASE_URL;
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    DEMO_SEED: 'false',
    WEB_DIST: '',
    DATABASE_URL: url,
  });
  const app = await createApp(config, url);
  await runMigrations(app);
  await app.listen(0, '127.0.0.1');
  const organisations = app.get(OrganisationsService);
  const ours = await organisations.create('Bench Export', 'bench-export');
  const other = await organisations.create('Bench Other', 'bench-other');
  process.on('message', async (message) => {
    if (message.type === 'stop') {
      await app.close().catch(() => undefined);
      process.exit(0);
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send({
    type: 'ready',
    port: app.getHttpServer().address().port,
    organisations: [ours.id, other.id],
    officerHash: await hashPassword(OFFICER_PASSWORD),
  });
}

function startServer() {
  return new Promise((resolve, reject) => {
    const child = fork(BENCH_FILE, ['--serve'], {
      env: { ...process.env, BENCH_DATABASE_URL: benchUrl.toString() },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (m) => m.type === 'ready' && resolve({ child, ...m }));
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
// Data
// ---------------------------------------------------------------------------------------------

async function seed(db, organisationId, people, officerHash) {
  const t0 = performance.now();
  const moduleIds = (
    await db.query(
      `SELECT id FROM training_module WHERE organisation_id = $1 ORDER BY sort_order, slug LIMIT 2`,
      [organisationId],
    )
  ).rows.map((r) => r.id);
  await db.query(
    `INSERT INTO department (organisation_id, name)
     SELECT $1, 'Department ' || lpad(g::text, 2, '0') FROM generate_series(1, 10) g`,
    [organisationId],
  );
  await db.query('SELECT setseed(0.42)');
  await db.query(
    `WITH d AS (SELECT array_agg(id ORDER BY name) AS ids FROM department WHERE organisation_id = $1)
     INSERT INTO app_user (organisation_id, email, name, role, department_id, password_hash)
     SELECT $1,
            CASE WHEN g = 1 AND $4::text IS NOT NULL THEN $3 ELSE 'person' || g || '@' || $1 || '.example' END,
            CASE WHEN g = 1 AND $4::text IS NOT NULL THEN 'Bench Officer'
                 WHEN g % 200 = 0 THEN '=Formula ' || g
                 WHEN g % 50 = 0 THEN 'O''Neill, Pat "P" ' || g
                 ELSE 'Person ' || g END,
            (CASE WHEN g = 1 AND $4::text IS NOT NULL THEN 'officer' ELSE 'employee' END)::user_role,
            d.ids[1 + g % cardinality(d.ids)],
            CASE WHEN g = 1 THEN $4::text END
       FROM generate_series(1, $2::int) g, d`,
    [organisationId, people, OFFICER_EMAIL, officerHash],
  );
  await db.query('DROP TABLE IF EXISTS bench_plan');
  await db.query(
    `CREATE TEMP TABLE bench_plan AS
     SELECT gen_random_uuid() AS assignment_id, gen_random_uuid() AS attempt_id,
            u.organisation_id, u.id AS user_id, m.id AS module_id, v.id AS version_id,
            v.content->'scenario'->>'start' AS start_step, v.pass_mark,
            current_date + (floor(random() * 121)::int - 60) AS due_date,
            random() AS r, random() AS r2, now() AS t0
       FROM app_user u
       JOIN training_module m ON m.organisation_id = u.organisation_id AND m.id = ANY($2::uuid[])
       JOIN module_version v ON v.module_id = m.id AND v.status = 'published'
      WHERE u.organisation_id = $1`,
    [organisationId, moduleIds],
  );
  await db.query(
    `INSERT INTO assignment (id, organisation_id, user_id, module_id, due_date, source, created_at, status, completed_at)
     SELECT assignment_id, organisation_id, user_id, module_id, due_date, 'seed', t0 - interval '100 days',
            (CASE WHEN r < 0.55 THEN 'completed' WHEN r < 0.70 THEN 'in-progress' ELSE 'not-started' END)::assignment_status,
            CASE WHEN r < 0.55 THEN t0 - make_interval(days => (r2 * 90)::int) END
       FROM bench_plan`,
  );
  await db.query(
    `INSERT INTO attempt (id, organisation_id, assignment_id, user_id, module_version_id, status, current_step_id,
                          choices_made, scenario_outcome, quiz_round, last_score, progress_percent, started_at, finished_at)
     SELECT attempt_id, organisation_id, assignment_id, user_id, version_id,
            (CASE WHEN r < 0.55 THEN 'passed' ELSE 'in-progress' END)::attempt_status, start_step,
            CASE WHEN r < 0.55 THEN 4 ELSE 1 END, CASE WHEN r < 0.55 THEN 'safe' END,
            CASE WHEN r < 0.55 THEN 1 ELSE 0 END,
            CASE WHEN r < 0.55 THEN pass_mark + floor(r2 * (101 - pass_mark))::int END,
            CASE WHEN r < 0.55 THEN 100 ELSE 30 END,
            t0 - make_interval(days => (r2 * 90)::int, mins => 25),
            CASE WHEN r < 0.55 THEN t0 - make_interval(days => (r2 * 90)::int) END
       FROM bench_plan WHERE r < 0.70`,
  );
  await db.query(
    `INSERT INTO completion (organisation_id, assignment_id, user_id, module_id, module_version_id, attempt_id,
                             score, passed, completed_at)
     SELECT organisation_id, assignment_id, user_id, module_id, version_id, attempt_id,
            pass_mark + floor(r2 * (101 - pass_mark))::int, true, t0 - make_interval(days => (r2 * 90)::int)
       FROM bench_plan WHERE r < 0.55`,
  );
  return since(t0);
}

// ---------------------------------------------------------------------------------------------
// Measurements
// ---------------------------------------------------------------------------------------------

/** Downloads one export, sampling the API's RSS every 20 ms while it runs. */
async function timeExport(base, cookie, pid, query) {
  resetPeak(pid);
  const start = memoryOf(pid);
  const samples = [];
  const timer = setInterval(() => samples.push(memoryOf(pid).rssMiB), 20);
  const t0 = performance.now();
  const res = await fetch(`${base}/api/progress/export.csv?${query}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`export ${query} answered ${res.status}: ${await res.text()}`);
  let firstByteMs = null;
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body) {
    firstByteMs ??= since(t0);
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  const lastByteMs = since(t0);
  clearInterval(timer);
  const end = memoryOf(pid);
  return {
    query: query || '(none: the whole list, by due date)',
    rows: lines - 1, // the header; the bench's names hold no line breaks
    bytes,
    firstByteMs,
    lastByteMs,
    rssStartMiB: start.rssMiB,
    rssPeakSampledMiB: Math.max(start.rssMiB, ...samples),
    rssPeakKernelMiB: end.peakRssMiB,
    rssEndMiB: end.rssMiB,
    rssSamples: samples.length,
  };
}

/** PostgreSQL's own CSV of the same statement, read to the end: the floor of any export. */
async function timeCopy(db, sql, params) {
  const { to: copyTo } = requireFromApi('pg-copy-streams');
  // COPY takes no parameters: the values (an organisation id, a department id) are inlined as literals.
  const text = sql.replace(/\$(\d+)/g, (_m, n) => `'${String(params[Number(n) - 1]).replace(/'/g, "''")}'`);
  // The export's own sort memory (EXPORT_WORK_MEM in apps/api/src/database/read-snapshot.ts).
  await db.query(`SET work_mem = '64MB'`);
  const t0 = performance.now();
  const stream = db.query(copyTo(`COPY (${text}) TO STDOUT WITH (FORMAT csv)`));
  let bytes = 0;
  let lines = 0;
  for await (const chunk of stream) {
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return { lastByteMs: since(t0), bytes, rows: lines };
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
  const { listSql, rowsSql } = await import(
    pathToFileURL(path.join(DIST, 'modules/progress/progress.service.js')).href
  );

  await dropBenchDatabase();
  await withAdmin((c) => c.query(`CREATE DATABASE ${BENCH_DB}`));
  dropAtExit = true;
  server = await startServer();
  const base = `http://127.0.0.1:${server.port}`;
  const pid = server.child.pid;
  const [orgId, otherOrgId] = server.organisations;

  const pg = requireFromApi('pg');
  const db = new pg.Client({ connectionString: benchUrl.toString() });
  await db.connect();
  log(`seeding ${PEOPLE} people × 2 modules (+10% in a second organisation)`);
  const seedMs =
    (await seed(db, orgId, PEOPLE, server.officerHash)) +
    (await seed(db, otherOrgId, Math.round(PEOPLE / 10), null));
  const tVacuum = performance.now();
  await db.query('VACUUM (ANALYZE)');
  log(`seeded in ${seedMs} ms, VACUUM (ANALYZE) ${since(tVacuum)} ms`);
  const [department] = (
    await db.query(`SELECT id FROM department WHERE organisation_id = $1 ORDER BY name LIMIT 1`, [orgId])
  ).rows;

  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: OFFICER_EMAIL, password: OFFICER_PASSWORD }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

  // Warm-up: one whole export (JIT, the pool, the plan cache), timed and reported as the cold run.
  const cold = await timeExport(base, cookie, pid, '');
  log(`cold export (warm-up): ${cold.rows} rows, last byte ${cold.lastByteMs} ms`);
  const baseline = memoryOf(pid);

  const cases = [
    { query: '', filters: { sort: 'dueDate', leavers: 'hide' } },
    { query: 'sort=name', filters: { sort: 'name', leavers: 'hide' } },
    {
      query: 'status=overdue&sort=completedAt',
      filters: { sort: 'completedAt', leavers: 'hide', status: 'overdue' },
    },
    {
      query: `departmentId=${department.id}`,
      filters: { sort: 'dueDate', leavers: 'hide', departmentId: department.id },
    },
  ];
  const runs = [];
  const failures = [];
  for (const c of cases) {
    const samples = [];
    for (let i = 0; i < ROUNDS; i++) samples.push(await timeExport(base, cookie, pid, c.query));
    const list = listSql(orgId, c.filters);
    const copies = [];
    for (let i = 0; i < ROUNDS; i++)
      copies.push(await timeCopy(db, rowsSql(list, list.filters), list.params));
    const total = (
      await (await fetch(`${base}/api/progress?${c.query}&pageSize=1`, { headers: { cookie } })).json()
    ).total;
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const exported = {
      query: samples[0].query,
      rows: samples[0].rows,
      bytes: samples[0].bytes,
      firstByteMs: median(samples.map((x) => x.firstByteMs)),
      lastByteMs: median(samples.map((x) => x.lastByteMs)),
      lastByteMsEach: samples.map((x) => x.lastByteMs),
      rssStartMiB: samples[0].rssStartMiB,
      rssPeakSampledMiB: Math.max(...samples.map((x) => x.rssPeakSampledMiB)),
      rssPeakKernelMiB: Math.max(...samples.map((x) => x.rssPeakKernelMiB)),
      rssEndMiB: samples.at(-1).rssEndMiB,
      rssSamples: samples.reduce((n, x) => n + x.rssSamples, 0),
    };
    const copy = {
      rows: copies[0].rows,
      bytes: copies[0].bytes,
      lastByteMs: median(copies.map((x) => x.lastByteMs)),
    };
    for (const x of samples)
      if (x.rows !== total) failures.push(`${x.query}: ${x.rows} CSV rows, list total ${total}`);
    if (copy.rows !== total)
      failures.push(`${exported.query}: COPY gave ${copy.rows} rows, list total ${total}`);
    runs.push({ ...exported, listTotal: total, copy });
    log(
      `export ${exported.query}: ${exported.rows} rows, ${round1(exported.bytes / 2 ** 20)} MiB, first byte ${exported.firstByteMs} ms, last byte ${exported.lastByteMs} ms (median of ${exported.lastByteMsEach.join(', ')}); ` +
        `API RSS ${exported.rssStartMiB} → peak ${exported.rssPeakSampledMiB} (kernel ${exported.rssPeakKernelMiB}) → ${exported.rssEndMiB} MiB; COPY ${copy.lastByteMs} ms`,
    );
  }
  await db.end();

  const report = {
    benchmark: 'export',
    date: new Date().toISOString(),
    label,
    git,
    people: PEOPLE,
    targetMs: TARGET_MS,
    seedMs,
    rounds: ROUNDS,
    coldExport: { lastByteMs: cold.lastByteMs, firstByteMs: cold.firstByteMs, rows: cold.rows },
    apiBaselineRssMiB: baseline.rssMiB,
    runs,
    failures,
    machine: {
      ...machineDescription(),
      loadAtStart,
      loadAtEnd: loadAverage(),
      database: usedDatabaseUrl ? 'DATABASE_URL' : 'local server at 127.0.0.1:5432',
      postgres: await withAdmin(async (c) => (await c.query('SHOW server_version')).rows[0].server_version),
    },
    totalSeconds: round1(since(tStart) / 1000),
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const date = report.date.slice(0, 10);
  writeFileSync(path.join(RESULTS_DIR, `export-${date}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(RESULTS_DIR, `export-${date}.md`), `${markdown(report)}\n`);
  log(`wrote bench/results/export-${date}.{json,md}`);
  await cleanup();
  if (failures.length) throw new Error(`checks failed: ${failures.join('; ')}`);
  const over = runs.filter((r) => r.lastByteMs > TARGET_MS);
  if (over.length)
    log(`ABOVE TARGET (${TARGET_MS} ms): ${over.map((r) => `${r.query} ${r.lastByteMs} ms`).join(', ')}`);
}

function markdown(r) {
  const m = r.machine;
  return [
    `# Export: the people list as CSV, ${(r.people * 2).toLocaleString('en')} rows`,
    '',
    `${r.date.slice(0, 16).replace('T', ' ')} UTC, ${r.label}. ${m.cpuCount} × ${m.cpuModel}, ${m.totalMemoryGiB} GiB, ${m.os}, Node ${m.node}; ` +
      `PostgreSQL ${m.postgres}: ${m.database}. Load ${m.loadAtStart.join('/')} at start, ${m.loadAtEnd.join('/')} at end.`,
    '',
    `GET /api/progress/export.csv through the real API (its own process), read to the end by \`fetch\`. ` +
      `RSS is the API process's, sampled every 20 ms during the download (and the kernel's VmHWM peak, reset before each). ` +
      `Reference: \`COPY (<the same SQL>) TO STDOUT WITH (FORMAT csv)\` read through pg-copy-streams in the same run. Target: ≤ ${r.targetMs / 1000} s to the last byte for 100,000 rows, memory flat.`,
    '',
    renderTable(
      [
        'query',
        'rows',
        'MiB',
        'first byte ms',
        'last byte ms',
        'COPY ms',
        'RSS start MiB',
        'peak (sampled) MiB',
        'peak (kernel) MiB',
        'RSS end MiB',
      ],
      r.runs.map((x) => [
        x.query,
        x.rows,
        round1(x.bytes / 2 ** 20),
        x.firstByteMs,
        x.lastByteMs,
        x.copy.lastByteMs,
        x.rssStartMiB,
        x.rssPeakSampledMiB,
        x.rssPeakKernelMiB,
        x.rssEndMiB,
      ]),
    ),
    '',
    `Times are medians of ${r.rounds} downloads each (first byte and last byte; COPY likewise), after one untimed-for-the-table warm-up export of the whole list, which took ${r.coldExport.lastByteMs} ms to the last byte (the cold run: JIT, pool, plans). ` +
      `RSS start is before the first of the ${r.rounds}, peaks the highest over them, end after the last. API RSS after warm-up: ${r.apiBaselineRssMiB} MiB. Every export's row count equals the list's total for the same query and the COPY's row count${r.failures.length ? ` — EXCEPT: ${r.failures.join('; ')}` : ''}.`,
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
