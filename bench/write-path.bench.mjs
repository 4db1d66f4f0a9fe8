#!/usr/bin/env node
/**
 * Write-path benchmark: many learners posting their next scenario choice, side by side with a bare
 * reference server (node:http + pg, one INSERT per request) in the same run.
 *
 *   node bench/write-path.bench.mjs [--connections 50,200] [--rounds 3] [--seconds 10] [--warmup 2]
 *                                   [--count-seconds 3] [--max-seq 9990] [--timeout-ms 10000]
 *                                   [--label TEXT] [--keep-db]
 *
 * 1. Creates a fresh database `countersign_bench_write_path` (dropped first WITH (FORCE), dropped
 *    again at the end unless --keep-db) on DATABASE_URL's server, or on postgres://postgres@127.0.0.1:5432.
 * 2. Runs the built API as its own process (`node apps/api/dist/main.js`, LOG_LEVEL=warn,
 *    DEMO_SEED=false, WEB_DIST='', BOOTSTRAP_* for the administrator), and the bare server as
 *    another (this file with the internal flag `--serve-bare`), so that each one's CPU can be read
 *    from /proc/<pid>/stat, with that of the PostgreSQL backends serving it.
 * 3. As the administrator, over HTTP: creates a module whose scenario has a cycle with an exit
 *    (checked with the scenario engine's validateModule first), saves its draft and publishes it,
 *    assigns it to max(--connections) learners, who sign in and start an attempt.
 * 4. A load generator in a third process (this file with `--load`) keeps one keep-alive connection
 *    per learner: each posts its next choice (`POST /api/me/attempts/:id/choices`, `{seq, choiceId}`,
 *    cookie + X-CSRF-Token), the choice that stays in the cycle. Rounds are interleaved (bare, API,
 *    bare, API, …), each after a warm-up, for each number of connections.
 * 5. One more round of each through a counting TCP proxy in front of PostgreSQL (fresh server
 *    processes whose DATABASE_URL points at it) counts the statements and round trips per choice.
 * 6. Checks that no choice was lost or duplicated, and writes bench/results/write-path-<date>.{json,md}.
 *
 * Needs the API built first: `npx tsc -b apps/api/tsconfig.app.json`. See bench/README.md.
 */
import { Buffer } from 'node:buffer';
import { execFileSync, fork, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  BENCH_DIR,
  benchDatabase,
  DEFAULT_SERVER,
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

const BENCH_FILE = fileURLToPath(import.meta.url);
/**
 * Run as a program, not imported: bench/write-path-recovery.bench.mjs imports the learners' setup,
 * the bench module and the API process handling from here.
 */
const IS_ENTRY = path.resolve(process.argv[1] ?? '') === BENCH_FILE;
/** argon2 as the built API resolves it. */
export const requireFromApi = createRequire(path.join(ROOT, 'apps/api/package.json'));
export const DIST = path.join(ROOT, 'apps/api/dist');
const RESULTS_DIR = path.join(BENCH_DIR, 'results');
/** Its own name, so that it never collides with the other benchmarks' databases. */
const BENCH_DB = 'countersign_bench_write_path';
const ORGANISATION = 'Bench Write Path';
export const ADMIN_EMAIL = 'admin@bench-write-path.example';
/** The administrator's and every learner's password. */
export const PASSWORD = 'bench-write-path-password-2026';
/**
 * The learners' password hash: argon2id too, but at 4 MiB and one pass instead of the API's 64 MiB
 * and three, so that 200 sign-ins take seconds, not minutes, on a busy 2-core machine. The API
 * verifies with the parameters stored in the hash; the sign-in is not what this benchmark measures.
 */
export const LEARNER_HASH_OPTIONS = { memoryCost: 4096, timeCost: 1, parallelism: 1 };
export const learnerEmail = (i) => `learner-${String(i + 1).padStart(4, '0')}@bench-write-path.example`;
/** The API's pool names itself so (apps/api/src/database/data-source-options.ts). */
const API_APP_NAME = 'countersign';
const BARE_APP_NAME = 'countersign-bench-bare';
/** The API's pool size when its health endpoint does not report it (the default of data-source-options). */
const DEFAULT_API_POOL = 10;
/** choiceRequestSchema allows seq up to 10,000 (libs/contracts/src/learning). */
const SEQ_LIMIT = 10_000;
/** Parallel sign-ins. */
export const LOGIN_CONCURRENCY = 4;
export const SETUP_CONCURRENCY = 4;
/** How often the CPU of the server and of its PostgreSQL backends is sampled during a round. */
const CPU_SAMPLE_MS = 200;

const OPTIONS = {
  connections: { type: 'string', default: '50,200' },
  rounds: { type: 'string', default: '3' },
  seconds: { type: 'string', default: '10' },
  warmup: { type: 'string', default: '2' },
  'count-seconds': { type: 'string', default: '3' },
  'max-seq': { type: 'string', default: '9990' },
  'timeout-ms': { type: 'string', default: '10000' },
  label: { type: 'string' },
  'keep-db': { type: 'boolean', default: false },
  'render-only': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  /** Internal: the bare reference server. */
  'serve-bare': { type: 'boolean', default: false },
  /** Internal: the load generator. */
  load: { type: 'boolean', default: false },
};
// Not strict: `npm run bench -- --people 10000` passes its arguments to every benchmark.
const { values: args } = parseArgs({ options: OPTIONS, strict: false, allowPositionals: true });
const unknownOptions = Object.keys(args).filter((k) => !(k in OPTIONS));

if (IS_ENTRY && args.help) {
  process.stdout.write(
    'Usage: node bench/write-path.bench.mjs [--connections 50,200 (learners, one connection each)]\n' +
      '         [--rounds N (default 3; interleaved bare, API, bare, API, …)] [--seconds S (default 10; per round)]\n' +
      '         [--warmup S (default 2; before every round)] [--count-seconds S (default 3; the counting round)]\n' +
      '         [--max-seq N (default 9990; a learner this deep in an attempt starts a fresh one)]\n' +
      '         [--timeout-ms N (default 10000; a request without an answer by then counts as a timeout)]\n' +
      '         [--label TEXT (names the run; default: the git commit)] [--keep-db]\n' +
      '       node bench/write-path.bench.mjs --render-only YYYY-MM-DD\n' +
      '         (rewrite bench/results/write-path-YYYY-MM-DD.md from its .json; runs nothing)\n',
  );
  process.exit(0);
}

function intOption(name, min, max = Number.MAX_SAFE_INTEGER) {
  const raw = args[name];
  const n = typeof raw === 'string' ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    process.stderr.write(`--${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(raw)})\n`);
    process.exit(2);
  }
  return n;
}

function connectionsOption() {
  const list = String(args.connections)
    .split(',')
    .map((s) => Number(s.trim()));
  if (!list.length || list.some((n) => !Number.isInteger(n) || n < 1 || n > 5000)) {
    process.stderr.write(`--connections must be a comma-separated list of integers 1..5000\n`);
    process.exit(2);
  }
  return list;
}

// ---------------------------------------------------------------------------------------------
// The bench module: a scenario with a cycle that has exits
// ---------------------------------------------------------------------------------------------

/**
 * desk ⇄ profile is the cycle; "report" (safe) and "send details" (compromised) leave it. A learner
 * at `desk` chooses `look-at-profile`, at `profile` `back-to-message`, and so never reaches an ending.
 */
export const CYCLE = {
  desk: { choiceId: 'look-at-profile', next: 'profile' },
  profile: { choiceId: 'back-to-message', next: 'desk' },
};
/** Which step of the cycle a learner is at, from the choice ids the API offers there (null: elsewhere). */
export function cycleStepOf(choiceIds) {
  for (const [stepId, { choiceId }] of Object.entries(CYCLE)) if (choiceIds.includes(choiceId)) return stepId;
  return null;
}

