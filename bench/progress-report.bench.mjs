#!/usr/bin/env node
/**
 * Officer-report benchmark (PRODUCT.md §3.7: "reports that stay fast for an organisation of
 * 100,000 people").
 *
 *   node bench/progress-report.bench.mjs [--people 100000] [--requests 30] [--max-seconds 15] [--modules 2] [--keep-db]
 *
 * 1. Creates a fresh database `countersign_bench` (dropped first WITH (FORCE), dropped again at the
 *    end unless --keep-db) on DATABASE_URL's server, or on postgres://postgres@127.0.0.1:5432.
 * 2. Boots the real API from apps/api/dist (createApp + runMigrations) on a free 127.0.0.1 port.
 * 3. Generates an organisation of N people with set-based SQL, plus a second organisation with
 *    10% of that data so that every tenant filter has something to filter out.
 * 4. Signs in as the officer and times the reporting endpoints over HTTP.
 * 5. Captures EXPLAIN (ANALYZE, BUFFERS) for the report SQL and writes bench/results/.
 *
 * Needs the API built first: `npx tsc -b apps/api/tsconfig.app.json`. See bench/README.md.
 */
import 'reflect-metadata';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH_DIR, '..');
const DIST = path.join(ROOT, 'apps/api/dist');
const RESULTS_DIR = path.join(BENCH_DIR, 'results');
const SERVICE_SOURCE = path.join(ROOT, 'apps/api/src/modules/progress/progress.service.ts');
const BENCH_DB = 'countersign_bench';
const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432';
const OFFICER_PASSWORD = 'bench-officer-password-2026';
const WARMUP = 3;
const SLOW_P95_MS = 500;

// ---------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------

const { values: args } = parseArgs({
  options: {
    people: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '30' },
    'max-seconds': { type: 'string', default: '15' },
    modules: { type: 'string', default: '2' },
    'keep-db': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
if (args.help) {
  process.stdout.write(
    'Usage: node bench/progress-report.bench.mjs [--people N (default 100000)] [--requests N (default 30)]\n' +
      '         [--max-seconds S (default 15; per endpoint, stop early once S seconds of measured requests have run, at least 5)]\n' +
      '         [--modules N (default 2; everyone is assigned the first N modules of the built-in track)]\n' +
      '         [--keep-db (leave countersign_bench in place for EXPLAIN experiments)]\n',
  );
  process.exit(0);
}
const PEOPLE = positiveInt('people', args.people, 10);
const REQUESTS = positiveInt('requests', args.requests, 1);
/** A slow endpoint must not blow the run's time: after this many seconds of measured requests, stop (keeping >= MIN_SAMPLES). */
const MAX_SECONDS = positiveInt('max-seconds', args['max-seconds'], 1);
const MIN_SAMPLES = Math.min(5, REQUESTS);
/** Fixed, so that data volume stays comparable as the built-in curriculum grows. */
const MODULES = positiveInt('modules', args.modules, 1);
const OTHER_PEOPLE = Math.max(10, Math.round(PEOPLE / 10));
const DEPARTMENTS = 40;
const OTHER_DEPARTMENTS = 4;

function positiveInt(name, raw, min) {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`--${name} must be an integer >= ${min} (got ${JSON.stringify(raw)})\n`);
    process.exit(2);
  }
  return n;
}

const log = (message) => process.stdout.write(`[bench] ${message}\n`);
const since = (t0) => Math.round(performance.now() - t0);

// ---------------------------------------------------------------------------------------------
// The report SQL, COPIED from apps/api/src/modules/progress/progress.service.ts so that it can be
// EXPLAINed directly. Keep it in sync: the bench compares these fragments with the source at run
// time and flags `sqlMatchesSource: false` (and warns) when they have drifted.
// ---------------------------------------------------------------------------------------------

/** Copied from progress.service.ts (STATUS_CTE). */
const STATUS_CTE = `
  status AS (
    SELECT a.id AS assignment_id, a.user_id, a.module_id, a.due_date, u.department_id,
           c.completed_at, c.score, v.version AS completed_version,
           CASE WHEN c.id IS NOT NULL THEN 'completed'
                WHEN EXISTS (SELECT 1 FROM attempt t WHERE t.assignment_id = a.id) THEN 'in-progress'
                ELSE 'not-started' END AS status,
           (c.id IS NULL AND a.due_date < current_date) AS overdue
      FROM assignment a
      JOIN app_user u ON u.id = a.user_id AND u.organisation_id = a.organisation_id AND u.active
      LEFT JOIN completion c ON c.assignment_id = a.id
      LEFT JOIN module_version v ON v.id = c.module_version_id
     WHERE a.organisation_id = $1
  )`;

