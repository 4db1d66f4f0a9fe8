#!/usr/bin/env node
/**
 * The programme at the size of a large organisation: 100,000 people × 6 modules.
 *
 *   node bench/programme.bench.mjs [--people 100000] [--label TEXT] [--keep-db]
 *
 * 1. Creates (or re-creates) the database `countersign_bench_programme` on DATABASE_URL's server or
 *    on postgres://postgres@127.0.0.1:5432, migrated, and boots the built API's application in
 *    this process (no HTTP: the work measured is the worker's), as production configures it.
 * 2. One organisation with the built-in curriculum (6 published modules), 40 departments and the
 *    people (a management tree: every person but the first has a manager), 6 rules (one per module:
 *    everyone, due 30 days after assigning, reminders 7 days before / on the day / every 3 days,
 *    manager after 7 days overdue, officers after 14).
 * 3. Times, with the injectable clock moved to each day (the daily runs as the hourly tick runs
 *    them, without the rule evaluation, which is timed on its own):
 *    - rule evaluation, first: assigns all 600,000;
 *    - rule evaluation again: nothing to change (what every change to people and each hourly run
 *      costs);
 *    - the daily run on the "7 days before" day: 100,000 reminder digests of 6 modules each;
 *    - the day after (nothing due); the due date (reminders); day 37 (managers told, and the
 *      day-36 reminder caught up); day 44 (officers told).
 *    Reference in the same run: PostgreSQL inserting the same 600,000 assignments in one
 *    INSERT … SELECT into a copy of the table with its indexes.
 * 4. Writes bench/results/programme-<date>.{json,md}.
 *
 * Target (issue #11): rule evaluation and the daily reminder run finish in ≤ 60 s each.
 * Needs the API built first: `npx tsc -b apps/api/tsconfig.app.json`.
 */
import 'reflect-metadata';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
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

const DIST = path.join(ROOT, 'apps/api/dist');
const RESULTS_DIR = path.join(BENCH_DIR, 'results');
const BENCH_DB = 'countersign_bench_programme';
const TARGET_MS = 60_000;
const DAY = 86_400_000;

const { values: args } = parseArgs({
  options: {
    people: { type: 'string', default: '100000' },
    label: { type: 'string' },
    'keep-db': { type: 'boolean', default: false },
  },
  strict: false,
});
const PEOPLE = Number(args.people);
if (!Number.isInteger(PEOPLE) || PEOPLE < 10 || PEOPLE > 1_000_000) {
  process.stderr.write('--people must be a whole number from 10 to 1000000\n');
  process.exit(2);
}

const { usedDatabaseUrl, benchUrl, withAdmin, dropBenchDatabase } = benchDatabase(BENCH_DB);
let app;
async function cleanup() {
  await app?.close().catch(() => undefined);
  app = undefined;
  if (!args['keep-db']) await dropBenchDatabase().catch((e) => log(`could not drop ${BENCH_DB}: ${e.message}`));
}

