#!/usr/bin/env node
/**
 * Officer-report benchmark (PRODUCT.md §3.7: "reports that stay fast for an organisation of
 * 100,000 people").
 *
 *   node bench/progress-report.bench.mjs [--people 100000] [--requests 30] [--max-seconds 15] [--modules 2]
 *                                        [--label TEXT] [--keep-db]
 *
 * 1. Creates a fresh database `countersign_bench` (dropped first WITH (FORCE), dropped again at the
 *    end unless --keep-db) on DATABASE_URL's server, or on postgres://postgres@127.0.0.1:5432.
 * 2. Boots the real API from apps/api/dist (createApp + runMigrations) on a free 127.0.0.1 port.
 * 3. Generates an organisation of N people with set-based SQL, plus a second organisation with
 *    10% of that data so that every tenant filter has something to filter out.
 * 4. Signs in as the officer and times the reporting endpoints over HTTP.
 * 5. Records the SQL each endpoint really issues (a wrapper around the app's TypeORM
 *    DataSource.query, for one request per endpoint), runs EXPLAIN (ANALYZE, BUFFERS) on each
 *    statement and writes bench/results/. No report SQL is copied into this file.
 *
 * Needs the API built first: `npx tsc -b apps/api/tsconfig.app.json`. See bench/README.md.
 */
import 'reflect-metadata';
import { Buffer } from 'node:buffer';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  benchDatabase,
  BENCH_DIR,
  DEFAULT_SERVER,
  gitState,
  loadAverage,
  log,
  machineDescription,
  percentile,
  renderTable,
  ROOT,
  round1,
  since,
} from './bench-kit.mjs';

const DIST = path.join(ROOT, 'apps/api/dist');
const RESULTS_DIR = path.join(BENCH_DIR, 'results');
const BENCH_DB = 'countersign_bench';
const OFFICER_PASSWORD = 'bench-officer-password-2026';
const WARMUP = 3;
const SLOW_P95_MS = 500;

/**
 * TypeORM exactly as the built API resolves it (apps/api's node_modules chain), so that
 * `app.get(DataSource)` finds the application's own DataSource instance.
 */
const requireFromApi = createRequire(path.join(ROOT, 'apps/api/package.json'));
const { DataSource } = requireFromApi('typeorm');