/** Copied from progress.service.ts (ROW_COLUMNS). */
const ROW_COLUMNS = `
  s.assignment_id, s.status, s.overdue, to_char(s.due_date, 'YYYY-MM-DD') AS due_date, s.completed_at, s.score,
  s.completed_version, u.id AS user_id, u.name AS user_name, u.email AS user_email,
  d.id AS dept_id, d.name AS dept_name, m.id AS module_id, m.title AS module_title`;

/** Copied from progress.service.ts (SORTS). */
const SORTS = {
  dueDate: 's.due_date, u.name, m.title',
  name: 'u.name, m.title',
  completedAt: 's.completed_at DESC NULLS LAST, u.name',
};

/** Copied from ProgressService.overview() (the first, aggregate query). */
const OVERVIEW_BODY = `
       SELECT CASE WHEN GROUPING(department_id) = 0 THEN 'department'
                   WHEN GROUPING(module_id) = 0 THEN 'module' ELSE 'all' END AS by,
              department_id, module_id,
              count(*)::int AS assigned,
              count(*) FILTER (WHERE status = 'completed')::int AS completed,
              count(*) FILTER (WHERE status = 'in-progress')::int AS in_progress,
              count(*) FILTER (WHERE status = 'not-started')::int AS not_started,
              count(*) FILTER (WHERE overdue)::int AS overdue
         FROM status
        GROUP BY GROUPING SETS ((), (department_id), (module_id))`;
const OVERVIEW_SQL = `WITH ${STATUS_CTE}${OVERVIEW_BODY}`;

/** Copied from ProgressService.list() (FROM … JOIN part of the page query). */
const LIST_FROM = `
         FROM status s
         JOIN app_user u ON u.id = s.user_id
         JOIN training_module m ON m.id = s.module_id
         LEFT JOIN department d ON d.id = s.department_id`;

/** Rebuilds the page query exactly as ProgressService.list() does for `query`. */
function listSql(organisationId, query) {
  const q = { sort: 'dueDate', page: 1, pageSize: 25, ...query };
  const params = [organisationId];
  const where = [];
  const add = (sql, value) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (q.status === 'overdue') where.push('s.overdue');
  else if (q.status) add((p) => `s.status = ${p}`, q.status);
  if (q.departmentId) add((p) => `s.department_id = ${p}`, q.departmentId);
  if (q.moduleId) add((p) => `s.module_id = ${p}`, q.moduleId);
  if (q.q) add((p) => `(u.name ILIKE ${p} OR u.email ILIKE ${p})`, `%${escapeLike(q.q)}%`);
  const sql = `WITH ${STATUS_CTE}
       SELECT ${ROW_COLUMNS}, count(*) OVER ()::int AS total${LIST_FROM}
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${SORTS[q.sort]}, s.assignment_id
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`;
  return { sql, params };
}