async function main() {
  const tStart = performance.now();
  const loadAtStart = loadAverage();
  if (!existsSync(path.join(DIST, 'app.factory.js')))
    throw new Error('apps/api/dist is missing: build the API first with `npx tsc -b apps/api/tsconfig.app.json`.');
  const load = (rel) => import(pathToFileURL(path.join(DIST, rel)).href);
  const [{ createApp, initApp, runMigrations }, { loadConfig }, { OrganisationsService }, { ProgrammeRunner }, { Clock }, rules] =
    await Promise.all([
      load('app.factory.js'),
      load('config/config.js'),
      load('modules/organisations/organisations.service.js'),
      load('modules/programme/programme-runner.service.js'),
      load('common/clock.js'),
      load('modules/programme/rule-engine.js'),
    ]);

  await dropBenchDatabase();
  await withAdmin((c) => c.query(`CREATE DATABASE ${BENCH_DB}`));
  const url = benchUrl.toString();
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    DEMO_SEED: 'false',
    WEB_DIST: '',
    DATABASE_URL: url,
    MAIL_FROM: 'Countersign <security@bench-programme.example>',
  });
  app = await createApp(config, url);
  await runMigrations(app);
  await initApp(app);
  const { DataSource } = await import(pathToFileURL(path.join(ROOT, 'node_modules/typeorm/index.mjs')).href).catch(
    () => import('typeorm'),
  );
  const ds = app.get(DataSource);
  const org = await app.get(OrganisationsService).create('Bench Programme', 'bench-programme');

  log(`${PEOPLE.toLocaleString('en')} people × 6 modules; database ${usedDatabaseUrl ? 'DATABASE_URL' : benchUrl.host}/${BENCH_DB}`);
  const tSeed = performance.now();
  await ds.query(
    `INSERT INTO department (organisation_id, name) SELECT $1, 'Department ' || lpad(n::text, 2, '0') FROM generate_series(1, 40) n`,
    [org.id],
  );
  await ds.query(
    `INSERT INTO app_user (id, organisation_id, email, name, role, department_id, sensitivity_tier, start_date)
     SELECT md5('bench-person-' || n)::uuid, $1, 'person' || n || '@bench-programme.example', 'Person ' || n,
            (CASE WHEN n % 500 = 0 THEN 'officer' ELSE 'employee' END)::user_role,
            (SELECT id FROM department WHERE organisation_id = $1 ORDER BY name OFFSET (n % 40) LIMIT 1),
            (ARRAY['standard', 'elevated', 'high'])[1 + n % 3]::sensitivity_tier, DATE '2020-01-01'
       FROM generate_series(1, $2) n`,
    [org.id, PEOPLE],
  );
  // A management tree: person n reports to person n / 8.
  await ds.query(
    `UPDATE app_user u SET manager_id = md5('bench-person-' || (split_part(split_part(u.email, '@', 1), 'person', 2)::int / 8))::uuid
      WHERE u.organisation_id = $1 AND split_part(split_part(u.email, '@', 1), 'person', 2)::int >= 8`,
    [org.id],
  );
  const modules = await ds.query(`SELECT id FROM training_module WHERE organisation_id = $1 ORDER BY sort_order`, [org.id]);
  for (const [i, m] of modules.entries())
    await ds.query(
      `INSERT INTO assignment_rule (organisation_id, module_id, name, due_days, remind_before_days, remind_on_due,
              remind_every_days_after, escalate_manager_after_days, escalate_officers_after_days, recurrence_months)
       VALUES ($1, $2, $3, 30, '{7}', true, 3, 7, 14, 12)`,
      [org.id, m.id, `Everyone, module ${i + 1}`],
    );
  await ds.query('ANALYZE');
  const seedMs = since(tSeed);
  log(`seeded in ${seedMs} ms: ${modules.length} modules, ${modules.length} rules`);

  const clock = app.get(Clock);
  const start = Date.now();
  const dayOf = (n) => new Date(start + n * DAY).toISOString().slice(0, 10);
  const runner = app.get(ProgrammeRunner);
  const phases = [];
  const time = async (name, work, check) => {
    const t0 = performance.now();
    const result = await work();
    const ms = since(t0);
    const counts = await ds.query(
      `SELECT (SELECT count(*)::int FROM assignment WHERE organisation_id = $1) AS assignments,
              (SELECT count(*)::int FROM outbound_email WHERE organisation_id = $1) AS emails,
              (SELECT count(*)::int FROM notification WHERE organisation_id = $1) AS notifications`,
      [org.id],
    );
    const phase = { name, ms, result, ...counts[0] };
    if (check && !check(phase)) throw new Error(`${name}: unexpected ${JSON.stringify(phase)}`);
    phases.push(phase);
    log(`${name}: ${ms} ms ${JSON.stringify(result)}; totals ${JSON.stringify(counts[0])}`);
  };

  const total = PEOPLE * modules.length;
  await time(
    'rule evaluation, first (assigns everyone)',
    () => ds.transaction((tx) => rules.evaluateRules(tx, org.id, dayOf(0))),
    (p) => p.result.assigned === total,
  );
  await time(
    'rule evaluation, nothing to change',
    () => ds.transaction((tx) => rules.evaluateRules(tx, org.id, dayOf(0))),
    (p) => p.result.assigned === 0 && p.result.withdrawn === 0,
  );
  const runOn = async (day) => {
    clock.now = () => new Date(start + day * DAY);
    // As the hourly tick runs it: rules are evaluated on changes (timed above), not every hour.
    return runner.runOrganisation(org.id, { evaluate: false });
  };
  await time('daily run, day 23: 7-day reminders', () => runOn(23), (p) => p.result.reminders === PEOPLE);
  await time('daily run, day 24: nothing due', () => runOn(24), (p) => p.result.reminders === 0);
  await time('daily run, day 30: due-day reminders', () => runOn(30), (p) => p.result.reminders === PEOPLE);
  await time(
    'daily run, day 37: managers told (7 days overdue)',
    () => runOn(37),
    (p) => p.result.escalations > 0 && p.result.reminders === PEOPLE, // day 36's +6 reminder, caught up
  );
  await time(
    'daily run, day 44: officers told (14 days overdue)',
    () => runOn(44),
    (p) => p.result.escalations > 0,
  );

  // Reference: the same assignments in one INSERT … SELECT into a copy of the table with its indexes.
  const tRef = performance.now();
  await ds.transaction(async (tx) => {
    await tx.query(`SET LOCAL statement_timeout = '10min'`);
    await tx.query(`CREATE TEMP TABLE ref_assignment (LIKE assignment INCLUDING ALL) ON COMMIT DROP`);
    await tx.query(
      `INSERT INTO ref_assignment (organisation_id, user_id, module_id, due_date, source)
       SELECT $1, u.id, m.id, current_date + 30, 'rule'
         FROM app_user u CROSS JOIN training_module m
        WHERE u.organisation_id = $1 AND m.organisation_id = $1`,
      [org.id],
    );
  });
  const referenceInsertMs = since(tRef);
  log(`reference: ${total.toLocaleString('en')} assignments by one INSERT … SELECT: ${referenceInsertMs} ms`);

  const git = gitState();
  const report = {
    benchmark: 'programme',
    date: new Date().toISOString(),
    label: args.label ?? (git.dirty ? `${git.commit} with uncommitted changes` : git.commit),
    git,
    people: PEOPLE,
    modules: modules.length,
    targetMs: TARGET_MS,
    seedMs,
    phases,
    references: { postgresInsertSelectMs: referenceInsertMs },
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
  writeFileSync(path.join(RESULTS_DIR, `programme-${date}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(RESULTS_DIR, `programme-${date}.md`), `${markdown(report)}\n`);
  log(`wrote bench/results/programme-${date}.{json,md}`);
  await cleanup();
  const over = phases.filter((p) => p.ms > TARGET_MS);
  if (over.length) log(`ABOVE TARGET (${TARGET_MS} ms): ${over.map((p) => `${p.name} ${p.ms} ms`).join(', ')}`);
}

function markdown(r) {
  const m = r.machine;
  return [
    `# Programme: ${r.people.toLocaleString('en')} people × ${r.modules} modules`,
    '',
    `${r.date.slice(0, 16).replace('T', ' ')} UTC, ${r.label}. ${m.cpuCount} × ${m.cpuModel}, ${m.totalMemoryGiB} GiB, ${m.os}, Node ${m.node}; ` +
      `PostgreSQL: ${m.database}. Load ${m.loadAtStart.join('/')} at start, ${m.loadAtEnd.join('/')} at end.`,
    '',
    `The worker's work, in the built API's own code, with the clock moved to each day. Target: ≤ ${r.targetMs / 1000} s each.`,
    '',
    renderTable(
      ['phase', 'ms', 'assigned', 'reminders', 'escalations', 'assignments', 'emails'],
      r.phases.map((p) => [
        p.name,
        p.ms,
        p.result.assigned ?? '',
        p.result.reminders ?? '',
        p.result.escalations ?? '',
        p.assignments,
        p.emails,
      ]),
    ),
    '',
    `Reference in the same run: PostgreSQL inserting the same ${(r.people * r.modules).toLocaleString('en')} assignments in one INSERT … SELECT into a copy of the table with its indexes: ${r.references.postgresInsertSelectMs} ms. Seeding the people and rules: ${r.seedMs} ms.`,
  ].join('\n');
}

runBench(main, cleanup);
