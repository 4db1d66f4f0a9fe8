#!/usr/bin/env node
/**
 * Officer reports at the size of a large ministry (issue #12): 100,000 people × 30 modules with
 * three yearly cycles, about 9 million assignments.
 *
 *   node bench/reports-at-scale.bench.mjs [--people 100000] [--modules 30] [--cycles 3] [--requests 40] [--keep-db] [--reuse-db] [--label TEXT]
 *
 * --reuse-db measures again on the database a --keep-db run left (after migrating it, so a new
 * index is built on the kept data): the timings without the 20 minutes of generation. --label
 * names the results file (`reports-at-scale-<date>-<label>`).
 *
 * 1. Creates a fresh database `countersign_bench_scale` on DATABASE_URL's server (or the machine's
 *    PostgreSQL), boots the real API from apps/api/dist on a free port and runs its migrations.
 * 2. Generates the organisation with set-based SQL through the real schema, triggers included (the
 *    counters are kept by the triggers as the application's own writes keep them; the secondary
 *    indexes are dropped during the load and built again after it): people in 40
 *    departments, 30 modules, per person and module cycle 1 and 2 completed and superseded a year
 *    apart and cycle 3 current (55% completed, 15% in progress, 30% not started, due dates spread
 *    over the last and next months). Attempts and completions are not generated: the reports
 *    read them only for the 25 rows of a page.
 * 3. Folds the counters, records the trend's weeks (timed: the nightly job), VACUUM (ANALYZE).
 * 4. Signs in as the officer and times over HTTP: the overview, the trend (whole organisation and
 *    one department), and the first page of the people list for every filter and sort. Beside
 *    them, in the same run, the reference: the overview's figures recounted from the assignments
 *    (what the overview did before the counters), timed in SQL.
 * 5. Writes bench/results/reports-at-scale-<date>.{json,md} with the machine.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  benchDatabase,
  BENCH_DIR,
  gitState,
  loadAverage,
  log,
  machineDescription,
  percentile,
  renderTable,
  ROOT,
  round1,
  runBench,
  since,
} from './bench-kit.mjs';

const { values: args } = parseArgs({
  options: {
    people: { type: 'string', default: '100000' },
    'reuse-db': { type: 'boolean', default: false },
    label: { type: 'string' },
    modules: { type: 'string', default: '30' },
    cycles: { type: 'string', default: '3' },
    requests: { type: 'string', default: '40' },
    'keep-db': { type: 'boolean', default: false },
  },
  strict: true,
});
const PEOPLE = Number(args.people);
const MODULES = Number(args.modules);
const CYCLES = Number(args.cycles);
const REQUESTS = Number(args.requests);
const DEPARTMENTS = 40;
const WARMUP = 3;
const TARGET_P95_MS = 100;
const OFFICER_PASSWORD = 'bench-officer-password-2026';
const DIST = path.join(ROOT, 'apps/api/dist');
const { benchUrl, withAdmin, dropBenchDatabase } = benchDatabase('countersign_bench_scale');

let app;
let db;

async function cleanup() {
  await db?.end().catch(() => {});
  await app?.close().catch(() => {});
  if (!args['keep-db'] && !args['reuse-db']) await dropBenchDatabase().catch(() => {});
}

async function timed(db, label, sql, params) {
  const t0 = performance.now();
  const result = await db.query(sql, params);
  const ms = since(t0);
  log(`${label}: ${(ms / 1000).toFixed(1)} s`);
  return { ms, result };
}

async function generate(organisationId, officerHash) {
  const steps = {};
  steps.departments = (
    await timed(
      db,
      'departments',
      `INSERT INTO department (organisation_id, name)
       SELECT $1, 'Department ' || lpad(g::text, 2, '0') FROM generate_series(1, $2::int) g`,
      [organisationId, DEPARTMENTS],
    )
  ).ms;
  steps.people = (
    await timed(
      db,
      'people',
      `WITH d AS (SELECT array_agg(id ORDER BY name) AS ids FROM department WHERE organisation_id = $1)
       INSERT INTO app_user (organisation_id, email, name, role, department_id, password_hash, created_at)
       SELECT $1, CASE WHEN g = 1 THEN 'officer@bench-scale.example' ELSE 'person' || g || '@bench-scale.example' END,
              CASE WHEN g = 1 THEN 'Bench Officer' ELSE 'Person ' || lpad(g::text, 6, '0') END,
              (CASE WHEN g = 1 THEN 'officer' ELSE 'employee' END)::user_role,
              d.ids[1 + g % cardinality(d.ids)], CASE WHEN g = 1 THEN $3 END, now() - interval '4 years'
         FROM generate_series(1, $2::int) g, d`,
      [organisationId, PEOPLE, officerHash],
    )
  ).ms;
  // Modules beyond the built-in ones: copies with their own slugs (the reports read only the rows).
  await db.query(
    `INSERT INTO training_module (organisation_id, slug, title, summary, sort_order)
     SELECT $1, 'bench-module-' || g, 'Bench module ' || lpad(g::text, 2, '0'), 'Generated for the benchmark', 100 + g
       FROM generate_series(1, GREATEST(0, $2::int - (SELECT count(*)::int FROM training_module WHERE organisation_id = $1))) g`,
    [organisationId, MODULES],
  );
  const modules = (
    await db.query(
      `SELECT id FROM training_module WHERE organisation_id = $1 ORDER BY sort_order, slug LIMIT $2`,
      [organisationId, MODULES],
    )
  ).rows.map((r) => r.id);
  await db.query('SELECT setseed(0.42)');
  // A bulk load's usual practice: the secondary (non-unique) indexes are dropped for the load and
  // built again afterwards from their exact definitions; the unique ones and the triggers stay.
  const { rows: secondary } = await db.query(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i WHERE i.indrelid = 'assignment'::regclass AND NOT i.indisunique`,
  );
  for (const index of secondary) await db.query(`DROP INDEX ${index.name}`);
  let assignmentsMs = 0;
  // One statement per module and cycle (as the rule engine writes a rule's assignments). Cycle c
  // of CYCLES starts (CYCLES - c) years ago plus a per-person offset; earlier cycles are completed
  // and superseded when the next one opens.
  for (let c = 1; c <= CYCLES; c++) {
    for (const [i, moduleId] of modules.entries()) {
      const { ms } = await timed(
        db,
        `assignments cycle ${c} module ${i + 1}/${modules.length}`,
        `WITH p AS (
           SELECT u.id AS user_id, random() AS r, random() AS r2,
                  now() - make_interval(days => ($3::int - $4::int) * 365 + (abs(hashtext(u.id::text || $2::uuid::text)) % 150)) AS opened
             FROM app_user u WHERE u.organisation_id = $1
         )
         INSERT INTO assignment (organisation_id, user_id, module_id, due_date, source, created_at, status, completed_at, cycle, superseded_at)
         SELECT $1, p.user_id, $2::uuid, (p.opened + interval '30 days')::date, 'rule', p.opened,
                (CASE WHEN $4 < $3 OR p.r < 0.55 THEN 'completed' WHEN p.r < 0.70 THEN 'in-progress' ELSE 'not-started' END)::assignment_status,
                CASE WHEN $4 < $3 OR p.r < 0.55 THEN p.opened + make_interval(days => (p.r2 * 60)::int) END,
                $4, CASE WHEN $4 < $3 THEN p.opened + interval '365 days' END
           FROM p ORDER BY p.user_id`,
        [organisationId, moduleId, CYCLES, c],
      );
      assignmentsMs += ms;
    }
  }
  steps.assignments = assignmentsMs;
  const tIndexes = performance.now();
  for (const index of secondary) await db.query(index.definition);
  steps.secondaryIndexes = since(tIndexes);
  log(`${secondary.length} secondary indexes built again in ${(steps.secondaryIndexes / 1000).toFixed(1)} s`);
  return { steps, modules };
}

async function timeEndpoint(baseUrl, cookie, name, urlPath) {
  const samples = [];
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const t0 = performance.now();
    const response = await fetch(`${baseUrl}${urlPath}`, { headers: { cookie } });
    const body = await response.text();
    const ms = performance.now() - t0;
    if (!response.ok) throw new Error(`${name}: ${response.status} ${body.slice(0, 200)}`);
    if (i >= WARMUP) samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  return {
    name,
    path: urlPath,
    p50: round1(percentile(samples, 50)),
    p95: round1(percentile(samples, 95)),
    max: round1(samples.at(-1)),
  };
}

async function main() {
  const load = (rel) => import(pathToFileURL(path.join(DIST, rel)).href);
  const [
    { createApp, runMigrations },
    { loadConfig },
    { OrganisationsService },
    { hashPassword },
    counters,
    trends,
  ] = await Promise.all([
    load('app.factory.js'),
    load('config/config.js'),
    load('modules/organisations/organisations.service.js'),
    load('modules/auth/auth.service.js'),
    load('modules/progress/progress-counters.service.js'),
    load('modules/progress/progress-trends.service.js'),
  ]);
  const loadAtStart = loadAverage();
  log(`people=${PEOPLE} modules=${MODULES} cycles=${CYCLES} → ${PEOPLE * MODULES * CYCLES} assignments`);
  const reuse = args['reuse-db'];
  if (!reuse) {
    await dropBenchDatabase();
    await withAdmin((c) => c.query(`CREATE DATABASE countersign_bench_scale`));
  }
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'false',
    WEB_DIST: '',
    RUN_WORKER: 'false',
    DATABASE_URL: benchUrl.toString(),
  });
  app = await createApp(config, benchUrl.toString());
  await runMigrations(app);
  await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${app.getHttpServer().address().port}`;

  db = new pg.Client({ connectionString: benchUrl.toString(), application_name: 'countersign-bench' });
  await db.connect();
  await db.query(`SET statement_timeout = 0`);
  let org;
  let steps = null;
  let generationMs = null;
  let folded = null;
  let foldMs = null;
  let trendsMs = null;
  if (reuse) {
    ({
      rows: [org],
    } = await db.query(`SELECT id FROM organisation WHERE slug = 'bench-ministry'`));
    if (!org) throw new Error('--reuse-db: no kept database from a --keep-db run');
    log('reusing the kept database');
  } else {
    org = await app.get(OrganisationsService).create('Bench Ministry', 'bench-ministry');
    const tGen = performance.now();
    ({ steps } = await generate(org.id, await hashPassword(OFFICER_PASSWORD)));
    generationMs = since(tGen);
    const tFold = performance.now();
    folded = await app.get(counters.ProgressCounters).fold();
    foldMs = since(tFold);
    log(`fold: ${folded} delta rows in ${foldMs} ms`);
    const tTrends = performance.now();
    const weeks = await app.get(trends.ProgressTrends).computeWeeks(org.id);
    trendsMs = since(tTrends);
    log(`trend weeks recorded: ${weeks} in ${(trendsMs / 1000).toFixed(1)} s`);
  }
  const tVacuum = performance.now();
  await db.query('VACUUM (ANALYZE)');
  const vacuumMs = since(tVacuum);
  const {
    rows: [sizes],
  } = await db.query(
    `SELECT (SELECT count(*)::int FROM assignment) AS assignments,
            (SELECT count(*)::int FROM assignment WHERE superseded_at IS NULL) AS current,
            (SELECT count(*)::int FROM progress_count) AS counter_rows,
            (SELECT count(*)::int FROM progress_trend_week) AS trend_rows,
            pg_size_pretty(pg_total_relation_size('assignment')) AS assignment_size`,
  );
  log(`data: ${JSON.stringify(sizes)}`);

  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'officer@bench-scale.example', password: OFFICER_PASSWORD }),
  });
  if (!login.ok) throw new Error(`login answered ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const {
    rows: [fixture],
  } = await db.query(
    `SELECT (SELECT id FROM department WHERE organisation_id = $1 ORDER BY name LIMIT 1) AS department_id,
            (SELECT id FROM training_module WHERE organisation_id = $1 ORDER BY sort_order DESC LIMIT 1) AS module_id`,
    [org.id],
  );
  const endpoints = [
    ['overview', '/api/progress/overview'],
    ['trend, whole organisation', '/api/progress/trends'],
    ['trend, one department', `/api/progress/trends?departmentId=${fixture.department_id}`],
    ['list, first page (due date)', '/api/progress'],
    ['list, overdue', '/api/progress?status=overdue'],
    ['list, completed', '/api/progress?status=completed'],
    ['list, not started', '/api/progress?status=not-started'],
    ['list, one department', `/api/progress?departmentId=${fixture.department_id}`],
    ['list, one module', `/api/progress?moduleId=${fixture.module_id}`],
    [
      'list, department + module + overdue',
      `/api/progress?departmentId=${fixture.department_id}&moduleId=${fixture.module_id}&status=overdue`,
    ],
    ['list, by name', '/api/progress?sort=name'],
    ['list, by completion', '/api/progress?sort=completedAt'],
    ['list, leavers shown', '/api/progress?leavers=show'],
    ['list, name search', '/api/progress?q=Person%200421'],
  ];
  const results = [];
  for (const [name, urlPath] of endpoints) {
    const result = await timeEndpoint(baseUrl, cookie, name, urlPath);
    log(`${name}: p50 ${result.p50} ms, p95 ${result.p95} ms`);
    results.push(result);
  }

  // The reference, in the same run: the overview's figures recounted from the assignments.
  const reference = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await db.query(
      `SELECT u.department_id, a.module_id, count(*), count(*) FILTER (WHERE a.status = 'completed'),
              count(*) FILTER (WHERE a.status <> 'completed' AND a.due_date < current_date)
         FROM assignment a JOIN app_user u ON u.id = a.user_id AND u.active
        WHERE a.organisation_id = $1 AND a.superseded_at IS NULL
        GROUP BY GROUPING SETS ((), (u.department_id), (a.module_id))`,
      [org.id],
    );
    reference.push(performance.now() - t0);
  }
  reference.sort((a, b) => a - b);

  const report = {
    date: new Date().toISOString(),
    git: gitState(),
    machine: { ...machineDescription(), loadAtStart, loadAtEnd: loadAverage() },
    parameters: { people: PEOPLE, modules: MODULES, cycles: CYCLES, requests: REQUESTS, warmup: WARMUP },
    data: sizes,
    generation: reuse
      ? { reused: true, vacuumMs }
      : { totalMs: generationMs, steps, foldMs, foldedDeltaRows: folded, trendWeeksMs: trendsMs, vacuumMs },
    label: args.label ?? null,
    results,
    reference: {
      name: 'overview recounted from the assignments (before the counters)',
      p50: round1(percentile(reference, 50)),
      max: round1(reference.at(-1)),
    },
    targetP95Ms: TARGET_P95_MS,
  };
  const day = report.date.slice(0, 10) + (args.label ? `-${args.label}` : '');
  const dir = path.join(BENCH_DIR, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `reports-at-scale-${day}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const md = [
    `# Reports at scale, ${day}`,
    '',
    `${sizes.assignments.toLocaleString('en')} assignments (${sizes.current.toLocaleString('en')} current) for ${PEOPLE.toLocaleString('en')} people × ${MODULES} modules × ${CYCLES} cycles; ` +
      `${sizes.counter_rows} counter rows; assignment table ${sizes.assignment_size}. Commit ${report.git.commit}${report.git.dirty ? ' (with uncommitted changes)' : ''}.`,
    '',
    `Machine: ${report.machine.cpuModel}, ${report.machine.cpuCount} cores, ${report.machine.totalMemoryGiB} GiB, ${report.machine.os}, Node ${report.machine.node}; load ${loadAtStart.join(' / ')} at start.`,
    '',
    `Target: p95 ≤ ${TARGET_P95_MS} ms. ${REQUESTS} requests per endpoint after ${WARMUP} warm-up requests, one at a time, over HTTP.`,
    '',
    renderTable(
      ['endpoint', 'p50 ms', 'p95 ms', 'max ms', 'target'],
      results.map((r) => [r.name, r.p50, r.p95, r.max, r.p95 <= TARGET_P95_MS ? 'met' : 'MISSED']),
    ),
    '',
    `Reference in the same run: ${report.reference.name}: p50 ${report.reference.p50} ms (SQL only, 5 runs).`,
    '',
    reuse
      ? `Measured on the database a --keep-db run left (--reuse-db), migrated first; VACUUM (ANALYZE) ${(vacuumMs / 1000).toFixed(0)} s.`
      : `Generation ${(generationMs / 1000).toFixed(0)} s (assignments ${(steps.assignments / 1000).toFixed(0)} s, through the counter triggers); ` +
        `fold of ${folded} delta rows ${foldMs} ms; recording 52 trend weeks from the records ${(trendsMs / 1000).toFixed(1)} s; VACUUM (ANALYZE) ${(vacuumMs / 1000).toFixed(0)} s.`,
    '',
  ].join('\n');
  writeFileSync(path.join(dir, `reports-at-scale-${day}.md`), md);
  log(`wrote bench/results/reports-at-scale-${day}.{json,md}`);
  await cleanup();
}

runBench(main, cleanup);