export function moduleContent() {
  return {
    scenario: {
      start: 'desk',
      steps: [
        {
          id: 'desk',
          title: 'A message from a recruiter',
          narrative:
            'Monday morning. Between two meetings you find a message from someone you have never met. She says she ' +
            'recruits for a consultancy that advises governments on aerospace supply chains, that your profile stood ' +
            'out, and that a short, well-paid piece of advisory work would suit you perfectly. She would like to know ' +
            'a little more about what you are working on at the moment before she puts your name forward.',
          artefacts: [
            {
              kind: 'thread',
              platform: 'Professional network',
              participants: ['Dana Whitlock', 'You'],
              messages: [
                {
                  from: 'Dana Whitlock',
                  at: 'Monday 09:12',
                  body:
                    'Hello! I came across your profile and was really impressed by your background in propulsion ' +
                    'testing. My client, Horizon Strategic Advisory, is looking for an expert for a short paid review ' +
                    '(two or three reports, generously compensated). Could you tell me a little about your current ' +
                    'programme so I can see whether it is a fit?',
                },
              ],
            },
          ],
          choices: [
            {
              id: 'look-at-profile',
              label: 'Look at Dana’s profile before answering',
              next: 'profile',
              feedback:
                'Checking who is asking before you answer is a good habit. Look closely at what you find.',
              points: 1,
            },
            {
              id: 'report-it',
              label: 'Report the message to your security team',
              next: 'reported',
              feedback:
                'An unsolicited, flattering offer of paid reports that asks about your current work is exactly what to report.',
              redFlags: ['unsolicited-approach', 'flattery', 'paid-reports'],
              points: 2,
            },
            {
              id: 'send-details',
              label: 'Reply with a summary of your programme',
              next: 'leaked',
              feedback: 'You told a stranger what you are working on. That was the only thing she wanted.',
              redFlags: ['unsolicited-approach', 'sensitive-topic-drift'],
            },
          ],
        },
        {
          id: 'profile',
          title: 'Dana’s profile',
          narrative:
            'The profile is polished: a professional photograph, a long list of skills and a few hundred connections. ' +
            'The account is three months old, the consultancy has no staff you can find, and its website went live ' +
            'last month.',
          artefacts: [
            {
              kind: 'profile',
              name: 'Dana Whitlock',
              headline: 'Talent Partner at Horizon Strategic Advisory',
              company: 'Horizon Strategic Advisory',
              location: 'London',
              connections: 212,
              accountAgeMonths: 3,
              about: 'Connecting outstanding experts with meaningful, well-rewarded advisory opportunities.',
              history: [
                { role: 'Talent Partner', organisation: 'Horizon Strategic Advisory', period: '2026–' },
              ],
            },
          ],
          choices: [
            {
              id: 'back-to-message',
              label: 'Go back to the message',
              next: 'desk',
              feedback: 'A new account and a company you cannot find are worth remembering when you decide.',
            },
            {
              id: 'report-from-profile',
              label: 'Report the profile and the message',
              next: 'reported',
              feedback:
                'A young account for a company nobody can verify, asking about your programme: well spotted.',
              redFlags: ['unverifiable-company', 'profile-anomalies'],
              points: 2,
            },
          ],
        },
        {
          id: 'reported',
          title: 'Reported',
          narrative: 'Your security team thanks you: two colleagues received the same message this week.',
          ending: {
            outcome: 'safe',
            debrief: 'You recognised a cold approach and reported it before sharing anything.',
          },
        },
        {
          id: 'leaked',
          title: 'Too much said',
          narrative: 'Dana thanks you warmly and asks for a call. The account disappears a week later.',
          ending: {
            outcome: 'compromised',
            debrief:
              'A summary of your programme was all the approach was after. Report such messages instead.',
          },
        },
      ],
    },
    quiz: {
      passMark: 100,
      shuffle: false,
      questions: [
        {
          id: 'first-move',
          kind: 'single',
          prompt:
            'A stranger offers paid advisory work and asks about your current programme. What do you do first?',
          options: [
            { id: 'report', label: 'Report the approach to security', correct: true },
            { id: 'answer', label: 'Answer briefly so as not to seem rude', correct: false },
          ],
          explanation: 'Report it: security can tell you whether colleagues have been approached too.',
          redFlags: ['unsolicited-approach'],
        },
      ],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Process CPU from /proc
// ---------------------------------------------------------------------------------------------

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of a process (all its threads), in clock ticks; null when it is gone or unreadable. */
export function cpuTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // fields 14 and 15 of proc(5)
  } catch {
    return null;
  }
}
export const ticksToMs = (ticks) => (ticks * 1000) / CLK_TCK;

/**
 * CPU used during one round by a server process, the PostgreSQL backends serving it (found in
 * pg_stat_activity by database and application_name; a backend that starts during the round counts
 * from zero, one that ends counts up to its last sample) and the load generator.
 */
function cpuMonitor(db, { serverPid, appName, loadPid }) {
  const backends = new Map();
  let startedAt;
  let polling = null;
  let timer;
  const first = { server: null, load: null };
  const last = { server: null, load: null };
  const poll = async (initial) => {
    const { rows } = await db.query(
      `SELECT pid, backend_start FROM pg_stat_activity WHERE datname = $1 AND application_name = $2`,
      [BENCH_DB, appName],
    );
    for (const { pid, backend_start: backendStart } of rows) {
      const ticks = cpuTicks(pid);
      if (ticks === null) continue;
      const known = backends.get(pid);
      if (known) known.last = ticks;
      else backends.set(pid, { first: initial || backendStart < startedAt ? ticks : 0, last: ticks });
    }
    last.server = cpuTicks(serverPid) ?? last.server;
    last.load = cpuTicks(loadPid) ?? last.load;
  };
  const tick = () => {
    if (polling) return;
    polling = poll(false).finally(() => {
      polling = null;
    });
  };
  return {
    async start() {
      startedAt = new Date();
      first.server = cpuTicks(serverPid);
      first.load = cpuTicks(loadPid);
      await poll(true);
      timer = setInterval(tick, CPU_SAMPLE_MS);
    },
    async stop() {
      clearInterval(timer);
      await polling;
      await poll(false);
      let pgTicks = 0;
      for (const b of backends.values()) pgTicks += b.last - b.first;
      return {
        serverMs: ticksToMs(last.server - first.server),
        pgMs: ticksToMs(pgTicks),
        loadMs: ticksToMs(last.load - first.load),
        backends: backends.size,
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Counting proxy: PostgreSQL frontend messages between a server and the database
// ---------------------------------------------------------------------------------------------

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

/**
 * A TCP proxy that forwards bytes untouched and parses the frontend side of the PostgreSQL protocol:
 * the startup packet (int32 length, int32 code), then messages of 1 type byte + int32 length (which
 * counts itself). It counts the messages by type: 'Q' simple query, 'P' Parse, 'B' Bind, 'E'
 * Execute, 'S' Sync, … A statement is a 'Q' or an 'E'; a round trip is a 'Q' or an 'S' (a client
 * that does not pipeline waits for the answer after each).
 */
async function countingProxy(upstreamHost, upstreamPort) {
  const counts = { messages: {}, connections: 0, encrypted: 0 };
  const sockets = new Set();
  const server = net.createServer((client) => {
    const upstream = net.connect(upstreamPort, upstreamHost);
    sockets.add(client);
    sockets.add(upstream);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    let startup = true;
    let header = Buffer.alloc(0);
    let skip = 0;
    client.on('data', (chunk) => {
      let pos = 0;
      while (pos < chunk.length) {
        if (skip > 0) {
          const n = Math.min(skip, chunk.length - pos);
          skip -= n;
          pos += n;
          continue;
        }
        const need = startup ? 8 : 5;
        const take = Math.min(need - header.length, chunk.length - pos);
        header = Buffer.concat([header, chunk.subarray(pos, pos + take)]);
        pos += take;
        if (header.length < need) break;
        if (startup) {
          const length = header.readInt32BE(0);
          const code = header.readInt32BE(4);
          skip = length - 8;
          // SSLRequest / GSSENCRequest: a startup packet follows (in clear only if the server says N).
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) counts.encrypted++;
          else if (code !== CANCEL_REQUEST) {
            startup = false;
            counts.connections++;
          }
        } else {
          const type = String.fromCharCode(header[0]);
          counts.messages[type] = (counts.messages[type] ?? 0) + 1;
          skip = header.readInt32BE(1) - 4;
        }
        header = Buffer.alloc(0);
      }
    });
    client.pipe(upstream);
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    counts,
    reset() {
      counts.messages = {};
    },
    snapshot() {
      return { ...counts.messages };
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The bare reference server (`--serve-bare`): node:http + pg.Pool, one INSERT per request
// ---------------------------------------------------------------------------------------------

const BARE_PATH =
  /^\/api\/me\/attempts\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/choices$/;

function serveBare() {
  const pool = new pg.Pool({
    connectionString: process.env.BENCH_DATABASE_URL,
    max: Number(process.env.BENCH_BARE_POOL) || DEFAULT_API_POOL,
    application_name: BARE_APP_NAME,
  });
  pool.on('error', () => undefined); // an idle connection that dies is replaced on the next query
  const answer = (res, status, body) => {
    const json = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(json),
    });
    res.end(json);
  };
  const server = http.createServer((req, res) => {
    const match = req.method === 'POST' ? BARE_PATH.exec(req.url ?? '') : null;
    if (!match) return answer(res, 404, { code: 'not_found' });
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return answer(res, 400, { code: 'validation_failed' });
      }
      if (!Number.isInteger(body?.seq) || body.seq < 0 || typeof body.choiceId !== 'string')
        return answer(res, 400, { code: 'validation_failed' });
      try {
        await pool.query('INSERT INTO bare_event (attempt_id, seq, payload) VALUES ($1, $2, $3)', [
          match[1],
          body.seq,
          JSON.stringify({ choiceId: body.choiceId }),
        ]);
        answer(res, 200, { attemptId: match[1], seq: body.seq, choicesMade: body.seq + 1 });
      } catch (error) {
        if (error?.code === '23505') answer(res, 409, { code: 'stale_choice' });
        else answer(res, 500, { code: 'internal_error' });
      }
    });
  });
  server.listen(0, '127.0.0.1', () => process.send({ type: 'ready', port: server.address().port }));
  const stop = () => server.close(() => void pool.end().finally(() => process.exit(0)));
  process.on('message', (m) => m?.type === 'stop' && stop());
  process.on('disconnect', () => process.exit(0));
}

// ---------------------------------------------------------------------------------------------
// The load generator (`--load`): one keep-alive connection per learner
// ---------------------------------------------------------------------------------------------

function runLoadGenerator() {
  let learners = [];
  const ports = { api: 0, bare: 0 };
  let timeoutMs = 10_000;
  let maxSeq = SEQ_LIMIT - 10;
  /** Over the whole run, for the final check: 200s, and choices the server had recorded without one. */
  const totals = { apiOk: 0, apiAhead: 0, apiBehind: 0, bareOk: 0, bareAhead: 0 };
  const pendingRefresh = new Map();

  /** One request; never rejects: status is the HTTP status, 'timeout' or 'network'. */
  const send = (agent, port, method, urlPath, headers, body, keepBody) =>
    new Promise((resolve) => {
      const t0 = performance.now();
      let settled = false;
      const done = (result) => {
        if (settled) return;
        settled = true;
        resolve({ ...result, ms: performance.now() - t0 });
      };
      const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, agent, headers }, (res) => {
        const chunks = [];
        let bytes = 0;
        res.on('data', (c) => {
          bytes += c.length;
          if (keepBody) chunks.push(c);
        });
        res.on('end', () =>
          done({
            status: res.statusCode,
            bytes,
            body: keepBody ? Buffer.concat(chunks).toString('utf8') : null,
          }),
        );
        res.on('error', () => done({ status: 'network', bytes }));
      });
      req.setTimeout(timeoutMs, () => {
        done({ status: 'timeout', bytes: 0 });
        req.destroy();
      });
      req.on('error', () => done({ status: 'network', bytes: 0 }));
      req.end(body);
    });

  const choiceHeaders = (l, body) => ({
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    cookie: l.cookie,
    'x-csrf-token': l.csrf,
  });

  /** GET the attempt: the server's choicesMade and the step it offers (the start of the choice after a failure). */
  async function reread(l, stats) {
    const r = await send(
      l.apiAgent,
      ports.api,
      'GET',
      `/api/me/attempts/${l.attemptId}`,
      { cookie: l.cookie },
      undefined,
      true,
    );
    if (stats) stats.rereads++;
    if (r.status !== 200) return false;
    const state = JSON.parse(r.body);
    if (state.choicesMade > l.seq) totals.apiAhead += state.choicesMade - l.seq;
    if (state.choicesMade < l.seq) totals.apiBehind += l.seq - state.choicesMade;
    l.seq = state.choicesMade;
    l.stepId = state.phase === 'scenario' ? cycleStepOf((state.step?.choices ?? []).map((c) => c.id)) : null;
    l.needsRead = false;
    return true;
  }

  /** Asks the parent for a fresh assignment and attempt (the attempt is near the seq limit). */
  function refresh(l) {
    return new Promise((resolve) => {
      pendingRefresh.set(l.index, resolve);
      process.send({ type: 'refresh', index: l.index, seq: l.seq, attemptId: l.attemptId });
    });
  }

  async function run({ target, connections, seconds }) {
    const group = learners.slice(0, connections);
    const latencies = [];
    const stats = { statuses: {}, ok: 0, responses: 0, bytes: 0, rereads: 0, refreshes: 0 };
    const meanSeq = () =>
      group.reduce((a, l) => a + (target === 'api' ? l.seq : l.bareSeq), 0) / group.length;
    const attemptLengthAtStart = meanSeq();
    const record = (r) => {
      latencies.push(r.ms);
      stats.responses++;
      stats.bytes += r.bytes;
      stats.statuses[r.status] = (stats.statuses[r.status] ?? 0) + 1;
    };
    const t0 = performance.now();
    const deadline = t0 + seconds * 1000;

    const apiLearner = async (l) => {
      while (performance.now() < deadline) {
        if (l.needsRead && !(await reread(l, stats))) {
          await sleep(50);
          continue;
        }
        if (l.seq >= maxSeq || l.stepId === null) {
          await refresh(l);
          stats.refreshes++;
          continue;
        }
        const { choiceId, next } = CYCLE[l.stepId];
        const body = JSON.stringify({ seq: l.seq, choiceId });
        const r = await send(
          l.apiAgent,
          ports.api,
          'POST',
          `/api/me/attempts/${l.attemptId}/choices`,
          choiceHeaders(l, body),
          body,
          false,
        );
        record(r);
        if (r.status === 200) {
          stats.ok++;
          totals.apiOk++;
          l.seq++;
          l.stepId = next;
        } else {
          // 409 stale/out of order, a 5xx, a timeout: the server knows where the attempt stands.
          l.needsRead = true;
        }
      }
    };
    const bareLearner = async (l) => {
      while (performance.now() < deadline) {
        const { choiceId, next } = CYCLE[l.bareStep];
        const body = JSON.stringify({ seq: l.bareSeq, choiceId });
        const r = await send(
          l.bareAgent,
          ports.bare,
          'POST',
          `/api/me/attempts/${l.bareAttemptId}/choices`,
          choiceHeaders(l, body),
          body,
          false,
        );
        record(r);
        if (r.status === 200 || r.status === 409) {
          // 409: this seq was stored by an earlier request whose answer was lost.
          if (r.status === 200) {
            stats.ok++;
            totals.bareOk++;
          } else totals.bareAhead++;
          l.bareSeq++;
          l.bareStep = next;
        }
      }
    };
    await Promise.all(group.map(target === 'api' ? apiLearner : bareLearner));
    const wallMs = performance.now() - t0;
    latencies.sort((a, b) => a - b);
    return {
      target,
      connections,
      seconds,
      wallMs,
      ...stats,
      latency: latencies.length
        ? {
            p50Ms: percentile(latencies, 50),
            p95Ms: percentile(latencies, 95),
            p99Ms: percentile(latencies, 99),
            maxMs: latencies[latencies.length - 1],
            meanMs: latencies.reduce((a, b) => a + b, 0) / latencies.length,
          }
        : null,
      attemptLength: { start: attemptLengthAtStart, end: meanSeq() },
      totals: { ...totals },
    };
  }

  async function resync(concurrency) {
    let next = 0;
    let mismatched = 0;
    let failed = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < learners.length) {
          const l = learners[next++];
          const before = l.seq;
          if (!(await reread(l, null))) failed++;
          else if (l.seq !== before) mismatched++;
        }
      }),
    );
    return { mismatched, failed };
  }

  process.on('message', async (m) => {
    try {
      if (m.type === 'init') {
        timeoutMs = m.timeoutMs;
        maxSeq = m.maxSeq;
        learners = m.learners.map((l) => ({
          ...l,
          needsRead: false,
          apiAgent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
          bareAgent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
          bareAttemptId: l.attemptId,
          bareSeq: 0,
          bareStep: 'desk',
        }));
        process.send({ type: 'ready' });
      } else if (m.type === 'ports') {
        Object.assign(ports, m.ports);
        for (const l of learners) {
          l.apiAgent.destroy();
          l.bareAgent.destroy();
          l.apiAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
          l.bareAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        }
        process.send({ type: 'ports', id: m.id });
      } else if (m.type === 'resync') {
        process.send({ type: 'resynced', id: m.id, ...(await resync(SETUP_CONCURRENCY)) });
      } else if (m.type === 'run') {
        process.send({ type: 'done', id: m.id, result: await run(m) });
      } else if (m.type === 'refreshed') {
        const l = learners[m.index];
        Object.assign(l, m.learner, { needsRead: false });
        pendingRefresh.get(m.index)?.();
        pendingRefresh.delete(m.index);
      } else if (m.type === 'learners') {
        process.send({
          type: 'learners',
          id: m.id,
          totals: { ...totals },
          learners: learners.map((l) => ({
            index: l.index,
            attemptId: l.attemptId,
            seq: l.seq,
            bareAttemptId: l.bareAttemptId,
            bareSeq: l.bareSeq,
          })),
        });
      } else if (m.type === 'stop') process.exit(0);
    } catch (error) {
      process.send({
        type: 'error',
        id: m.id,
        message: error instanceof Error ? error.stack : String(error),
      });
    }
  });
  process.on('disconnect', () => process.exit(0));
}

