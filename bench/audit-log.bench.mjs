#!/usr/bin/env node
/**
 * Audit log benchmark: the first page of each filter of the audit page, and the CSV export,
 * against a large log.
 *
 *   node bench/audit-log.bench.mjs [--events 2000000] [--export-rows 100000] [--requests 30] [--keep-db]
 *
 * 1. Creates a fresh database `countersign_bench_audit` on DATABASE_URL's server (or
 *    postgres://postgres@127.0.0.1:5432), boots the real API from apps/api/dist in this process.
 * 2. Generates N audit events for one organisation over five years (set-based SQL: 40 actors,
 *    every action, some events on one target), plus 10% of that for a second organisation.
 * 3. Signs in as the organisation's officer and times `GET /api/audit/events` (first page and a
 *    deep page by cursor) for each filter, then streams `GET /api/audit/events.csv` for a filter
 *    matching about `--export-rows` events, sampling the process's memory while it streams.
 * 4. Writes bench/results/audit-log-<date>.md and .json.
 *
 * Needs the API built first: `npx tsc -b apps/api/tsconfig.app.json`.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setInterval, clearInterval } from 'node:timers';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
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

const DIST = path.join(ROOT, 'apps/api/dist');
const RESULTS_DIR = path.join(BENCH_DIR, 'results');
const BENCH_DB = 'countersign_bench_audit';
const PASSWORD = 'bench-audit-password-2026';
const requireFromApi = createRequire(path.join(ROOT, 'apps/api/package.json'));
const { DataSource } = requireFromApi('typeorm');

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '2000000' },
    'export-rows': { type: 'string', default: '100000' },
    requests: { type: 'string', default: '30' },
    'keep-db': { type: 'boolean', default: false },
  },
  strict: true,
});
const EVENTS = Number(args.events);
const REQUESTS = Number(args.requests);

const { benchUrl, withAdmin, dropBenchDatabase } = benchDatabase(BENCH_DB);
let app;

async function main() {
  const load = (rel) => import(pathToFileURL(path.join(DIST, rel)).href);
  const [{ createApp, runMigrations }, { loadConfig }, { OrganisationsService }, { hashPassword }] =
    await Promise.all([
      load('app.factory.js'),
      load('config/config.js'),
      load('modules/organisations/organisations.service.js'),
      load('modules/auth/auth.service.js'),
    ]);
  await dropBenchDatabase();
  await withAdmin((c) => c.query(`CREATE DATABASE ${BENCH_DB}`));
  const url = benchUrl.toString();
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'false',
    WEB_DIST: '',
    DATABASE_URL: url,
  });
  app = await createApp(config, url);
  await runMigrations(app);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  const ds = app.get(DataSource);
  const organisations = app.get(OrganisationsService);

  const hash = await hashPassword(PASSWORD);
  const org = await organisations.create('Bench Ministry', 'bench-ministry');
  const other = await organisations.create('Bench Other', 'bench-other');
  const people = async (orgId, prefix) =>
    (
      await ds.query(
        `INSERT INTO app_user (organisation_id, email, name, role, sensitivity_tier, password_hash)
         SELECT $1, $2 || g || '@bench.example', 'Bench person ' || g,
                CASE WHEN g = 1 THEN 'officer' ELSE 'admin' END::user_role, 'standard', $3
           FROM generate_series(1, 40) g RETURNING id, email`,
        [orgId, prefix, hash],
      )
    ).map((r) => r);
  const actors = await people(org.id, 'actor');
  const otherActors = await people(other.id, 'other');
  const target = '0e6bbf3e-1f5c-4c39-9d53-5a9f6f2e0001';

  const { AUDIT_ACTIONS } = await import(
    pathToFileURL(path.join(ROOT, 'libs/contracts/dist/audit/index.js')).href
  );
  const generate = async (orgId, ids, n) => {
    const t0 = performance.now();
    const chunk = 250_000;
    for (let start = 0; start < n; start += chunk) {
      await ds.query(
        `INSERT INTO audit_event (organisation_id, actor_id, action, subject_type, subject_id, at, details)
         SELECT $1, ($2::uuid[])[1 + g % array_length($2::uuid[], 1)],
                ($3::text[])[1 + (g * 7) % array_length($3::text[], 1)], 'person',
                CASE WHEN g % 1000 = 0 THEN $4::uuid END,
                now() - make_interval(secs => ($5::bigint - g) * (5 * 365 * 86400.0 / $5::bigint)),
                jsonb_build_object('before', jsonb_build_object('jobTitle', 'Analyst ' || g),
                                   'after', jsonb_build_object('jobTitle', 'Lead ' || g))
           FROM generate_series($6::bigint, $7::bigint) g`,
        [orgId, ids, AUDIT_ACTIONS, target, n, start + 1, Math.min(n, start + chunk)],
      );
    }
    return since(t0);
  };
  log(`generating ${EVENTS} events…`);
  const generateMs = await generate(
    org.id,
    actors.map((a) => a.id),
    EVENTS,
  );
  await generate(
    other.id,
    otherActors.map((a) => a.id),
    Math.round(EVENTS / 10),
  );
  await ds.query(`VACUUM ANALYZE audit_event`);
  log(`generated in ${generateMs} ms`);

  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: actors[0].email, password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const get = (url) => fetch(`${base}${url}`, { headers: { cookie } });

  const filters = {
    'no filter': '',
    'one actor': `actorId=${actors[5].id}`,
    'one action': 'action=module.published',
    'three actions': 'action=module.published,rule.updated,settings.updated',
    'one target': `subjectId=${target}`,
    'one month': 'from=2024-03-01&to=2024-03-31',
    'actor + action + year': `actorId=${actors[5].id}&action=person.updated&from=2023-01-01&to=2023-12-31`,
  };
  const rows = [];
  for (const [name, query] of Object.entries(filters)) {
    const times = [];
    const deepTimes = [];
    let cursor = null;
    for (let i = 0; i < REQUESTS + 3; i++) {
      const t0 = performance.now();
      const res = await get(`/api/audit/events?pageSize=50${query ? `&${query}` : ''}`);
      const body = await res.json();
      if (!res.ok) throw new Error(`${name}: ${res.status} ${JSON.stringify(body)}`);
      if (i >= 3) times.push(performance.now() - t0);
      cursor = body.nextCursor;
    }
    // A page 20 pages in, by cursor.
    let after = cursor;
    for (let p = 0; p < 18 && after; p++) {
      const body = await (
        await get(`/api/audit/events?pageSize=50&after=${after}${query ? `&${query}` : ''}`)
      ).json();
      after = body.nextCursor;
    }
    for (let i = 0; after && i < REQUESTS; i++) {
      const t0 = performance.now();
      await (await get(`/api/audit/events?pageSize=50&after=${after}${query ? `&${query}` : ''}`)).json();
      deepTimes.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    deepTimes.sort((a, b) => a - b);
    rows.push({
      filter: name,
      p50: round1(percentile(times, 50)),
      p95: round1(percentile(times, 95)),
      deepP95: deepTimes.length ? round1(percentile(deepTimes, 95)) : null,
    });
    log(`${name}: p95 ${rows.at(-1).p95} ms, page 20 p95 ${rows.at(-1).deepP95 ?? '—'} ms`);
  }

  // The export: a date range holding about --export-rows events.
  const days = Math.max(1, Math.round((Number(args['export-rows']) / EVENTS) * 5 * 365));
  const to = new Date(Date.now() - 30 * 86_400_000);
  const from = new Date(to.getTime() - days * 86_400_000);
  const exportQuery = `from=${from.toISOString().slice(0, 10)}&to=${to.toISOString().slice(0, 10)}`;
  const rssBefore = process.memoryUsage().rss;
  let rssMax = rssBefore;
  const sampler = setInterval(() => {
    rssMax = Math.max(rssMax, process.memoryUsage().rss);
  }, 50);
  const t0 = performance.now();
  const res = await get(`/api/audit/events.csv?${exportQuery}`);
  let bytes = 0;
  let lines = 0;
  for await (const part of res.body) {
    bytes += part.length;
    for (const b of part) if (b === 10) lines++;
  }
  const exportMs = since(t0);
  clearInterval(sampler);
  const exported = {
    query: exportQuery,
    rows: lines - 1,
    megabytes: round1(bytes / 1e6),
    ms: exportMs,
    rssBeforeMb: round1(rssBefore / 1e6),
    rssGrowthMb: round1((rssMax - rssBefore) / 1e6),
  };
  log(`export: ${JSON.stringify(exported)}`);

  const result = {
    date: new Date().toISOString(),
    git: gitState(),
    machine: machineDescription(),
    load: loadAverage(),
    events: EVENTS,
    generateMs,
    requests: REQUESTS,
    pages: rows,
    export: exported,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const day = result.date.slice(0, 10);
  writeFileSync(path.join(RESULTS_DIR, `audit-log-${day}.json`), `${JSON.stringify(result, null, 2)}\n`);
  const md = [
    `# Audit log: ${EVENTS.toLocaleString('en')} events (${day})`,
    '',
    `Commit ${result.git.commit}${result.git.dirty ? ' (with uncommitted changes)' : ''}; ${result.machine.cpuCount} × ${result.machine.cpuModel}, ${result.machine.totalMemoryGiB} GiB, Node ${result.machine.node}; load ${result.load.join(' ')}.`,
    `One organisation with ${EVENTS.toLocaleString('en')} events over five years by 40 people, and a second with a tenth of that.`,
    `${REQUESTS} requests per filter over HTTP (after 3 warm-up), page size 50; "page 20" is reached by cursor.`,
    '',
    renderTable(
      ['filter', 'first page p50 ms', 'first page p95 ms', 'page 20 p95 ms'],
      rows.map((r) => [r.filter, r.p50, r.p95, r.deepP95 ?? '—']),
    ),
    '',
    `CSV export (\`${exported.query}\`): ${exported.rows.toLocaleString('en')} rows, ${exported.megabytes} MB in ${exported.ms} ms; ` +
      `the process's resident memory grew by ${exported.rssGrowthMb} MB while streaming (from ${exported.rssBeforeMb} MB; API and client in one process).`,
    '',
  ].join('\n');
  writeFileSync(path.join(RESULTS_DIR, `audit-log-${day}.md`), md);
  log(`wrote bench/results/audit-log-${day}.md`);
  await cleanup();
}

async function cleanup() {
  await app?.close().catch(() => undefined);
  if (!args['keep-db']) await dropBenchDatabase().catch(() => undefined);
}

runBench(main, cleanup);