/** Copied from users/directory.service.ts (escapeLike). */
function escapeLike(s) {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Copied from ProgressService.person() (the assignments query). */
const PERSON_ASSIGNMENTS_BODY = `
       SELECT ${ROW_COLUMNS}
         FROM status s JOIN app_user u ON u.id = s.user_id JOIN training_module m ON m.id = s.module_id
         LEFT JOIN department d ON d.id = s.department_id
        WHERE s.user_id = $2 ORDER BY s.due_date, m.title`;

/** Checks that the copies above still appear, whitespace-insensitively, in the service source. */
function checkSqlCopies() {
  if (!existsSync(SERVICE_SOURCE)) return { matches: null, drifted: ['progress.service.ts not found'] };
  const norm = (s) => s.replace(/\s+/g, ' ').trim();
  const source = norm(readFileSync(SERVICE_SOURCE, 'utf8'));
  const fragments = {
    STATUS_CTE,
    ROW_COLUMNS,
    'SORTS.dueDate': SORTS.dueDate,
    'overview query': OVERVIEW_BODY,
    'list FROM/JOIN': LIST_FROM,
    'list ORDER/LIMIT': 'ORDER BY ${SORTS[query.sort]}, s.assignment_id LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}',
    'list window total': 'count(*) OVER ()::int AS total',
    'person assignments': PERSON_ASSIGNMENTS_BODY.replace(ROW_COLUMNS, '${ROW_COLUMNS}'),
  };
  const drifted = Object.entries(fragments)
    .filter(([, text]) => !source.includes(norm(text)))
    .map(([name]) => name);
  return { matches: drifted.length === 0, drifted };
}

// ---------------------------------------------------------------------------------------------
// Database targets
// ---------------------------------------------------------------------------------------------

const usedDatabaseUrl = Boolean(process.env.DATABASE_URL);
const serverUrl = new URL(process.env.DATABASE_URL || DEFAULT_SERVER);
const adminUrl = new URL(serverUrl);
if (!adminUrl.pathname || adminUrl.pathname === '/') adminUrl.pathname = '/postgres';
const benchUrl = new URL(serverUrl);
benchUrl.pathname = `/${BENCH_DB}`;

async function withAdmin(work) {
  const client = new pg.Client({ connectionString: adminUrl.toString(), application_name: 'countersign-bench' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const dropBenchDatabase = () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`));

// ---------------------------------------------------------------------------------------------
// Data generation (set-based)
// ---------------------------------------------------------------------------------------------

const FIRST_NAMES = [
  'Aaron', 'Abigail', 'Adam', 'Aisha', 'Alan', 'Alice', 'Amir', 'Amy', 'Andrew', 'Anna', 'Ben', 'Bethany',
  'Caroline', 'Charles', 'Chloe', 'Daniel', 'David', 'Deborah', 'Eleanor', 'Emily', 'Farah', 'Fiona', 'George',
  'Grace', 'Hannah', 'Harry', 'Helen', 'Ian', 'Imogen', 'Isaac', 'Jack', 'James', 'Jasmine', 'Joanna', 'John',
  'Julia', 'Karen', 'Kieran', 'Laura', 'Liam', 'Lucy', 'Mark', 'Mary', 'Matthew', 'Mei', 'Michael', 'Naomi',
  'Nathan', 'Nia', 'Oliver', 'Olivia', 'Patrick', 'Priya', 'Rachel', 'Rhys', 'Robert', 'Ruth', 'Sam', 'Sarah',
  'Sofia', 'Stephen', 'Tariq', 'Thomas', 'Victoria', 'William', 'Yusuf', 'Zara',
];
/** 100 surnames; only "Ashworth" contains the fragment "ashw" used for the q= search (~1% of people). */
const SURNAMES = [
  'Abbott', 'Adams', 'Ahmed', 'Ali', 'Allen', 'Anderson', 'Ashworth', 'Bailey', 'Baker', 'Barker', 'Bell',
  'Bennett', 'Brown', 'Butler', 'Campbell', 'Carter', 'Chapman', 'Chen', 'Clarke', 'Collins', 'Cook', 'Cooper',
  'Cox', 'Davies', 'Dixon', 'Edwards', 'Ellis', 'Evans', 'Fisher', 'Fletcher', 'Foster', 'Gibson', 'Graham',
  'Gray', 'Green', 'Griffiths', 'Hall', 'Harris', 'Harrison', 'Hill', 'Holmes', 'Hughes', 'Hunt', 'Hussain',
  'Jackson', 'James', 'Jenkins', 'Johnson', 'Jones', 'Kaur', 'Kelly', 'Khan', 'King', 'Knight', 'Lee', 'Lewis',
  'Lloyd', 'Marshall', 'Martin', 'Mason', 'Mills', 'Mitchell', 'Moore', 'Morgan', 'Morris', 'Murphy', 'Murray',
  'Nguyen', 'Owen', 'Palmer', 'Parker', 'Patel', 'Pearson', 'Phillips', 'Powell', 'Price', 'Reid', 'Richards',
  'Roberts', 'Robinson', 'Rogers', 'Russell', 'Scott', 'Shaw', 'Simpson', 'Singh', 'Smith', 'Stevens',
  'Stewart', 'Taylor', 'Thomas', 'Thompson', 'Turner', 'Walker', 'Ward', 'Watson', 'White', 'Williams',
  'Wilson', 'Wood',
];
const Q_FRAGMENT = 'ashw';

/**
 * Fills one organisation: departments, people (person 1 is the officer), the first MODULES built-in
 * modules assigned to everyone (due ±60 days), ~55% completed, ~15% in progress, the rest not started.
 */
async function seedOrganisation(db, { organisationId, domain, people, departments, officerHash, seed, moduleSlugs }) {
  const steps = {};
  const step = async (name, sql, params) => {
    const t0 = performance.now();
    const result = await db.query(sql, params);
    steps[name] = since(t0);
    return result;
  };

  await step(
    'departments',
    `INSERT INTO department (organisation_id, name)
     SELECT $1, 'Department ' || lpad(g::text, 2, '0') FROM generate_series(1, $2::int) g`,
    [organisationId, departments],
  );

  await step(
    'people',
    `WITH d AS (SELECT array_agg(id ORDER BY name) AS ids FROM department WHERE organisation_id = $1),
          n AS (SELECT g, ($4::text[])[1 + g % cardinality($4::text[])] AS first,
                          ($5::text[])[1 + (g / cardinality($4::text[]) + g * 7) % cardinality($5::text[])] AS last
                  FROM generate_series(1, $3::int) g)
     INSERT INTO app_user (organisation_id, email, name, role, department_id, sensitivity_tier, password_hash, created_at)
     SELECT $1,
            CASE WHEN g = 1 THEN 'officer@' || $2 ELSE lower(first || '.' || last || '.' || g) || '@' || $2 END,
            CASE WHEN g = 1 THEN 'Bench Officer' ELSE first || ' ' || last END,
            (CASE WHEN g = 1 THEN 'officer' ELSE 'employee' END)::user_role,
            d.ids[1 + g % cardinality(d.ids)],
            (CASE WHEN g % 20 = 0 THEN 'high' WHEN g % 5 = 0 THEN 'elevated' ELSE 'standard' END)::sensitivity_tier,
            CASE WHEN g = 1 THEN $6 END,
            now() - interval '200 days'
       FROM n, d`,
    [organisationId, domain, people, FIRST_NAMES, SURNAMES, officerHash],
  );

  // One planned row per (person, built-in module); `r` decides the state, `r2` the details.
  await db.query('DROP TABLE IF EXISTS bench_plan');
  await db.query('SELECT setseed($1)', [seed]);
  await step(
    'plan',
    `CREATE TEMP TABLE bench_plan AS
     SELECT gen_random_uuid() AS assignment_id, gen_random_uuid() AS attempt_id,
            u.organisation_id, u.id AS user_id, m.id AS module_id, v.id AS version_id,
            v.content->'scenario'->>'start' AS start_step, v.pass_mark,
            current_date + (floor(random() * 121)::int - 60) AS due_date,
            random() AS r, random() AS r2
       FROM app_user u
       JOIN training_module m ON m.organisation_id = u.organisation_id AND m.built_in AND m.slug = ANY($2::text[])
       JOIN module_version v ON v.module_id = m.id AND v.status = 'published'
      WHERE u.organisation_id = $1
      ORDER BY u.created_at, u.id, m.slug`,
    [organisationId, moduleSlugs],
  );

  await step(
    'assignments',
    `INSERT INTO assignment (id, organisation_id, user_id, module_id, due_date, source, created_at)
     SELECT assignment_id, organisation_id, user_id, module_id, due_date, 'seed', now() - interval '100 days'
       FROM bench_plan`,
  );

  // Completed (r < 0.55): a passed attempt at the start step, outcome safe. In progress (r < 0.70).
  await step(
    'attempts',
    `INSERT INTO attempt (id, organisation_id, assignment_id, user_id, module_version_id, status, current_step_id,
                          choices_made, scenario_outcome, quiz_round, last_score, progress_percent, started_at, finished_at)
     SELECT attempt_id, organisation_id, assignment_id, user_id, version_id,
            (CASE WHEN r < 0.55 THEN 'passed' ELSE 'in-progress' END)::attempt_status,
            start_step,
            CASE WHEN r < 0.55 THEN 4 ELSE (r2 * 3)::int END,
            CASE WHEN r < 0.55 THEN 'safe' END,
            CASE WHEN r < 0.55 THEN 1 ELSE 0 END,
            CASE WHEN r < 0.55 THEN pass_mark + floor(r2 * (101 - pass_mark))::int END,
            CASE WHEN r < 0.55 THEN 100 ELSE (r2 * 90)::int END,
            now() - make_interval(days => (r2 * 90)::int, mins => 25),
            CASE WHEN r < 0.55 THEN now() - make_interval(days => (r2 * 90)::int) END
       FROM bench_plan WHERE r < 0.70`,
  );

  await step(
    'completions',
    `INSERT INTO completion (organisation_id, assignment_id, user_id, module_id, module_version_id, attempt_id,
                             score, passed, completed_at)
     SELECT organisation_id, assignment_id, user_id, module_id, version_id, attempt_id,
            pass_mark + floor(r2 * (101 - pass_mark))::int, true, now() - make_interval(days => (r2 * 90)::int)
       FROM bench_plan WHERE r < 0.55`,
  );

  const {
    rows: [counts],
  } = await db.query(
    `SELECT count(*)::int AS assignments, count(*) FILTER (WHERE r < 0.55)::int AS completed,
            count(*) FILTER (WHERE r >= 0.55 AND r < 0.70)::int AS in_progress,
            count(*) FILTER (WHERE r >= 0.70)::int AS not_started,
            count(*) FILTER (WHERE r >= 0.55 AND due_date < current_date)::int AS overdue
       FROM bench_plan`,
  );
  await db.query('DROP TABLE bench_plan');
  return { steps, counts };
}

// ---------------------------------------------------------------------------------------------
// HTTP timing
// ---------------------------------------------------------------------------------------------

function percentile(sorted, p) {
  // Nearest-rank: the smallest sample with at least p% of the samples at or below it.
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round1 = (n) => Math.round(n * 10) / 10;

async function timeEndpoint(baseUrl, cookie, { name, path: urlPath }) {
  let first;
  const samples = [];
  let measuredMs = 0;
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    if (samples.length >= MIN_SAMPLES && measuredMs > MAX_SECONDS * 1000) break;
    const t0 = performance.now();
    const res = await fetch(baseUrl + urlPath, { headers: { cookie, accept: 'application/json' } });
    const body = await res.text();
    const ms = performance.now() - t0;
    if (!res.ok) throw new Error(`${name}: GET ${urlPath} answered ${res.status}: ${body.slice(0, 300)}`);
    if (i === 0) first = { bytes: Buffer.byteLength(body), json: JSON.parse(body) };
    if (i >= WARMUP) {
      samples.push(ms);
      measuredMs += ms;
    }
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const json = first.json;
  return {
    name,
    path: urlPath,
    requests: samples.length,
    cappedByTime: samples.length < REQUESTS,
    minMs: round1(sorted[0]),
    p50Ms: round1(percentile(sorted, 50)),
    p95Ms: round1(percentile(sorted, 95)),
    maxMs: round1(sorted[sorted.length - 1]),
    meanMs: round1(samples.reduce((a, b) => a + b, 0) / samples.length),
    responseBytes: first.bytes,
    // What the answer contained, to show the query did real work.
    returned: Array.isArray(json.items)
      ? { items: json.items.length, total: json.total }
      : json.totals
        ? { assigned: json.totals.assigned, departments: json.departments.length, modules: json.modules.length }
        : { assignments: json.assignments?.length, attempts: json.attempts?.length },
  };
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

function table(run) {
  const head = ['Endpoint', 'Matched', 'Rows', 'n', 'min', 'p50', 'p95', 'max', 'SQL (EXPLAIN)'];
  const rows = run.endpoints.map((e) => [
    `${e.name}${e.p95Ms > SLOW_P95_MS ? ' (SLOW)' : ''}`,
    e.returned.total ?? e.returned.assigned ?? e.returned.assignments ?? '',
    e.returned.items ?? (e.returned.departments !== undefined ? `${e.returned.departments} depts` : e.returned.assignments),
    e.requests,
    e.minMs.toFixed(1),
    e.p50Ms.toFixed(1),
    e.p95Ms.toFixed(1),
    e.maxMs.toFixed(1),
    e.explainMs == null ? '' : e.explainMs.toFixed(1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => (i < 1 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i < 1 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

function markdown(report) {
  const out = [`# Officer progress reports — ${report.date}`, ''];
  const m = report.machine;
  out.push(
    `Machine: ${m.cpuCount} × ${m.cpuModel}, ${m.totalMemoryGiB} GiB RAM, ${m.os}, Node ${m.node}; ${m.postgres}` +
      ` (${m.usedDatabaseUrl ? 'DATABASE_URL' : 'local server at 127.0.0.1:5432'}).`,
    '',
    `Latency is wall-clock over HTTP on 127.0.0.1 in milliseconds, after ${WARMUP} warm-up requests; requests are ` +
      `sequential; n is the number measured (fewer than --requests when the per-endpoint time budget ran out). ` +
      `"Matched" is the report's total (rows matching the filter; assignments for the overview and the person), ` +
      `"Rows" what the response carried. "SQL (EXPLAIN)" is the execution time of the endpoint's main query under ` +
      `EXPLAIN (ANALYZE, BUFFERS), run once after the HTTP measurements. SLOW: p95 > ${SLOW_P95_MS} ms.`,
    '',
  );
  for (const run of report.runs) {
    const p = run.parameters;
    out.push(
      `## ${p.people.toLocaleString('en-GB')} people × ${p.modulesPerPerson} modules (${p.requests} requests per endpoint)`,
      '',
      `Data: ${run.data.organisation.assignments.toLocaleString('en-GB')} assignments in the measured organisation ` +
        `(${run.data.organisation.completed.toLocaleString('en-GB')} completed, ` +
        `${run.data.organisation.in_progress.toLocaleString('en-GB')} in progress, ` +
        `${run.data.organisation.overdue.toLocaleString('en-GB')} overdue) plus ` +
        `${run.data.otherOrganisation.assignments.toLocaleString('en-GB')} in a second organisation; ` +
        `generated in ${(run.timings.generationMs / 1000).toFixed(1)} s, whole run ${(run.timings.totalMs / 1000).toFixed(1)} s. ` +
        `Load average (1 min) at start ${run.loadAverage.start[0]}, before the HTTP phase ${run.loadAverage.beforeHttp[0]}, ` +
        `at the end ${run.loadAverage.end[0]} on ${report.machine.cpuCount} CPUs` +
        (run.loadAverage.beforeHttp[0] > report.machine.cpuCount / 2
          ? ' — the machine was busy with other work, so the HTTP figures are pessimistic; compare the SQL column.'
          : '.'),
      '',
      table(run),
      '',
      `Checks: ${run.checks.map((c) => `${c.ok ? 'ok' : 'FAILED'} — ${c.name}`).join('; ')}.`,
      `SQL copied into the bench matches progress.service.ts: ${run.sqlMatchesSource ? 'yes' : `NO (${run.sqlDrift.join(', ')})`}.`,
      `Plans: \`${run.plansFile}\`.`,
      '',
    );
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

let app;
let db;
let dropAtExit = false;

async function cleanup() {
  await app?.close().catch(() => undefined);
  app = undefined;
  await db?.end().catch(() => undefined);
  db = undefined;
  if (dropAtExit && !args['keep-db']) {
    dropAtExit = false;
    await dropBenchDatabase().catch((e) => log(`could not drop ${BENCH_DB}: ${e.message}`));
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log(`${signal}: cleaning up…`);
    void cleanup().finally(() => process.exit(130));
  });
}

const loadAverage = () => os.loadavg().map((n) => Math.round(n * 100) / 100);

async function main() {
  const tStart = performance.now();
  const loadAtStart = loadAverage();
  const entry = path.join(DIST, 'app.factory.js');
  if (!existsSync(entry)) {
    throw new Error('apps/api/dist is missing: build the API first with `npx tsc -b apps/api/tsconfig.app.json`.');
  }
  const builtService = path.join(DIST, 'modules/progress/progress.service.js');
  if (existsSync(SERVICE_SOURCE) && statSync(SERVICE_SOURCE).mtimeMs > statSync(builtService).mtimeMs) {
    log('WARNING: progress.service.ts is newer than its build; rebuild with `npx tsc -b apps/api/tsconfig.app.json`.');
  }
  const sqlCheck = checkSqlCopies();
  if (sqlCheck.matches === false) log(`WARNING: the SQL copied into this bench has drifted from progress.service.ts: ${sqlCheck.drifted.join(', ')}`);

  const load = (rel) => import(pathToFileURL(path.join(DIST, rel)).href);
  // The same curriculum build the API installs; its track order decides which modules are assigned.
  const { builtInModules } = await import('@countersign/curriculum');
  if (MODULES > builtInModules.length) throw new Error(`--modules ${MODULES}: the built-in track has only ${builtInModules.length} modules.`);
  const moduleSlugs = builtInModules.slice(0, MODULES).map((m) => m.slug);
  const [{ createApp, runMigrations }, { loadConfig }, { OrganisationsService }, { hashPassword }] = await Promise.all([
    load('app.factory.js'),
    load('config/config.js'),
    load('modules/organisations/organisations.service.js'),
    load('modules/auth/auth.service.js'),
  ]);

  log(`people=${PEOPLE} (+${OTHER_PEOPLE} in a second organisation), modules=${moduleSlugs.join(',')}, requests=${REQUESTS}, database=${usedDatabaseUrl ? 'DATABASE_URL' : DEFAULT_SERVER}/${BENCH_DB}`);
  await dropBenchDatabase();
  await withAdmin((c) => c.query(`CREATE DATABASE ${BENCH_DB}`));
  dropAtExit = true;

  // The real application, configured from scratch (stray environment variables do not leak in).
  const tBoot = performance.now();
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'false',
    WEB_DIST: '',
    DATABASE_URL: benchUrl.toString(),
  });
  app = await createApp(config, benchUrl.toString());
  await runMigrations(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address();
  const baseUrl = `http://127.0.0.1:${port}`;
  const bootMs = since(tBoot);
  log(`API up on ${baseUrl} in ${bootMs} ms`);

  // ---- data ----
  const tGen = performance.now();
  db = new pg.Client({ connectionString: benchUrl.toString(), application_name: 'countersign-bench' });
  await db.connect();
  const organisations = app.get(OrganisationsService);
  const org = await organisations.create('Bench Organisation', 'bench-org');
  const other = await organisations.create('Bench Other Organisation', 'bench-other');
  const officerHash = await hashPassword(OFFICER_PASSWORD);
  const seeded = await seedOrganisation(db, {
    organisationId: org.id,
    domain: 'bench-org.example',
    people: PEOPLE,
    departments: DEPARTMENTS,
    officerHash,
    seed: 0.42,
    moduleSlugs,
  });
  const seededOther = await seedOrganisation(db, {
    organisationId: other.id,
    domain: 'bench-other.example',
    people: OTHER_PEOPLE,
    departments: OTHER_DEPARTMENTS,
    officerHash: null,
    seed: 0.17,
    moduleSlugs,
  });
  // VACUUM (ANALYZE) rather than plain ANALYZE: fresh statistics *and* a set visibility map, like a
  // database that autovacuum has looked after; it also stops autovacuum waking up mid-measurement.
  const tAnalyze = performance.now();
  await db.query('VACUUM (ANALYZE)');
  const analyzeMs = since(tAnalyze);
  const generationMs = since(tGen);
  log(
    `generated ${seeded.counts.assignments + seededOther.counts.assignments} assignments in ${(generationMs / 1000).toFixed(1)} s ` +
      `(steps: ${JSON.stringify(seeded.steps)}, vacuum/analyze ${analyzeMs} ms)`,
  );

  // ---- fixtures for the requests ----
  const {
    rows: [fixtures],
  } = await db.query(
    `SELECT (SELECT id FROM department WHERE organisation_id = $1 ORDER BY name LIMIT 1) AS department_id,
            (SELECT id FROM department WHERE organisation_id = $2 ORDER BY name LIMIT 1) AS other_department_id,
            (SELECT u.id FROM app_user u WHERE u.organisation_id = $1 AND u.role = 'employee'
               AND EXISTS (SELECT 1 FROM completion c WHERE c.user_id = u.id)
               AND EXISTS (SELECT 1 FROM attempt t WHERE t.user_id = u.id AND t.status = 'in-progress')
             ORDER BY u.email LIMIT 1) AS person_id,
            (SELECT id FROM app_user WHERE organisation_id = $2 ORDER BY email LIMIT 1) AS other_person_id`,
    [org.id, other.id],
  );

  // ---- sign in ----
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'officer@bench-org.example', password: OFFICER_PASSWORD }),
  });
  if (!login.ok) throw new Error(`login answered ${login.status}: ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

  // ---- timings ----
  const endpoints = [
    { name: 'overview', path: '/api/progress/overview' },
    { name: 'list page 1 (sort=dueDate)', path: '/api/progress' },
    { name: 'list status=overdue', path: '/api/progress?status=overdue' },
    { name: 'list departmentId', path: `/api/progress?departmentId=${fixtures.department_id}` },
    { name: `list q=${Q_FRAGMENT}`, path: `/api/progress?q=${Q_FRAGMENT}` },
    { name: 'list page 2000', path: '/api/progress?page=2000' },
    { name: 'person detail', path: `/api/progress/people/${fixtures.person_id}` },
  ];
  const results = [];
  const loadBeforeHttp = loadAverage();
  const tHttp = performance.now();
  for (const endpoint of endpoints) {
    const result = await timeEndpoint(baseUrl, cookie, endpoint);
    results.push(result);
    log(`${result.name.padEnd(28)} p50 ${String(result.p50Ms).padStart(8)} ms  p95 ${String(result.p95Ms).padStart(8)} ms  (n=${result.requests})`);
  }
  const httpMs = since(tHttp);

  // ---- sanity and tenant checks ----
  const get = async (urlPath) => {
    const res = await fetch(baseUrl + urlPath, { headers: { cookie } });
    return { status: res.status, json: await res.json().catch(() => null) };
  };
  const overview = (await get('/api/progress/overview')).json;
  const otherDept = await get(`/api/progress?departmentId=${fixtures.other_department_id}`);
  const otherPerson = await get(`/api/progress/people/${fixtures.other_person_id}`);
  const checks = [
    {
      name: `overview counts only this organisation (${seeded.counts.assignments} assignments, ${seeded.counts.completed} completed)`,
      ok: overview.totals.assigned === seeded.counts.assignments && overview.totals.completed === seeded.counts.completed,
    },
    { name: 'overview overdue matches the generated data', ok: overview.totals.overdue === seeded.counts.overdue },
    { name: "another organisation's department filters to 0 rows", ok: otherDept.status === 200 && otherDept.json.total === 0 },
    { name: "another organisation's person is 404", ok: otherPerson.status === 404 },
  ];
  for (const c of checks) if (!c.ok) log(`CHECK FAILED: ${c.name}`);

  // ---- plans ----
  const explain = async (label, sql, params) => {
    const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    const text = rows.map((r) => r['QUERY PLAN']).join('\n');
    const execution = /Execution Time: ([\d.]+) ms/.exec(text);
    return { label, executionMs: execution ? Number(execution[1]) : null, sql: sql.trim(), params, plan: text };
  };
  const listVariants = [
    ['list page 1 (sort=dueDate)', {}],
    ['list status=overdue', { status: 'overdue' }],
    ['list departmentId', { departmentId: fixtures.department_id }],
    [`list q=${Q_FRAGMENT}`, { q: Q_FRAGMENT }],
    ['list page 2000', { page: 2000 }],
  ];
  const plans = [await explain('overview', OVERVIEW_SQL, [org.id])];
  for (const [label, query] of listVariants) {
    const { sql, params } = listSql(org.id, query);
    plans.push(await explain(label, sql, params));
  }
  plans.push(await explain('person detail (assignments)', `WITH ${STATUS_CTE}${PERSON_ASSIGNMENTS_BODY}`, [org.id, fixtures.person_id]));
  for (const result of results) {
    result.explainMs = plans.find((p) => p.label === result.name || p.label === `${result.name} (assignments)`)?.executionMs ?? null;
  }
  const loadAtEnd = loadAverage();

  // ---- machine ----
  const {
    rows: [server],
  } = await db.query(
    `SELECT version() AS version, current_setting('shared_buffers') AS shared_buffers, current_setting('work_mem') AS work_mem,
            current_setting('effective_cache_size') AS effective_cache_size, current_setting('jit') AS jit,
            current_setting('max_parallel_workers_per_gather') AS max_parallel_workers_per_gather,
            current_setting('random_page_cost') AS random_page_cost`,
  );
  const cpus = os.cpus();
  const machine = {
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryGiB: round1(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: server.version,
    postgresSettings: {
      shared_buffers: server.shared_buffers,
      work_mem: server.work_mem,
      effective_cache_size: server.effective_cache_size,
      jit: server.jit,
      max_parallel_workers_per_gather: server.max_parallel_workers_per_gather,
      random_page_cost: server.random_page_cost,
    },
    usedDatabaseUrl,
  };

  await cleanup();
  const totalMs = since(tStart);

  // ---- results ----
  const date = new Date().toISOString().slice(0, 10);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const plansFile = `bench/results/progress-report-${date}-${PEOPLE}-people.plans.txt`;
  writeFileSync(
    path.join(ROOT, plansFile),
    plans
      .map((p) => `=== ${p.label} (${PEOPLE} people) ===\n-- params: ${JSON.stringify(p.params)}\n${p.sql}\n\n${p.plan}\n`)
      .join('\n'),
  );
  const run = {
    finishedAt: new Date().toISOString(),
    parameters: { people: PEOPLE, otherOrganisationPeople: OTHER_PEOPLE, requests: REQUESTS, maxSecondsPerEndpoint: MAX_SECONDS, warmup: WARMUP, departments: DEPARTMENTS, modulesPerPerson: MODULES, modules: moduleSlugs, pageSize: 25, qFragment: Q_FRAGMENT },
    data: {
      organisation: { people: PEOPLE, ...seeded.counts },
      otherOrganisation: { people: OTHER_PEOPLE, ...seededOther.counts },
    },
    loadAverage: { start: loadAtStart, beforeHttp: loadBeforeHttp, end: loadAtEnd },
    timings: { bootMs, generationMs, generationSteps: seeded.steps, vacuumAnalyzeMs: analyzeMs, httpMs, totalMs },
    endpoints: results,
    slow: results.filter((r) => r.p95Ms > SLOW_P95_MS).map((r) => r.name),
    checks,
    sqlMatchesSource: sqlCheck.matches,
    sqlDrift: sqlCheck.drifted,
    plansFile,
    plans: plans.map(({ label, executionMs, params, plan }) => ({ label, executionMs, params, plan })),
  };

  // One file per day; a run replaces an earlier run of that day with the same parameters.
  const jsonPath = path.join(RESULTS_DIR, `progress-report-${date}.json`);
  let report = { benchmark: 'progress-report', date, machine, runs: [] };
  if (existsSync(jsonPath)) {
    try {
      const previous = JSON.parse(readFileSync(jsonPath, 'utf8'));
      if (Array.isArray(previous.runs)) report.runs = previous.runs;
    } catch {
      /* unreadable: start afresh */
    }
  }
  report.machine = machine;
  const sameParameters = (r) =>
    r.parameters.people === PEOPLE && r.parameters.requests === REQUESTS && (r.parameters.modulesPerPerson ?? 2) === MODULES;
  report.runs = report.runs.filter((r) => !sameParameters(r));
  report.runs.push(run);
  report.runs.sort((a, b) => b.parameters.people - a.parameters.people);
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(RESULTS_DIR, `progress-report-${date}.md`), `${markdown(report)}\n`);

  process.stdout.write(`\nOfficer progress reports: ${PEOPLE.toLocaleString('en-GB')} people, ${REQUESTS} requests each (ms)\n\n${table(run)}\n\n`);
  process.stdout.write(`Generation ${(generationMs / 1000).toFixed(1)} s, total ${(totalMs / 1000).toFixed(1)} s. `);
  process.stdout.write(run.slow.length ? `SLOW (p95 > ${SLOW_P95_MS} ms): ${run.slow.join(', ')}.\n` : `No endpoint over ${SLOW_P95_MS} ms p95.\n`);
  process.stdout.write(`Results: ${path.relative(ROOT, jsonPath)}, ${path.relative(ROOT, jsonPath).replace(/json$/, 'md')}, ${plansFile}\n`);
  if (checks.some((c) => !c.ok)) {
    process.stdout.write('Some checks FAILED (see above).\n');
    process.exitCode = 1;
  }
}

main().catch(async (error) => {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  await cleanup();
  process.exit(1);
});