// ---------------------------------------------------------------------------------------------
// Child processes (parent side)
// ---------------------------------------------------------------------------------------------

const { usedDatabaseUrl, benchUrl, withAdmin, dropBenchDatabase } = benchDatabase(BENCH_DB);

export const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** benchUrl with its host and port replaced (to go through a proxy). */
function urlVia(port) {
  const url = new URL(benchUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return url.toString();
}

/** Environment variables that shape a Node process's performance, passed on to the servers and recorded. */
const TUNING_ENV = ['UV_THREADPOOL_SIZE', 'MALLOC_ARENA_MAX', 'NODE_OPTIONS'];
export const tuningEnv = () =>
  Object.fromEntries(TUNING_ENV.filter((k) => process.env[k]).map((k) => [k, process.env[k]]));

/** API log lines by pino level, and the first few messages of warn and above. */
export const apiLog = { byLevel: {}, samples: [], other: 0 };
function watchApiOutput(stream, name) {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop();
    for (const line of lines) {
      if (!line.trim()) continue;
      let entry = null;
      try {
        entry = JSON.parse(line);
      } catch {
        /* not a log line */
      }
      if (entry && typeof entry.level === 'number') {
        apiLog.byLevel[entry.level] = (apiLog.byLevel[entry.level] ?? 0) + 1;
        const msg = String(entry.msg ?? entry.err?.message ?? '').slice(0, 200);
        if (apiLog.samples.length < 8 && !apiLog.samples.some((s) => s.msg === msg))
          apiLog.samples.push({ level: entry.level, msg });
      } else {
        apiLog.other++;
        if (!line.startsWith('[countersign]') || /could not|error/i.test(line))
          process.stdout.write(`[${name}] ${line}\n`);
      }
    }
  });
}