const { values: args } = parseArgs({
  options: {
    people: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '30' },
    'max-seconds': { type: 'string', default: '15' },
    modules: { type: 'string', default: '2' },
    label: { type: 'string' },
    'keep-db': { type: 'boolean', default: false },
    'render-only': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
if (args.help) {
  process.stdout.write(
    'Usage: node bench/progress-report.bench.mjs [--people N (default 100000)] [--requests N (default 30)]\n' +
      '         [--max-seconds S (default 15; per endpoint, stop early once S seconds of measured requests have run, at least 5)]\n' +
      '         [--modules N (default 2; everyone is assigned the first N built-in modules by sort_order)]\n' +
      '         [--label TEXT (names the run in the results, e.g. "after TrackAssignmentStatus"; default: the git commit)]\n' +
      '         [--keep-db (leave countersign_bench in place for EXPLAIN experiments)]\n' +
      '       node bench/progress-report.bench.mjs --render-only YYYY-MM-DD\n' +
      '         (rewrite bench/results/progress-report-YYYY-MM-DD.md from its .json; runs nothing)\n',
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
const GIT = gitState();
/** Runs of one day are kept side by side per label: a rerun replaces only the same label and parameters. */
const LABEL = (
  args.label ?? `commit ${GIT.commit ?? 'unknown'}${GIT.dirty ? ' + uncommitted changes' : ''}`
).trim();
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

const slugify = (s) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'run';

// ---------------------------------------------------------------------------------------------
// Capturing the SQL the service really runs
// ---------------------------------------------------------------------------------------------

/**
 * Wraps the application's DataSource.query (the method ProgressService, like the other reporting
 * services, issues its SQL through). While a capture is open, every call is recorded with its
 * parameters and its start and duration as the application saw them (pool wait included), so
 * queries the service runs concurrently show as overlapping.
 * Statements issued through repositories or query builders (e.g. the session lookup) bypass
 * DataSource.query and are not recorded.
 */
function installQueryRecorder(dataSource) {
  const original = dataSource.query;
  let capture = null;
  dataSource.query = function recordedQuery(sql, parameters, queryRunner) {
    const result = original.call(this, sql, parameters, queryRunner);
    if (!capture) return result;
    const current = capture;
    const entry = { sql, params: parameters ?? [], start: performance.now() - current.t0, end: null };
    current.queries.push(entry);
    // Settles before the caller's own continuation runs, so a statement awaited before the next
    // one is issued never counts as overlapping it.
    return Promise.resolve(result).finally(() => {
      entry.end = performance.now() - current.t0;
    });
  };
  return {
    async during(work) {
      capture = { t0: performance.now(), queries: [] };
      const done = capture;
      try {
        await work();
      } finally {
        capture = null;
      }
      return done.queries;
    },
    restore() {
      dataSource.query = original;
    },
  };
}

/** Only plain reads are EXPLAIN ANALYZEd (and inside a read-only transaction that is rolled back). */
const EXPLAINABLE = /^\s*(\(\s*)*(WITH|SELECT|VALUES|TABLE)\b/i;

async function explainCaptured(db, queries) {
  const explained = [];
  for (const [i, q] of queries.entries()) {
    const concurrentWith = queries
      .map((o, j) => ({ o, j }))
      .filter(({ o, j }) => j !== i && o.end != null && q.end != null && o.start < q.end && q.start < o.end)
      .map(({ j }) => j + 1);
    const base = {
      index: i + 1,
      of: queries.length,
      sql: q.sql.trim(),
      params: q.params,
      appStartMs: round1(q.start),
      appMs: q.end == null ? null : round1(q.end - q.start),
      concurrentWith,
    };
    if (!EXPLAINABLE.test(q.sql)) {
      explained.push({ ...base, executionMs: null, plan: '(not explained: not a plain read)' });
      continue;
    }
    try {
      await db.query('BEGIN READ ONLY');
      const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params);
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      const execution = /Execution Time: ([\d.]+) ms/.exec(plan);
      explained.push({ ...base, executionMs: execution ? Number(execution[1]) : null, plan });
    } catch (error) {
      explained.push({ ...base, executionMs: null, plan: `(EXPLAIN failed: ${error.message})` });
    } finally {
      await db.query('ROLLBACK');
    }
  }
  return explained;
}

/** First line of a statement, for labels: "SELECT CASE WHEN GROUPING(u.department_id) = 0 …". */
const firstLine = (sql) => {
  const line = sql.trim().split('\n')[0].replace(/\s+/g, ' ');
  return line.length > 70 ? `${line.slice(0, 70)}…` : line;
};

// ---------------------------------------------------------------------------------------------
// Database targets
// ---------------------------------------------------------------------------------------------

const { usedDatabaseUrl, benchUrl, withAdmin, dropBenchDatabase } = benchDatabase(BENCH_DB);

// ---------------------------------------------------------------------------------------------
// Data generation (set-based)
// ---------------------------------------------------------------------------------------------

const FIRST_NAMES = [
  'Aaron',
  'Abigail',
  'Adam',
  'Aisha',
  'Alan',
  'Alice',
  'Amir',
  'Amy',
  'Andrew',
  'Anna',
  'Ben',
  'Bethany',
  'Caroline',
  'Charles',
  'Chloe',
  'Daniel',
  'David',
  'Deborah',
  'Eleanor',
  'Emily',
  'Farah',
  'Fiona',
  'George',
  'Grace',
  'Hannah',
  'Harry',
  'Helen',
  'Ian',
  'Imogen',
  'Isaac',
  'Jack',
  'James',
  'Jasmine',
  'Joanna',
  'John',
  'Julia',
  'Karen',
  'Kieran',
  'Laura',
  'Liam',
  'Lucy',
  'Mark',
  'Mary',
  'Matthew',
  'Mei',
  'Michael',
  'Naomi',
  'Nathan',
  'Nia',
  'Oliver',
  'Olivia',
  'Patrick',
  'Priya',
  'Rachel',
  'Rhys',
  'Robert',
  'Ruth',
  'Sam',
  'Sarah',
  'Sofia',
  'Stephen',
  'Tariq',
  'Thomas',
  'Victoria',
  'William',
  'Yusuf',
  'Zara',
];
/** 100 surnames; only "Ashworth" contains the fragment "ashw" used for the q= search (~1% of people). */
const SURNAMES = [
  'Abbott',
  'Adams',
  'Ahmed',
  'Ali',
  'Allen',
  'Anderson',
  'Ashworth',
  'Bailey',
  'Baker',
  'Barker',
  'Bell',
  'Bennett',
  'Brown',
  'Butler',
  'Campbell',
  'Carter',
  'Chapman',
  'Chen',
  'Clarke',
  'Collins',
  'Cook',
  'Cooper',
  'Cox',
  'Davies',
  'Dixon',
  'Edwards',
  'Ellis',
  'Evans',
  'Fisher',
  'Fletcher',
  'Foster',
  'Gibson',
  'Graham',
  'Gray',
  'Green',
  'Griffiths',
  'Hall',
  'Harris',
  'Harrison',
  'Hill',
  'Holmes',
  'Hughes',
  'Hunt',
  'Hussain',
  'Jackson',
  'James',
  'Jenkins',
  'Johnson',
  'Jones',
  'Kaur',
  'Kelly',
  'Khan',
  'King',
  'Knight',
  'Lee',
  'Lewis',
  'Lloyd',
  'Marshall',
  'Martin',
  'Mason',
  'Mills',
  'Mitchell',
  'Moore',
  'Morgan',
  'Morris',
  'Murphy',
  'Murray',
  'Nguyen',
  'Owen',
  'Palmer',
  'Parker',
  'Patel',
  'Pearson',
  'Phillips',
  'Powell',
  'Price',
  'Reid',
  'Richards',
  'Roberts',
  'Robinson',
  'Rogers',
  'Russell',
  'Scott',
  'Shaw',
  'Simpson',
  'Singh',
  'Smith',
  'Stevens',
  'Stewart',
  'Taylor',
  'Thomas',
  'Thompson',
  'Turner',
  'Walker',
  'Ward',
  'Watson',
  'White',
  'Williams',
  'Wilson',
  'Wood',
];
const Q_FRAGMENT = 'ashw';

/**
 * Fills one organisation: departments, people (person 1 is the officer), the given modules (the
 * first MODULES built-in ones by sort_order) assigned to everyone (due ±60 days), ~55% completed,
 * ~15% in progress, the rest not started. assignment.status and assignment.completed_at are set
 * the way LearningService keeps them: 'in-progress' once an attempt exists, 'completed' with
 * completed_at = the completion's completed_at = the passed attempt's finished_at.
 */
async function seedOrganisation(
  db,
  { organisationId, domain, people, departments, officerHash, seed, moduleIds },
) {
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

  // One planned row per (person, module); `r` decides the state, `r2` the details. `t0` (the
  // statement's now()) anchors every timestamp, so attempt.finished_at, completion.completed_at and
  // assignment.completed_at of one assignment are exactly equal, as the application writes them.
  await db.query('DROP TABLE IF EXISTS bench_plan');
  await db.query('SELECT setseed($1)', [seed]);
  await step(
    'plan',
    `CREATE TEMP TABLE bench_plan AS
     SELECT gen_random_uuid() AS assignment_id, gen_random_uuid() AS attempt_id,
            u.organisation_id, u.id AS user_id, m.id AS module_id, v.id AS version_id,
            v.content->'scenario'->>'start' AS start_step, v.pass_mark,
            current_date + (floor(random() * 121)::int - 60) AS due_date,
            random() AS r, random() AS r2, now() AS t0
       FROM app_user u
       JOIN training_module m ON m.organisation_id = u.organisation_id AND m.id = ANY($2::uuid[])
       JOIN module_version v ON v.module_id = m.id AND v.status = 'published'
      WHERE u.organisation_id = $1
      ORDER BY u.created_at, u.id, m.sort_order, m.slug`,
    [organisationId, moduleIds],
  );

  await step(
    'assignments',
    `INSERT INTO assignment (id, organisation_id, user_id, module_id, due_date, source, created_at, status, completed_at)
     SELECT assignment_id, organisation_id, user_id, module_id, due_date, 'seed', t0 - interval '100 days',
            (CASE WHEN r < 0.55 THEN 'completed' WHEN r < 0.70 THEN 'in-progress' ELSE 'not-started' END)::assignment_status,
            CASE WHEN r < 0.55 THEN t0 - make_interval(days => (r2 * 90)::int) END
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
            t0 - make_interval(days => (r2 * 90)::int, mins => 25),
            CASE WHEN r < 0.55 THEN t0 - make_interval(days => (r2 * 90)::int) END
       FROM bench_plan WHERE r < 0.70`,
  );

  await step(
    'completions',
    `INSERT INTO completion (organisation_id, assignment_id, user_id, module_id, module_version_id, attempt_id,
                             score, passed, completed_at)
     SELECT organisation_id, assignment_id, user_id, module_id, version_id, attempt_id,
            pass_mark + floor(r2 * (101 - pass_mark))::int, true, t0 - make_interval(days => (r2 * 90)::int)
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
        ? {
            assigned: json.totals.assigned,
            departments: json.departments.length,
            modules: json.modules.length,
          }
        : { assignments: json.assignments?.length, attempts: json.attempts?.length },
  };
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

/** Runs from before labels existed (the 2026-11-27 baseline) have none. */
const labelOf = (run) => run.label ?? 'unlabelled';
const fmt = (n) => (n == null ? '' : n.toFixed(1));

function table(run) {
  const captured = run.endpoints.some((e) => e.queries !== undefined);
  const head = [
    'Endpoint',
    'Matched',
    'Rows',
    'n',
    'min',
    'p50',
    'p95',
    'max',
    'SQL (EXPLAIN)',
    ...(captured ? ['SQL Σ', 'stmts'] : []),
  ];
  const rows = run.endpoints.map((e) => [
    `${e.name}${e.p95Ms > SLOW_P95_MS ? ' (SLOW)' : ''}`,
    e.returned.total ?? e.returned.assigned ?? e.returned.assignments ?? '',
    e.returned.items ??
      (e.returned.departments !== undefined ? `${e.returned.departments} depts` : e.returned.assignments),
    e.requests,
    e.minMs.toFixed(1),
    e.p50Ms.toFixed(1),
    e.p95Ms.toFixed(1),
    e.maxMs.toFixed(1),
    fmt(e.explainMs),
    ...(captured ? [fmt(e.explainTotalMs), e.queries ?? ''] : []),
  ]);
  return renderTable(head, rows);
}

/** Oldest run against newest run of the same size: p50, p95 and the SQL figure per endpoint. */
function beforeAfter(before, after) {
  const head = [
    'Endpoint',
    'p50 before',
    'p50 after',
    'p95 before',
    'p95 after',
    'SQL before',
    'SQL after',
    'p95 ×',
  ];
  const rows = after.endpoints.map((a) => {
    const b = before.endpoints.find((e) => e.name === a.name);
    const mark = (e) => (e && e.p95Ms > SLOW_P95_MS ? ' SLOW' : '');
    return [
      a.name,
      b ? b.p50Ms.toFixed(1) : '',
      a.p50Ms.toFixed(1),
      b ? `${b.p95Ms.toFixed(1)}${mark(b)}` : '',
      `${a.p95Ms.toFixed(1)}${mark(a)}`,
      fmt(b?.explainMs),
      fmt(a.explainMs),
      b ? `${(a.p95Ms / b.p95Ms).toFixed(2)}` : '',
    ];
  });
  return renderTable(head, rows);
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
      `"Rows" what the response carried. "SQL (EXPLAIN)" is server-side execution time under EXPLAIN (ANALYZE, BUFFERS), ` +
      `run once after the HTTP measurements: for runs that capture the service's SQL, the slowest statement the ` +
      `endpoint issued ("SQL Σ" adds all of them, "stmts" counts them; the list runs its page and count statements ` +
      `concurrently, so its latency follows the slower one); for the baseline runs, the endpoint's main query as copied ` +
      `into the bench at the time. SLOW: p95 > ${SLOW_P95_MS} ms.`,
    '',
  );

  // Before/after: per size, the oldest run of the file against the newest, when they differ in label.
  const groups = new Map();
  for (const run of report.runs) {
    const key = `${run.parameters.people}/${run.parameters.requests}/${run.parameters.modulesPerPerson}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(run);
  }
  const comparisons = [...groups.values()]
    .map((runs) => [...runs].sort((a, b) => a.finishedAt.localeCompare(b.finishedAt)))
    .filter((runs) => runs.length > 1 && labelOf(runs[0]) !== labelOf(runs.at(-1)));
  if (comparisons.length) {
    out.push('## Before and after', '');
    for (const runs of comparisons) {
      const [before, after] = [runs[0], runs.at(-1)];
      const busy = (r) => r.loadAverage.beforeHttp[0] > (r.machine ?? m).cpuCount / 2;
      out.push(
        `### ${after.parameters.people.toLocaleString('en-GB')} people: "${labelOf(before)}" → "${labelOf(after)}"`,
        '',
        beforeAfter(before, after),
        '',
        `Load average (1 min) before the HTTP phase: ${before.loadAverage.beforeHttp[0]}${busy(before) ? ' (busy)' : ''} before, ` +
          `${after.loadAverage.beforeHttp[0]}${busy(after) ? ' (busy)' : ''} after, on ${(after.machine ?? m).cpuCount} CPUs.` +
          (busy(before) || busy(after)
            ? ' HTTP figures from a busy machine are pessimistic; the SQL columns are steadier.'
            : ''),
        '',
      );
    }
  }

  for (const run of report.runs) {
    const p = run.parameters;
    const cpuCount = (run.machine ?? m).cpuCount;
    out.push(
      `## ${p.people.toLocaleString('en-GB')} people × ${p.modulesPerPerson} modules (${p.requests} requests per endpoint) — ${labelOf(run)}`,
      '',
      `Data: ${run.data.organisation.assignments.toLocaleString('en-GB')} assignments in the measured organisation ` +
        `(${run.data.organisation.completed.toLocaleString('en-GB')} completed, ` +
        `${run.data.organisation.in_progress.toLocaleString('en-GB')} in progress, ` +
        `${run.data.organisation.overdue.toLocaleString('en-GB')} overdue) plus ` +
        `${run.data.otherOrganisation.assignments.toLocaleString('en-GB')} in a second organisation; ` +
        `generated in ${(run.timings.generationMs / 1000).toFixed(1)} s, whole run ${(run.timings.totalMs / 1000).toFixed(1)} s` +
        `${run.git?.commit ? ` (API at commit ${run.git.commit}${run.git.dirty ? ' with uncommitted changes' : ''})` : ''}. ` +
        `Finished ${run.finishedAt}. ` +
        `Load average (1 min) at start ${run.loadAverage.start[0]}, before the HTTP phase ${run.loadAverage.beforeHttp[0]}, ` +
        `at the end ${run.loadAverage.end[0]} on ${cpuCount} CPUs` +
        (run.loadAverage.beforeHttp[0] > cpuCount / 2
          ? ' — the machine was busy with other work, so the HTTP figures are pessimistic; compare the SQL column.'
          : '.'),
      '',
      table(run),
      '',
      `Checks: ${run.checks.map((c) => `${c.ok ? 'ok' : 'FAILED'} — ${c.name}`).join('; ')}.`,
      run.sqlMatchesSource !== undefined
        ? `Plans (of SQL copied into the bench from progress.service.ts at the time; copy matched the source: ${run.sqlMatchesSource ? 'yes' : 'no'}): \`${run.plansFile}\`.`
        : `Plans (of the statements the service issued, captured from DataSource.query): \`${run.plansFile}\`.`,
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

/** Sources newer than their build (or without one): the run would measure stale code. */
function staleBuilds() {
  const stale = [];
  const walk = (srcDir, distDir) => {
    if (!existsSync(srcDir)) return;
    for (const entry of readdirSync(srcDir, { withFileTypes: true })) {
      const src = path.join(srcDir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'dist' && entry.name !== 'node_modules' && entry.name !== '__tests__')
          walk(src, path.join(distDir, entry.name));
      } else if (
        entry.name.endsWith('.ts') &&
        !entry.name.endsWith('.d.ts') &&
        !entry.name.endsWith('.spec.ts')
      ) {
        const built = path.join(distDir, entry.name.replace(/\.ts$/, '.js'));
        if (!existsSync(built) || statSync(src).mtimeMs > statSync(built).mtimeMs)
          stale.push(path.relative(ROOT, src));
      }
    }
  };
  walk(path.join(ROOT, 'apps/api/src'), DIST);
  walk(path.join(ROOT, 'migrations'), path.join(ROOT, 'migrations/dist'));
  return stale;
}

async function main() {
  const tStart = performance.now();
  const loadAtStart = loadAverage();
  const entry = path.join(DIST, 'app.factory.js');
  if (!existsSync(entry)) {
    throw new Error(
      'apps/api/dist is missing: build the API first with `npx tsc -b apps/api/tsconfig.app.json`.',
    );
  }
  const stale = staleBuilds();
  if (stale.length) {
    log(
      `WARNING: ${stale.length} source file(s) newer than their build (${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', …' : ''}); rebuild with \`npx tsc -b apps/api/tsconfig.app.json\`.`,
    );
  }

  const load = (rel) => import(pathToFileURL(path.join(DIST, rel)).href);
  const [{ createApp, runMigrations }, { loadConfig }, { OrganisationsService }, { hashPassword }] =
    await Promise.all([
      load('app.factory.js'),
      load('config/config.js'),
      load('modules/organisations/organisations.service.js'),
      load('modules/auth/auth.service.js'),
    ]);

  log(
    `people=${PEOPLE} (+${OTHER_PEOPLE} in a second organisation), modules=${MODULES}, requests=${REQUESTS}, label="${LABEL}", database=${usedDatabaseUrl ? 'DATABASE_URL' : DEFAULT_SERVER}/${BENCH_DB}`,
  );
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
  const migrations = await runMigrations(app);
  const recorder = installQueryRecorder(app.get(DataSource));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address();
  const baseUrl = `http://127.0.0.1:${port}`;
  const bootMs = since(tBoot);
  log(
    `API up on ${baseUrl} in ${bootMs} ms (migrations: ${Array.isArray(migrations) ? migrations.join(', ') : migrations})`,
  );

  // ---- data ----
  const tGen = performance.now();
  db = new pg.Client({ connectionString: benchUrl.toString(), application_name: 'countersign-bench' });
  await db.connect();
  const organisations = app.get(OrganisationsService);
  const org = await organisations.create('Bench Organisation', 'bench-org');
  const other = await organisations.create('Bench Other Organisation', 'bench-other');
  // The modules as OrganisationsService.create installed them: the first MODULES built-in ones in
  // track order (sort_order). Fixed on purpose, so that data volume stays comparable as the
  // curriculum grows.
  const builtInModules = async (organisationId) =>
    (
      await db.query(
        `SELECT id, slug, title, sort_order FROM training_module
          WHERE organisation_id = $1 AND built_in ORDER BY sort_order, created_at, slug`,
        [organisationId],
      )
    ).rows;
  const [orgModules, otherModules] = [await builtInModules(org.id), await builtInModules(other.id)];
  if (MODULES > orgModules.length)
    throw new Error(
      `--modules ${MODULES}: OrganisationsService.create installed only ${orgModules.length} built-in modules.`,
    );
  const modules = orgModules.slice(0, MODULES);
  log(
    `assigning ${modules.map((m) => `${m.slug} (sort_order ${m.sort_order})`).join(', ')} of ${orgModules.length} built-in modules`,
  );
  const officerHash = await hashPassword(OFFICER_PASSWORD);
  const seeded = await seedOrganisation(db, {
    organisationId: org.id,
    domain: 'bench-org.example',
    people: PEOPLE,
    departments: DEPARTMENTS,
    officerHash,
    seed: 0.42,
    moduleIds: modules.map((m) => m.id),
  });
  const seededOther = await seedOrganisation(db, {
    organisationId: other.id,
    domain: 'bench-other.example',
    people: OTHER_PEOPLE,
    departments: OTHER_DEPARTMENTS,
    officerHash: null,
    seed: 0.17,
    moduleIds: otherModules.slice(0, MODULES).map((m) => m.id),
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

  // The generated assignment.status / completed_at must say what the attempts and completions say
  // (the same derivation as the TrackAssignmentStatus backfill).
  const {
    rows: [consistency],
  } = await db.query(
    `SELECT count(*) FILTER (WHERE a.status::text <> CASE WHEN c.id IS NOT NULL THEN 'completed'
                                                    WHEN EXISTS (SELECT 1 FROM attempt t WHERE t.assignment_id = a.id) THEN 'in-progress'
                                                    ELSE 'not-started' END)::int AS status_mismatches,
            count(*) FILTER (WHERE a.completed_at IS DISTINCT FROM c.completed_at)::int AS completed_at_mismatches,
            count(*) FILTER (WHERE c.id IS NOT NULL AND c.completed_at IS DISTINCT FROM t.finished_at)::int AS finished_at_mismatches
       FROM assignment a
       LEFT JOIN completion c ON c.assignment_id = a.id
       LEFT JOIN attempt t ON t.id = c.attempt_id`,
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

  // ---- keyset cursors for the deep pages ----
  // The deep page by cursor: `after` is the nextCursor of the page before it, as the web's "Next"
  // sends it. Page 2000 when the list has it (100,000 people), otherwise a page a quarter of the
  // way in. Fetched once here (by OFFSET, slow at depth); the timed requests then use the cursor.
  const getJson = async (urlPath) => {
    const res = await fetch(baseUrl + urlPath, { headers: { cookie, accept: 'application/json' } });
    if (!res.ok)
      throw new Error(`GET ${urlPath} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    return res.json();
  };
  const listTotal = (await getJson('/api/progress?pageSize=1')).total;
  const lastPage = Math.ceil(listTotal / 25);
  const deepPage = lastPage >= 2000 ? 2000 : Math.max(2, Math.floor(lastPage / 4));
  const deep = [];
  for (const sort of ['dueDate', 'name', 'completedAt']) {
    const before = await getJson(`/api/progress?sort=${sort}&page=${deepPage - 1}`);
    if (!before.nextCursor) throw new Error(`sort=${sort} page ${deepPage - 1} has no nextCursor`);
    deep.push({
      sort,
      offsetPath: `/api/progress?sort=${sort}&page=${deepPage}`,
      cursorPath: `/api/progress?sort=${sort}&page=${deepPage}&after=${encodeURIComponent(before.nextCursor)}`,
    });
  }

  // ---- timings ----
  const endpoints = [
    { name: 'overview', path: '/api/progress/overview' },
    { name: 'list page 1 (sort=dueDate)', path: '/api/progress' },
    { name: 'list status=overdue', path: '/api/progress?status=overdue' },
    { name: 'list departmentId', path: `/api/progress?departmentId=${fixtures.department_id}` },
    { name: `list q=${Q_FRAGMENT}`, path: `/api/progress?q=${Q_FRAGMENT}` },
    { name: 'list page 2000', path: '/api/progress?page=2000' },
    ...deep.flatMap(({ sort, offsetPath, cursorPath }) => [
      ...(sort === 'dueDate' && deepPage === 2000
        ? [] // the same request as "list page 2000" above
        : [{ name: `list page ${deepPage} sort=${sort}`, path: offsetPath }]),
      { name: `list page ${deepPage} sort=${sort} by cursor`, path: cursorPath },
    ]),
    { name: 'person detail', path: `/api/progress/people/${fixtures.person_id}` },
  ];
  const results = [];
  const loadBeforeHttp = loadAverage();
  const tHttp = performance.now();
  for (const endpoint of endpoints) {
    const result = await timeEndpoint(baseUrl, cookie, endpoint);
    results.push(result);
    log(
      `${result.name.padEnd(40)} p50 ${String(result.p50Ms).padStart(8)} ms  p95 ${String(result.p95Ms).padStart(8)} ms  (n=${result.requests})`,
    );
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
  // Keyset and OFFSET must agree: the deep page by cursor holds the same ids as by OFFSET.
  const sameDeepRows = [];
  for (const { sort, offsetPath, cursorPath } of deep) {
    const [byOffset, byCursor] = [(await get(offsetPath)).json, (await get(cursorPath)).json];
    const ids = (page) => page.items.map((r) => r.assignmentId).join(',');
    sameDeepRows.push({ sort, ok: byCursor.items.length === 25 && ids(byOffset) === ids(byCursor) });
  }

  // ---- the SQL each endpoint really runs, and its plans ----
  // One more request per endpoint with the recorder open (requests are sequential, so everything
  // recorded belongs to that request), then EXPLAIN (ANALYZE, BUFFERS) of each recorded statement.
  // The service may run some of them concurrently; EXPLAIN runs them one after the other.
  const plans = [];
  for (const [i, endpoint] of endpoints.entries()) {
    let status;
    const captured = await recorder.during(async () => {
      const res = await fetch(baseUrl + endpoint.path, { headers: { cookie, accept: 'application/json' } });
      await res.arrayBuffer();
      status = res.status;
    });
    if (status !== 200) throw new Error(`${endpoint.name}: capture request answered ${status}`);
    const explained = await explainCaptured(db, captured);
    for (const p of explained)
      plans.push({
        endpoint: endpoint.name,
        label: `${endpoint.name} · query ${p.index}/${p.of}: ${firstLine(p.sql)}`,
        ...p,
      });
    const times = explained.map((p) => p.executionMs).filter((ms) => ms != null);
    Object.assign(results[i], {
      queries: captured.length,
      explainMs: times.length ? Math.max(...times) : null, // the slowest statement of the request
      explainTotalMs: times.length ? round1(times.reduce((a, b) => a + b, 0)) : null,
    });
    log(
      `${endpoint.name.padEnd(40)} ${captured.length} statement(s), EXPLAIN ${explained.map((p) => (p.executionMs == null ? '–' : p.executionMs.toFixed(1))).join(' + ')} ms`,
    );
  }
  recorder.restore();

  const checks = [
    {
      name: `overview counts only this organisation (${seeded.counts.assignments} assignments, ${seeded.counts.completed} completed)`,
      ok:
        overview.totals.assigned === seeded.counts.assignments &&
        overview.totals.completed === seeded.counts.completed,
    },
    {
      name: `overview in progress / not started match the generated data (${seeded.counts.in_progress} / ${seeded.counts.not_started})`,
      ok:
        overview.totals.inProgress === seeded.counts.in_progress &&
        overview.totals.notStarted === seeded.counts.not_started,
    },
    {
      name: 'overview overdue matches the generated data',
      ok: overview.totals.overdue === seeded.counts.overdue,
    },
    {
      name: "another organisation's department filters to 0 rows",
      ok: otherDept.status === 200 && otherDept.json.total === 0,
    },
    { name: "another organisation's person is 404", ok: otherPerson.status === 404 },
    {
      name: 'generated assignment.status and completed_at agree with the attempts and completions',
      ok:
        consistency.status_mismatches === 0 &&
        consistency.completed_at_mismatches === 0 &&
        consistency.finished_at_mismatches === 0,
    },
    ...sameDeepRows.map(({ sort, ok }) => ({
      name: `page ${deepPage} sort=${sort}: the cursor gives the same 25 rows as OFFSET`,
      ok,
    })),
    {
      name: 'every endpoint issued SQL through DataSource.query, and every statement was explained',
      ok: results.every((r) => r.queries > 0) && plans.every((p) => p.executionMs != null),
    },
  ];
  for (const c of checks) if (!c.ok) log(`CHECK FAILED: ${c.name}`);
  if (
    consistency.status_mismatches ||
    consistency.completed_at_mismatches ||
    consistency.finished_at_mismatches
  )
    log(`generator inconsistency: ${JSON.stringify(consistency)}`);
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
  const machine = {
    ...machineDescription(),
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
  const plansFile = `bench/results/progress-report-${date}-${PEOPLE}-people-${slugify(LABEL)}.plans.txt`;
  writeFileSync(
    path.join(ROOT, plansFile),
    `Run "${LABEL}" (${PEOPLE} people). Statements as the service issued them through DataSource.query during one\n` +
      `request of each endpoint; "app" is the time the application waited for the statement (pool wait included),\n` +
      `"concurrent with" names statements of the same request that were in flight at the same time.\n` +
      `EXPLAIN (ANALYZE, BUFFERS) ran them afterwards, one at a time.\n\n` +
      plans
        .map(
          (p) =>
            `=== ${p.label} ===\n-- params: ${JSON.stringify(p.params)}\n` +
            `-- app: started at +${p.appStartMs} ms, took ${p.appMs} ms${p.concurrentWith.length ? `; concurrent with query ${p.concurrentWith.join(', ')}` : ''}\n` +
            `${p.sql}\n\n${p.plan}\n`,
        )
        .join('\n'),
  );
  const run = {
    label: LABEL,
    git: GIT,
    finishedAt: new Date().toISOString(),
    parameters: {
      people: PEOPLE,
      otherOrganisationPeople: OTHER_PEOPLE,
      requests: REQUESTS,
      maxSecondsPerEndpoint: MAX_SECONDS,
      warmup: WARMUP,
      departments: DEPARTMENTS,
      modulesPerPerson: MODULES,
      modules: modules.map((m) => m.slug),
      pageSize: 25,
      qFragment: Q_FRAGMENT,
    },
    data: {
      organisation: { people: PEOPLE, ...seeded.counts },
      otherOrganisation: { people: OTHER_PEOPLE, ...seededOther.counts },
    },
    machine,
    loadAverage: { start: loadAtStart, beforeHttp: loadBeforeHttp, end: loadAtEnd },
    timings: {
      bootMs,
      generationMs,
      generationSteps: seeded.steps,
      vacuumAnalyzeMs: analyzeMs,
      httpMs,
      totalMs,
    },
    staleSources: stale,
    endpoints: results,
    slow: results.filter((r) => r.p95Ms > SLOW_P95_MS).map((r) => r.name),
    checks,
    sqlSource: 'captured from DataSource.query',
    plansFile,
    plans: plans.map(
      ({
        endpoint,
        label,
        index,
        of,
        executionMs,
        appStartMs,
        appMs,
        concurrentWith,
        sql,
        params,
        plan,
      }) => ({
        endpoint,
        label,
        index,
        of,
        executionMs,
        appStartMs,
        appMs,
        concurrentWith,
        sql,
        params,
        plan,
      }),
    ),
  };

  // One file per day. A run replaces an earlier run of that day only if it has the same label and
  // parameters, so a "before" and an "after" run of the same day stay side by side.
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
  const sameRun = (r) =>
    (r.label ?? '') === LABEL &&
    r.parameters.people === PEOPLE &&
    r.parameters.requests === REQUESTS &&
    (r.parameters.modulesPerPerson ?? 2) === MODULES;
  report.runs = report.runs.filter((r) => !sameRun(r));
  report.runs.push(run);
  report.runs.sort(
    (a, b) => b.parameters.people - a.parameters.people || a.finishedAt.localeCompare(b.finishedAt),
  );
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(RESULTS_DIR, `progress-report-${date}.md`), `${markdown(report)}\n`);

  process.stdout.write(
    `\nOfficer progress reports: ${PEOPLE.toLocaleString('en-GB')} people, ${REQUESTS} requests each (ms), "${LABEL}"\n\n${table(run)}\n\n`,
  );
  process.stdout.write(
    `Generation ${(generationMs / 1000).toFixed(1)} s, total ${(totalMs / 1000).toFixed(1)} s. `,
  );
  process.stdout.write(
    run.slow.length
      ? `SLOW (p95 > ${SLOW_P95_MS} ms): ${run.slow.join(', ')}.\n`
      : `No endpoint over ${SLOW_P95_MS} ms p95.\n`,
  );
  process.stdout.write(
    `Results: ${path.relative(ROOT, jsonPath)}, ${path.relative(ROOT, jsonPath).replace(/json$/, 'md')}, ${plansFile}\n`,
  );
  if (checks.some((c) => !c.ok)) {
    process.stdout.write('Some checks FAILED (see above).\n');
    process.exitCode = 1;
  }
}

/** Rewrites a day's Markdown from its JSON (after editing a label, say), without running anything. */
function renderOnly(date) {
  const jsonPath = path.join(RESULTS_DIR, `progress-report-${date}.json`);
  const report = JSON.parse(readFileSync(jsonPath, 'utf8'));
  writeFileSync(path.join(RESULTS_DIR, `progress-report-${date}.md`), `${markdown(report)}\n`);
  log(`rewrote ${path.relative(ROOT, jsonPath).replace(/json$/, 'md')}`);
}

if (args['render-only']) renderOnly(args['render-only']);
else
  main().catch(async (error) => {
    process.stderr.write(`[bench] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    await cleanup();
    process.exit(1);
  });