/**
 * `node apps/api/dist/main.js` on `port` (default: a free one), against `databaseUrl`; resolves once
 * it answers.
 */
export async function startApi(databaseUrl, name, { port: fixedPort } = {}) {
  const port = fixedPort ?? (await freePort());
  const child = spawn(process.execPath, [path.join(DIST, 'main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...tuningEnv(),
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      DEMO_SEED: 'false',
      WEB_DIST: '',
      HOST: '127.0.0.1',
      PORT: String(port),
      // Only used on an empty database: the first start creates the organisation and its administrator.
      BOOTSTRAP_ORGANISATION: ORGANISATION,
      BOOTSTRAP_ADMIN_EMAIL: ADMIN_EMAIL,
      BOOTSTRAP_ADMIN_PASSWORD: PASSWORD,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  watchApiOutput(child.stdout, name);
  watchApiOutput(child.stderr, name);
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  for (;;) {
    const code = await Promise.race([exited, sleep(150).then(() => undefined)]);
    if (code !== undefined) throw new Error(`${name} exited with code ${code} before it answered`);
    // /api/health/live (newer builds) or /api/health (older ones).
    for (const probe of ['/api/health/live', '/api/health']) {
      const res = await fetch(base + probe).catch(() => null);
      if (res?.ok) return { child, port, base, bootMs: since(t0), stop: () => stopChild(child, 'SIGTERM') };
    }
    if (performance.now() - t0 > 120_000) throw new Error(`${name} did not answer within 120 s`);
  }
}

export async function stopChild(child, how) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  if (how === 'message') child.send({ type: 'stop' });
  else child.kill(how);
  const stopped = await Promise.race([exited.then(() => true), sleep(10_000, false, { ref: false })]);
  if (!stopped) child.kill('SIGKILL');
}

/** This file with `--serve-bare`: answers once it listens. */
function startBare(databaseUrl, poolMax) {
  return new Promise((resolve, reject) => {
    const child = fork(BENCH_FILE, ['--serve-bare'], {
      env: { ...process.env, BENCH_DATABASE_URL: databaseUrl, BENCH_BARE_POOL: String(poolMax) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once(
      'message',
      (m) => m.type === 'ready' && resolve({ child, port: m.port, stop: () => stopChild(child, 'message') }),
    );
    child.once('exit', (code) => reject(new Error(`the bare server exited with code ${code}`)));
    child.once('error', reject);
  });
}

/** This file with `--load`: request/answer over IPC. */
function startLoadGenerator(onRefresh) {
  const child = fork(BENCH_FILE, ['--load'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map();
  let nextId = 1;
  let readyResolve;
  const ready = new Promise((resolve) => (readyResolve = resolve));
  child.on('message', (m) => {
    if (m.type === 'ready') readyResolve();
    else if (m.type === 'refresh') {
      onRefresh(m).then(
        (learner) => child.send({ type: 'refreshed', index: m.index, learner }),
        (error) => {
          log(`could not give learner ${m.index} a fresh attempt: ${error.message}`);
          child.kill('SIGKILL');
        },
      );
    } else if (m.type === 'error') {
      pending.get(m.id)?.reject(new Error(`load generator: ${m.message}`));
      pending.delete(m.id);
    } else {
      pending.get(m.id)?.resolve(m);
      pending.delete(m.id);
    }
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  function ask(message, timeoutMs = 600_000) {
    const id = nextId++;
    return Promise.race([
      new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ ...message, id });
      }),
      exited.then((code) => {
        throw new Error(`the load generator exited (code ${code})`);
      }),
      // Not ref'd: a timer left over from an answered request must not keep the benchmark alive.
      sleep(timeoutMs, undefined, { ref: false }).then(() => {
        throw new Error(`the load generator did not answer "${message.type}" within ${timeoutMs / 1000} s`);
      }),
    ]);
  }
  return { child, ready, ask, stop: () => stopChild(child, 'message') };
}

// ---------------------------------------------------------------------------------------------
// HTTP as the administrator and the learners (setup, from this process)
// ---------------------------------------------------------------------------------------------

let apiBase = '';
/** Where signIn and call send their requests. */
export const setApiBase = (base) => {
  apiBase = base;
};

export async function signIn(email) {
  const res = await fetch(`${apiBase}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login as ${email} answered ${res.status}: ${await res.text()}`);
  const session = await res.json();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { email, cookie, csrf: session.csrfToken, session };
}

export async function call(who, method, urlPath, body) {
  const headers = { cookie: who.cookie };
  if (method !== 'GET') headers['x-csrf-token'] = who.csrf;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(apiBase + urlPath, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${urlPath} answered ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

export async function inParallel(items, concurrency, work) {
  let next = 0;
  const out = new Array(items.length);
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i], i);
      }
    }),
  );
  return out;
}

/** Creates, fills and publishes a bench module through the authoring API. */
export async function createModule(admin, generation, content) {
  const title = generation === 0 ? 'Write-path bench' : `Write-path bench (${generation + 1})`;
  const created = await call(admin, 'POST', '/api/authoring/modules', {
    title,
    summary: 'A scenario with a cycle, for the write-path benchmark.',
    estimatedMinutes: 5,
  });
  const moduleId = created.module.id;
  const saved = await call(admin, 'PUT', `/api/authoring/modules/${moduleId}/draft`, {
    content,
    baseRevision: created.draft.revision,
  });
  if (saved.issues.length)
    throw new Error(
      `the API found issues in the bench module: ${saved.issues.map((i) => i.message).join('; ')}`,
    );
  const published = await call(admin, 'POST', `/api/authoring/modules/${moduleId}/publish`, {
    note: 'Write-path benchmark',
  });
  if (published.published?.version !== 1)
    throw new Error('publishing the bench module did not give version 1');
  return moduleId;
}

/** Assigns a module to the learner and starts an attempt; the learner's fields for the load generator. */
export async function startAttempt(learner, moduleId) {
  const mine = await call(learner, 'GET', '/api/me/assignments');
  const assignment = mine.find((a) => a.module.id === moduleId);
  if (!assignment) throw new Error(`${learner.email} has no assignment of module ${moduleId}`);
  const state = await call(learner, 'POST', `/api/me/assignments/${assignment.assignmentId}/attempts`);
  const stepId = cycleStepOf((state.step?.choices ?? []).map((c) => c.id));
  if (state.phase !== 'scenario' || !stepId)
    throw new Error(`${learner.email}'s new attempt is not in the cycle`);
  return {
    assignmentId: assignment.assignmentId,
    attemptId: state.attemptId,
    seq: state.choicesMade,
    stepId,
  };
}

/**
 * As the administrator (already bootstrapped by the API's first start): creates the bench module
 * (generation 0; moduleOf(n) makes further copies), a department of `count` employees with the cheap
 * argon2 hash, assigns them the module, signs each in and starts its attempt. `db` is a client on the
 * bench database; the API is the one setApiBase points at.
 */
export async function setUpLearners(db, content, count) {
  const LEARNERS = count;
  const admin = await signIn(ADMIN_EMAIL);
  const organisationId = admin.session.user.organisation.id;
  const modules = new Map([[0, Promise.resolve(await createModule(admin, 0, content))]]);
  const moduleOf = (generation) => {
    if (!modules.has(generation)) modules.set(generation, createModule(admin, generation, content));
    return modules.get(generation);
  };
  const moduleId = await moduleOf(0);
  const {
    rows: [dept],
  } = await db.query(
    `INSERT INTO department (organisation_id, name) VALUES ($1, 'Bench learners') RETURNING id`,
    [organisationId],
  );
  const argon2 = requireFromApi('argon2');
  const learnerHash = await argon2.hash(PASSWORD, { type: argon2.argon2id, ...LEARNER_HASH_OPTIONS });
  const { rows: users } = await db.query(
    `INSERT INTO app_user (organisation_id, email, name, role, department_id, sensitivity_tier, password_hash)
     SELECT $1, format('learner-%s@bench-write-path.example', lpad(i::text, 4, '0')), format('Learner %s', i),
            'employee', $2, 'standard', $3
       FROM generate_series(1, $4) AS i
     RETURNING id, email`,
    [organisationId, dept.id, learnerHash, LEARNERS],
  );
  const dueDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const assigned = await call(admin, 'POST', '/api/assignments', {
    moduleId,
    dueDate,
    departmentIds: [dept.id],
  });
  if (assigned.created !== LEARNERS)
    throw new Error(`assigned ${assigned.created} learners, expected ${LEARNERS}`);

  const tLogin = performance.now();
  const emails = Array.from({ length: LEARNERS }, (_, i) => learnerEmail(i));
  const sessions = await inParallel(emails, LOGIN_CONCURRENCY, (email) => signIn(email));
  const loginMs = since(tLogin);
  const userIdOf = new Map(users.map((u) => [u.email, u.id]));
  const learners = await inParallel(sessions, SETUP_CONCURRENCY, async (s, index) => ({
    index,
    email: s.email,
    userId: userIdOf.get(s.email),
    cookie: s.cookie,
    csrf: s.csrf,
    generation: 0,
    ...(await startAttempt(s, moduleId)),
  }));
  return { admin, organisationId, moduleId, moduleOf, modules, dueDate, learners, loginMs };
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
const fixed = (n, digits = 1) => (n === null || n === undefined ? '–' : n.toFixed(digits));
const ratio = (a, b) => (a === null || b === null || !b ? null : a / b);
const nonOk = (statuses) =>
  Object.entries(statuses)
    .filter(([s]) => s !== '200')
    .map(([s, n]) => `${n}×${s}`)
    .join(', ') || '0';
const TARGET_NAME = { bare: 'bare node:http + pg', api: 'Countersign API' };

function runMarkdown(run) {
  const p = run.parameters;
  const counting = run.counting;
  const countFor = (target) => counting?.[target] ?? null;
  const summaryRows = [];
  for (const s of run.summary) {
    for (const target of ['bare', 'api']) {
      const m = s[target];
      const c = countFor(target);
      summaryRows.push([
        `${s.connections}`,
        TARGET_NAME[target],
        fixed(m.choicesPerSecond, 0),
        fixed(m.p50Ms),
        fixed(m.p95Ms),
        fixed(m.p99Ms),
        m.nonOk,
        fixed(m.serverCpuMs, 3),
        fixed(m.pgCpuMs, 3),
        fixed(m.totalCpuMs, 3),
        fixed(c?.statementsPerChoice, 2),
        fixed(c?.roundTripsPerChoice, 2),
      ]);
    }
    const r = s.ratio;
    summaryRows.push([
      `${s.connections}`,
      '**API / bare**',
      `×${fixed(r.choicesPerSecond, 2)}`,
      `×${fixed(r.p50Ms, 1)}`,
      `×${fixed(r.p95Ms, 1)}`,
      `×${fixed(r.p99Ms, 1)}`,
      '',
      `×${fixed(r.serverCpuMs, 1)}`,
      `×${fixed(r.pgCpuMs, 1)}`,
      `×${fixed(r.totalCpuMs, 1)}`,
      `×${fixed(r.statementsPerChoice, 1)}`,
      `×${fixed(r.roundTripsPerChoice, 1)}`,
    ]);
  }
  const busy = run.loadAverage.beforeRounds[0] > run.machine.cpuCount / 2;
  const out = [
    `## ${run.label} — ${p.connections.join(' and ')} connections, ${p.rounds} round(s) of ${p.seconds} s (+${p.warmup} s warm-up)`,
    '',
    `Finished ${run.finishedAt}; whole run ${(run.timings.totalMs / 1000).toFixed(1)} s (setup ${(run.timings.setupMs / 1000).toFixed(1)} s, ` +
      `of which ${run.learners} sign-ins ${(run.timings.loginMs / 1000).toFixed(1)} s). Load average (1 min) at start ${run.loadAverage.start[0]}, ` +
      `before the rounds ${run.loadAverage.beforeRounds[0]}, at the end ${run.loadAverage.end[0]} on ${run.machine.cpuCount} CPUs` +
      (busy ? ' — the machine was busy with other work, so the figures are pessimistic.' : '.'),
    '',
    `API build: commit ${run.git.commit ?? 'unknown'}${run.git.dirty ? ` + uncommitted changes (${run.git.changed.join(', ')})` : ', no uncommitted changes'}` +
      `${run.staleSources.length ? `; ${run.staleSources.length} source file(s) newer than the build` : ''}. ` +
      `Pools: the API's ${run.pools.api} connections (${run.pools.apiSource}), the bare server's ${run.pools.bare}. ` +
      `Bench module: ${run.module.steps} steps, the cycle ${run.module.cycle}; ${run.module.contentBytes} bytes of content.`,
    '',
    '### Medians of the rounds',
    '',
    renderTable(
      [
        'Conns',
        'Server',
        'choices/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'non-200',
        'CPU ms/choice: server',
        'PostgreSQL',
        'total',
        'statements/choice',
        'round trips/choice',
      ],
      summaryRows,
    ),
    '',
    `CPU per choice is the server process's and its PostgreSQL backends' utime + stime during the round over the ` +
      `choice requests answered. Statements and round trips come from the counting round (${counting?.connections ?? '–'} ` +
      `connections, ${counting?.seconds ?? '–'} s, through the proxy), the same for every row of a server.`,
    '',
    '### Every round',
    '',
    renderTable(
      [
        'Round',
        'Conns',
        'Server',
        'answers',
        'non-200',
        'choices/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        'server CPU ms',
        'PG CPU ms',
        'load gen CPU ms',
        'bytes/answer',
        'choices/attempt',
        'API pool mid-round',
      ],
      run.rounds.map((r) => [
        `${r.round}`,
        `${r.connections}`,
        TARGET_NAME[r.target],
        `${r.responses}`,
        nonOk(r.statuses),
        fixed(r.choicesPerSecond, 0),
        fixed(r.latency?.p50Ms),
        fixed(r.latency?.p95Ms),
        fixed(r.latency?.p99Ms),
        fixed(r.latency?.maxMs),
        fixed(r.cpu.serverMsPerRequest, 3),
        fixed(r.cpu.pgMsPerRequest, 3),
        fixed(r.cpu.loadMsPerRequest, 3),
        `${Math.round(r.bytesPerResponse)}`,
        `${Math.round(r.attemptLength.start)} → ${Math.round(r.attemptLength.end)}`,
        r.pool ? `${r.pool.size} open, ${r.pool.idle} idle, ${r.pool.waiting} waiting` : '–',
      ]),
    ),
    '',
    'CPU columns are per answered request. "choices/attempt" is the mean number of choices in the learners\' attempts at ' +
      'the start and the end of the round (the API reads the whole attempt log on each choice, so that length matters).',
    '',
  ];
  if (counting) {
    out.push(
      `### SQL per choice (counting round: ${counting.connections} connections, ${counting.seconds} s, both servers through a counting proxy)`,
      '',
      renderTable(
        [
          'Server',
          'answers',
          "'Q'",
          "'P'",
          "'B'",
          "'E'",
          "'S'",
          'statements/choice',
          'round trips/choice',
          'connections opened',
        ],
        ['bare', 'api'].map((t) => {
          const c = counting[t];
          const m = c.messages;
          return [
            TARGET_NAME[t],
            `${c.responses}${c.rereads ? ` (+${c.rereads} GET)` : ''}`,
            `${m.Q ?? 0}`,
            `${m.P ?? 0}`,
            `${m.B ?? 0}`,
            `${m.E ?? 0}`,
            `${m.S ?? 0}`,
            fixed(c.statementsPerChoice, 2),
            fixed(c.roundTripsPerChoice, 2),
            `${c.connectionsOpened}`,
          ];
        }),
      ),
      '',
      "A statement is a simple query ('Q') or an Execute ('E'); a round trip is a 'Q' or a Sync ('S'). " +
        'These rounds are not timed: the proxy adds a hop.',
      '',
    );
  }
  const levels = Object.entries(run.apiLog.byLevel)
    .map(([level, n]) => `${n} at level ${level}`)
    .join(', ');
  out.push(
    `API log lines (LOG_LEVEL=warn): ${levels || 'none'}${run.apiLog.samples.length ? ` — ${run.apiLog.samples.map((s) => `"${s.msg}"`).join('; ')}` : ''}.`,
    '',
    `Checks: ${run.checks.map((c) => `${c.ok ? 'ok' : 'FAILED'} — ${c.name}`).join('; ')}.`,
    '',
    run.concerns.length ? `**Concerns:** ${run.concerns.join(' ')}` : 'Concerns: none flagged.',
    '',
  );
  return out.join('\n');
}

function markdown(report) {
  const m = report.machine;
  const s = m.postgresSettings;
  return [
    `# Write path — ${report.date}`,
    '',
    `Machine: ${m.cpuCount} × ${m.cpuModel}, ${m.totalMemoryGiB} GiB RAM, ${m.os}, Node ${m.node}; ${m.postgres} ` +
      `(${m.usedDatabaseUrl ? 'DATABASE_URL' : 'local server at 127.0.0.1:5432'}; shared_buffers ${s.shared_buffers}, ` +
      `synchronous_commit ${s.synchronous_commit}, fsync ${s.fsync}, wal_sync_method ${s.wal_sync_method}, autovacuum ${s.autovacuum}).`,
    '',
    'Each learner is one keep-alive HTTP/1.1 connection from the load generator (its own process) that posts ' +
      '`POST /api/me/attempts/:id/choices` `{seq, choiceId}` with its session cookie and X-CSRF-Token, waits for the ' +
      'answer and posts the next choice. The bare server answers the same requests with one INSERT. Latency is wall ' +
      'clock in the load generator, from writing the request until the whole answer is read; percentiles are ' +
      'nearest-rank over every answer of the round. All processes share the same CPUs.',
    '',
    ...report.runs.map(runMarkdown),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

/** Sources newer than their build (or without one): the run would measure stale code. */
export function staleBuilds() {
  const stale = [];
  const walk = (srcDir, distDir) => {
    if (!existsSync(srcDir)) return;
    for (const entry of readdirSync(srcDir, { withFileTypes: true })) {
      const src = path.join(srcDir, entry.name);
      if (entry.isDirectory()) {
        if (!['dist', 'node_modules', '__tests__'].includes(entry.name))
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
  for (const lib of ['contracts', 'scenario-engine'])
    walk(path.join(ROOT, 'libs', lib, 'src'), path.join(ROOT, 'libs', lib, 'dist'));
  return stale;
}

const children = { api: null, bare: null, load: null };
const proxies = [];
let db;
let dropAtExit = false;

async function cleanup() {
  const { api, bare, load } = children;
  children.api = children.bare = children.load = null;
  await Promise.all([api?.stop(), bare?.stop(), load?.stop()].filter(Boolean)).catch(() => undefined);
  for (const p of proxies.splice(0)) await p.close().catch(() => undefined);
  await db?.end().catch(() => undefined);
  db = undefined;
  if (dropAtExit && !args['keep-db']) {
    dropAtExit = false;
    await dropBenchDatabase().catch((e) => log(`could not drop ${BENCH_DB}: ${e.message}`));
  }
}

/** The API's pool as its readiness endpoint reports it (newer builds), or null. */
async function apiPool() {
  const res = await fetch(`${apiBase}/api/health/ready`).catch(() => null);
  if (!res) return null;
  const body = await res.json().catch(() => null);
  return body?.checks?.pool ?? null;
}

async function main() {
  const tStart = performance.now();
  const loadAtStart = loadAverage();
  const CONNECTIONS = connectionsOption();
  const ROUNDS = intOption('rounds', 1, 100);
  const SECONDS = intOption('seconds', 1, 3600);
  const WARMUP = intOption('warmup', 0, 600);
  const COUNT_SECONDS = intOption('count-seconds', 1, 600);
  const MAX_SEQ = intOption('max-seq', 2, SEQ_LIMIT);
  const TIMEOUT_MS = intOption('timeout-ms', 100, 600_000);
  const LEARNERS = Math.max(...CONNECTIONS);
  if (unknownOptions.length)
    log(`ignoring ${unknownOptions.map((o) => `--${o}`).join(', ')} (options of other benchmarks)`);
  if (!existsSync(path.join(DIST, 'main.js')))
    throw new Error(
      'apps/api/dist is missing: build the API first with `npx tsc -b apps/api/tsconfig.app.json`.',
    );
  const stale = staleBuilds();
  if (stale.length)
    log(
      `WARNING: ${stale.length} source file(s) newer than their build (${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', …' : ''}); rebuild with \`npx tsc -b apps/api/tsconfig.app.json\`.`,
    );
  const git = gitState();
  const label = (
    args.label ?? `commit ${git.commit ?? 'unknown'}${git.dirty ? ' + uncommitted changes' : ''}`
  ).trim();
  log(
    `connections=${CONNECTIONS.join(',')} rounds=${ROUNDS} seconds=${SECONDS} warmup=${WARMUP} count-seconds=${COUNT_SECONDS}, ` +
      `label="${label}", database=${usedDatabaseUrl ? 'DATABASE_URL' : DEFAULT_SERVER}/${BENCH_DB}`,
  );

  // ---- the bench module, checked by the scenario engine before anything starts ----
  const [{ validateModule }, { RED_FLAG_KEYS }] = await Promise.all([
    import('@countersign/scenario-engine'),
    import('@countersign/curriculum'),
  ]);
  const content = moduleContent();
  const validation = validateModule(content, { redFlagKeys: RED_FLAG_KEYS });
  if (!validation.ok)
    throw new Error(
      `the bench module does not validate: ${validation.issues.map((i) => i.message).join('; ')}`,
    );

  // ---- database, API, administrator, module, learners ----
  const tSetup = performance.now();
  await dropBenchDatabase();
  await withAdmin((c) => c.query(`CREATE DATABASE ${BENCH_DB}`));
  dropAtExit = true;
  const api1 = await startApi(benchUrl.toString(), 'api');
  children.api = api1;
  apiBase = api1.base;
  log(`API up on ${apiBase} (pid ${api1.child.pid}) in ${api1.bootMs} ms`);
  db = new pg.Client({ connectionString: benchUrl.toString(), application_name: 'countersign-bench' });
  await db.connect();
  await db.query(`CREATE TABLE bare_event (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      attempt_id uuid NOT NULL,
      seq integer NOT NULL CHECK (seq >= 0),
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (attempt_id, seq))`);

  const reportedPool = await apiPool();
  const pools = {
    api: reportedPool?.max ?? DEFAULT_API_POOL,
    apiSource: reportedPool ? 'as /api/health/ready reports it' : 'the default of data-source-options.ts',
  };
  pools.bare = pools.api;

  const { admin, moduleOf, modules, dueDate, learners, loginMs } = await setUpLearners(db, content, LEARNERS);
  log(`${LEARNERS} learners signed in (${(loginMs / 1000).toFixed(1)} s) and started an attempt`);

  // A learner near the seq limit gets a new assignment (of another copy of the module) and attempt.
  let refreshes = 0;
  const refreshLearner = async ({ index }) => {
    const l = learners[index];
    const generation = l.generation + 1;
    const nextModule = await moduleOf(generation);
    await call(admin, 'POST', '/api/assignments', { moduleId: nextModule, dueDate, userIds: [l.userId] });
    Object.assign(l, { generation, ...(await startAttempt(l, nextModule)) });
    refreshes++;
    return { generation, assignmentId: l.assignmentId, attemptId: l.attemptId, seq: l.seq, stepId: l.stepId };
  };

  const bare1 = await startBare(benchUrl.toString(), pools.bare);
  children.bare = bare1;
  const load = startLoadGenerator(refreshLearner);
  children.load = load;
  load.child.send({ type: 'init', learners, timeoutMs: TIMEOUT_MS, maxSeq: MAX_SEQ });
  await load.ready;
  await load.ask({ type: 'ports', ports: { api: api1.port, bare: bare1.port } });
  const setupMs = since(tSetup);

  // ---- timed rounds: interleaved, each after a warm-up, directly against PostgreSQL ----
  const loadBeforeRounds = loadAverage();
  const tRounds = performance.now();
  const rounds = [];
  const servers = { api: api1, bare: bare1 };
  const runOnce = async (target, connections, seconds) => {
    const result = await load.ask(
      { type: 'run', target, connections, seconds },
      (seconds + 60) * 1000 + TIMEOUT_MS * 2,
    );
    return result.result;
  };
  for (const connections of CONNECTIONS) {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const target of ['bare', 'api']) {
        if (WARMUP > 0) await runOnce(target, connections, WARMUP);
        const monitor = cpuMonitor(db, {
          serverPid: servers[target].child.pid,
          appName: target === 'api' ? API_APP_NAME : BARE_APP_NAME,
          loadPid: load.child.pid,
        });
        await monitor.start();
        let pool = null;
        const poolSample =
          target === 'api' && reportedPool
            ? sleep((SECONDS * 1000) / 2).then(async () => {
                pool = await apiPool();
              })
            : Promise.resolve();
        const r = await runOnce(target, connections, SECONDS);
        const cpu = await monitor.stop();
        await poolSample;
        const per = (ms) => (r.responses ? ms / r.responses : null);
        const row = {
          round,
          ...r,
          choicesPerSecond: (r.ok / r.wallMs) * 1000,
          requestsPerSecond: (r.responses / r.wallMs) * 1000,
          bytesPerResponse: r.responses ? r.bytes / r.responses : 0,
          cpu: {
            ...cpu,
            serverMsPerRequest: per(cpu.serverMs),
            pgMsPerRequest: per(cpu.pgMs),
            totalMsPerRequest: per(cpu.serverMs + cpu.pgMs),
            loadMsPerRequest: per(cpu.loadMs),
          },
          pool: pool && { size: pool.size, idle: pool.idle, waiting: pool.waiting },
        };
        delete row.totals;
        rounds.push(row);
        log(
          `round ${round} ${String(connections).padStart(4)} conns ${target.padEnd(4)} ${fixed(row.choicesPerSecond, 0).padStart(6)} choices/s  ` +
            `p50 ${fixed(r.latency?.p50Ms).padStart(7)} ms  p99 ${fixed(r.latency?.p99Ms).padStart(7)} ms  non-200 ${nonOk(r.statuses)}  ` +
            `CPU/choice ${fixed(row.cpu.serverMsPerRequest, 2)} + ${fixed(row.cpu.pgMsPerRequest, 2)} PG ms` +
            (row.pool ? `  pool ${row.pool.size}/${row.pool.waiting} waiting` : ''),
        );
      }
    }
  }
  const roundsMs = since(tRounds);

  // ---- counting round: fresh server processes whose database connections go through the proxy ----
  await Promise.all([api1.stop(), bare1.stop()]);
  children.api = children.bare = null;
  const pgHost = benchUrl.hostname || '127.0.0.1';
  const pgPort = Number(benchUrl.port || 5432);
  const apiProxy = await countingProxy(pgHost, pgPort);
  const bareProxy = await countingProxy(pgHost, pgPort);
  proxies.push(apiProxy, bareProxy);
  const api2 = await startApi(urlVia(apiProxy.port), 'api (counting)');
  children.api = api2;
  apiBase = api2.base;
  const bare2 = await startBare(urlVia(bareProxy.port), pools.bare);
  children.bare = bare2;
  await load.ask({ type: 'ports', ports: { api: api2.port, bare: bare2.port } });
  // Every learner reads its attempt back from the new API process: the server must agree with the
  // load generator's count (this also warms the new process, as a warm-up round would).
  const resynced = await load.ask({ type: 'resync' });
  const countConnections = CONNECTIONS[0];
  const counting = { connections: countConnections, seconds: COUNT_SECONDS };
  for (const [target, proxy] of [
    ['bare', bareProxy],
    ['api', apiProxy],
  ]) {
    await runOnce(target, countConnections, Math.max(1, WARMUP));
    proxy.reset();
    const r = await runOnce(target, countConnections, COUNT_SECONDS);
    const messages = proxy.snapshot();
    const statements = (messages.Q ?? 0) + (messages.E ?? 0);
    const roundTrips = (messages.Q ?? 0) + (messages.S ?? 0);
    counting[target] = {
      responses: r.responses,
      ok: r.ok,
      rereads: r.rereads,
      statuses: r.statuses,
      messages,
      statementsPerChoice: r.responses ? statements / r.responses : null,
      roundTripsPerChoice: r.responses ? roundTrips / r.responses : null,
      connectionsOpened: proxy.counts.connections,
      encryptedConnections: proxy.counts.encrypted,
    };
    log(
      `counting ${target.padEnd(4)} ${r.responses} answers: ${fixed(counting[target].statementsPerChoice, 2)} statements, ` +
        `${fixed(counting[target].roundTripsPerChoice, 2)} round trips per choice (${JSON.stringify(messages)})`,
    );
  }

  // ---- the end: what the load generator counted against what the database holds ----
  const final = await load.ask({ type: 'learners' });
  await Promise.all([api2.stop(), bare2.stop(), load.stop()]);
  children.api = children.bare = children.load = null;
  for (const p of proxies.splice(0)) await p.close();
  const loadAtEnd = loadAverage();

  const t = final.totals;
  const {
    rows: [events],
  } = await db.query(`SELECT count(*)::int AS choices FROM attempt_event WHERE type = 'choice'`);
  const {
    rows: [attempts],
  } = await db.query(
    `SELECT count(*)::int AS attempts,
            count(*) FILTER (WHERE a.choices_made <> coalesce(e.n, 0))::int AS mismatched
       FROM attempt a
       LEFT JOIN (SELECT attempt_id, count(*)::int AS n FROM attempt_event WHERE type = 'choice' GROUP BY attempt_id) e
         ON e.attempt_id = a.id`,
  );
  const { rows: current } = await db.query(
    `SELECT id, choices_made FROM attempt WHERE id = ANY($1::uuid[])`,
    [final.learners.map((l) => l.attemptId)],
  );
  const madeOf = new Map(current.map((r) => [r.id, r.choices_made]));
  const seqMismatches = final.learners.filter((l) => madeOf.get(l.attemptId) !== l.seq).length;
  const {
    rows: [bareRows],
  } = await db.query(
    `SELECT count(*)::int AS n, count(DISTINCT attempt_id)::int AS attempts FROM bare_event`,
  );
  const { rows: bareByAttempt } = await db.query(
    `SELECT attempt_id, count(*)::int AS n, max(seq) AS max_seq FROM bare_event GROUP BY attempt_id`,
  );
  const bareOf = new Map(bareByAttempt.map((r) => [r.attempt_id, r]));
  const bareMismatches = final.learners.filter((l) => {
    const row = bareOf.get(l.bareAttemptId);
    return l.bareSeq === 0 ? row !== undefined : row?.n !== l.bareSeq || row.max_seq !== l.bareSeq - 1;
  }).length;
  const {
    rows: [pgInfo],
  } = await db.query(
    `SELECT version() AS version, current_setting('shared_buffers') AS shared_buffers,
            current_setting('synchronous_commit') AS synchronous_commit, current_setting('fsync') AS fsync,
            current_setting('wal_sync_method') AS wal_sync_method, current_setting('autovacuum') AS autovacuum,
            current_setting('max_connections') AS max_connections`,
  );

  const checks = [
    {
      name:
        `choice rows in attempt_event (${events.choices}) = 200 answers counted (${t.apiOk})` +
        (t.apiAhead ? ` + ${t.apiAhead} recorded without a 200 (found on re-reading the attempt)` : '') +
        ': no choice lost or duplicated',
      ok: events.choices === t.apiOk + t.apiAhead && t.apiBehind === 0,
    },
    {
      name: `every attempt's choices_made equals its count of choice events (${attempts.attempts} attempts, ${attempts.mismatched} differ)`,
      ok: attempts.mismatched === 0,
    },
    {
      name: `each learner's seq equals its attempt's choices_made (${seqMismatches} of ${final.learners.length} differ)`,
      ok: seqMismatches === 0,
    },
    {
      name: `the restarted API agreed with every learner's count (${resynced.mismatched} differed, ${resynced.failed} could not be read)`,
      ok: resynced.mismatched === 0 && resynced.failed === 0,
    },
    {
      name:
        `bare_event rows (${bareRows.n}) = bare 200 answers (${t.bareOk})` +
        (t.bareAhead ? ` + ${t.bareAhead} stored without a 200` : '') +
        `, each learner's seq 0..n-1 (${bareMismatches} differ)`,
      ok: bareRows.n === t.bareOk + t.bareAhead && bareMismatches === 0,
    },
    {
      name: 'the counting proxy saw only unencrypted connections',
      ok: !counting.api.encryptedConnections && !counting.bare.encryptedConnections,
    },
  ];
  for (const c of checks) if (!c.ok) log(`CHECK FAILED: ${c.name}`);

  // ---- medians per number of connections, and what looks wrong ----
  const summary = CONNECTIONS.map((connections) => {
    const pick = (target) => {
      const rs = rounds.filter((r) => r.connections === connections && r.target === target);
      const statuses = {};
      for (const r of rs)
        for (const [s, n] of Object.entries(r.statuses)) statuses[s] = (statuses[s] ?? 0) + n;
      return {
        rounds: rs.length,
        choicesPerSecond: median(rs.map((r) => r.choicesPerSecond)),
        p50Ms: median(rs.map((r) => r.latency?.p50Ms)),
        p95Ms: median(rs.map((r) => r.latency?.p95Ms)),
        p99Ms: median(rs.map((r) => r.latency?.p99Ms)),
        serverCpuMs: median(rs.map((r) => r.cpu.serverMsPerRequest)),
        pgCpuMs: median(rs.map((r) => r.cpu.pgMsPerRequest)),
        totalCpuMs: median(rs.map((r) => r.cpu.totalMsPerRequest)),
        loadCpuMs: median(rs.map((r) => r.cpu.loadMsPerRequest)),
        statuses,
        nonOk: nonOk(statuses),
      };
    };
    const bare = pick('bare');
    const api = pick('api');
    const keys = ['choicesPerSecond', 'p50Ms', 'p95Ms', 'p99Ms', 'serverCpuMs', 'pgCpuMs', 'totalCpuMs'];
    return {
      connections,
      bare,
      api,
      ratio: {
        ...Object.fromEntries(keys.map((k) => [k, ratio(api[k], bare[k])])),
        statementsPerChoice: ratio(counting.api.statementsPerChoice, counting.bare.statementsPerChoice),
        roundTripsPerChoice: ratio(counting.api.roundTripsPerChoice, counting.bare.roundTripsPerChoice),
      },
    };
  });

  const concerns = [];
  for (const r of rounds) {
    const bad = Object.entries(r.statuses).filter(([s]) => s !== '200');
    if (bad.length)
      concerns.push(
        `Round ${r.round}, ${r.connections} connections, ${TARGET_NAME[r.target]}: ${nonOk(r.statuses)} of ${r.responses} answers.`,
      );
    if (r.responses === 0)
      concerns.push(
        `Round ${r.round}, ${r.connections} connections, ${TARGET_NAME[r.target]}: no answer at all.`,
      );
    if (r.latency && r.latency.maxMs > TIMEOUT_MS / 2)
      concerns.push(
        `Round ${r.round}, ${r.connections} connections, ${TARGET_NAME[r.target]}: slowest answer ${Math.round(r.latency.maxMs)} ms.`,
      );
    if (r.pool?.waiting > 0 && r.target === 'api')
      concerns.push(
        `Round ${r.round}, ${r.connections} connections: ${r.pool.waiting} requests waiting for the API's pool mid-round.`,
      );
  }
  for (const target of ['api', 'bare']) {
    const bad = Object.entries(counting[target].statuses).filter(([s]) => s !== '200');
    if (bad.length)
      concerns.push(`Counting round, ${TARGET_NAME[target]}: ${nonOk(counting[target].statuses)}.`);
  }
  const errorLines = Object.entries(apiLog.byLevel)
    .filter(([level]) => Number(level) >= 50)
    .reduce((a, [, n]) => a + n, 0);
  if (errorLines) concerns.push(`The API logged ${errorLines} line(s) at error level or above.`);
  if (refreshes)
    concerns.push(`${refreshes} learner(s) reached --max-seq ${MAX_SEQ} and started a fresh attempt.`);

  const totalMs = since(tStart);
  const machine = {
    ...machineDescription(),
    clockTicksPerSecond: CLK_TCK,
    postgres: pgInfo.version,
    postgresSettings: {
      shared_buffers: pgInfo.shared_buffers,
      synchronous_commit: pgInfo.synchronous_commit,
      fsync: pgInfo.fsync,
      wal_sync_method: pgInfo.wal_sync_method,
      autovacuum: pgInfo.autovacuum,
      max_connections: pgInfo.max_connections,
    },
    tuningEnv: tuningEnv(),
    usedDatabaseUrl,
  };
  const run = {
    label,
    git,
    finishedAt: new Date().toISOString(),
    parameters: {
      connections: CONNECTIONS,
      rounds: ROUNDS,
      seconds: SECONDS,
      warmup: WARMUP,
      countSeconds: COUNT_SECONDS,
      maxSeq: MAX_SEQ,
      timeoutMs: TIMEOUT_MS,
    },
    machine,
    loadAverage: { start: loadAtStart, beforeRounds: loadBeforeRounds, end: loadAtEnd },
    timings: { setupMs, loginMs, roundsMs, totalMs, apiBootMs: api1.bootMs },
    staleSources: stale,
    learners: LEARNERS,
    pools,
    module: {
      steps: content.scenario.steps.length,
      cycle: 'desk → look-at-profile → profile → back-to-message → desk',
      contentBytes: Buffer.byteLength(JSON.stringify(content)),
      copies: modules.size,
    },
    summary,
    rounds,
    counting,
    totals: t,
    refreshes,
    apiLog,
    checks,
    concerns,
  };

  // One file per day; a rerun replaces only the earlier run with the same label and parameters.
  const date = new Date().toISOString().slice(0, 10);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const jsonPath = path.join(RESULTS_DIR, `write-path-${date}.json`);
  const report = { benchmark: 'write-path', date, machine, runs: [] };
  if (existsSync(jsonPath)) {
    try {
      const previous = JSON.parse(readFileSync(jsonPath, 'utf8'));
      if (Array.isArray(previous.runs)) report.runs = previous.runs;
    } catch {
      /* unreadable: start afresh */
    }
  }
  const sameRun = (r) => r.label === label && JSON.stringify(r.parameters) === JSON.stringify(run.parameters);
  report.runs = report.runs.filter((r) => !sameRun(r));
  report.runs.push(run);
  report.runs.sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(RESULTS_DIR, `write-path-${date}.md`), `${markdown(report)}\n`);

  await cleanup();
  process.stdout.write(`\n${runMarkdown(run)}\n`);
  process.stdout.write(
    `Total ${(totalMs / 1000).toFixed(1)} s. Results: ${path.relative(ROOT, jsonPath)}, ${path.relative(ROOT, jsonPath).replace(/json$/, 'md')}\n`,
  );
  if (checks.some((c) => !c.ok)) {
    process.stdout.write('Some checks FAILED (see above).\n');
    process.exitCode = 1;
  }
}

/** Rewrites a day's Markdown from its JSON (after editing a label, say), without running anything. */
function renderOnly(date) {
  const jsonPath = path.join(RESULTS_DIR, `write-path-${date}.json`);
  const report = JSON.parse(readFileSync(jsonPath, 'utf8'));
  writeFileSync(path.join(RESULTS_DIR, `write-path-${date}.md`), `${markdown(report)}\n`);
  log(`rewrote ${path.relative(ROOT, jsonPath).replace(/json$/, 'md')}`);
}

if (!IS_ENTRY) {
  // Imported by another benchmark: only the exports are wanted.
} else if (typeof args['render-only'] === 'string') {
  renderOnly(args['render-only']);
} else if (args['serve-bare']) {
  serveBare();
} else if (args.load) {
  runLoadGenerator();
} else {
  runBench(main, cleanup);
}
