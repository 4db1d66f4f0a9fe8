#!/usr/bin/env node
/**
 * Authoring benchmark: image uploads, image serving, draft autosave, publish, diff, export/import.
 *
 *   node bench/authoring.bench.mjs [--uploads 30] [--concurrency 4] [--fetch-seconds 3]
 *                                  [--fetch-concurrency 8] [--saves 30] [--repeats 5]
 *                                  [--label TEXT] [--keep-db]
 *
 * 1. Generates the test images in this process before anything is timed: a 4000×3000 JPEG photo
 *    of about 1.9 MB with EXIF (camera, date, GPS position, orientation 6), a 1920×1080 PNG
 *    screenshot of about 1 MB and a 400×400 WebP avatar; each upload gets its own variant (one
 *    16×16 block recoloured), so the server's deduplication never answers from an earlier upload.
 * 2. Creates a fresh database `countersign_bench_authoring` (dropped first WITH (FORCE), dropped
 *    again at the end unless --keep-db) on DATABASE_URL's server, or on
 *    postgres://postgres@127.0.0.1:5432.
 * 3. Boots the real API from apps/api/dist (createApp + runMigrations) in a child process of its
 *    own, so that its memory (RSS, peak RSS from /proc) and its CPU are the server's alone.
 * 4. Signs in as an administrator and times, over HTTP: uploads (sequential and concurrent),
 *    GET /api/media/:id (full body and the 304 path), autosaves of the largest built-in module,
 *    publish, diff, and export/import of a version with 3 images (into a second organisation).
 * 5. Writes bench/results/authoring-<date>.{json,md}.
 *
 * Needs the API built first: `npx tsc -b apps/api/tsconfig.app.json`. See bench/README.md.
 */
import 'reflect-metadata';
import { Blob, Buffer } from 'node:buffer';
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setInterval, clearInterval } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
  round1,
  runBench,
  since,
} from './bench-kit.mjs';

const BENCH_FILE = fileURLToPath(import.meta.url);
const DIST = path.join(ROOT, 'apps/api/dist');
const RESULTS_DIR = path.join(BENCH_DIR, 'results');
/** Its own name, so that it never collides with the progress-report benchmark's database. */
const BENCH_DB = 'countersign_bench_authoring';
const ADMIN_PASSWORD = 'bench-admin-password-2026';
const AUTHOR_EMAIL = 'author@bench-authoring.example';
const IMPORTER_EMAIL = 'importer@bench-importer.example';
const WARMUP = 2;
/** Upload limit and stored size, as in libs/contracts/src/media (checked against the responses). */
const MAX_MEDIA_BYTES = 2 * 1024 * 1024;
const MAX_MEDIA_DIMENSION = 1600;
/** What the brief for this benchmark calls surprising: reported under "Concerns". */
const SLOW_UPLOAD_MS = 1000;
const MEMORY_GROWTH_MIB = 300;

/**
 * sharp and TypeORM exactly as the built API resolves them (apps/api's node_modules chain): the
 * server process reads its libvips cache through the same native library the API uses.
 */
const requireFromApi = createRequire(path.join(ROOT, 'apps/api/package.json'));
const sharp = requireFromApi('sharp');
/** Node 20 globals that the workspace lint config does not list. */
const { FormData, structuredClone } = globalThis;

const OPTIONS = {
  uploads: { type: 'string', default: '30' },
  concurrency: { type: 'string', default: '4' },
  'fetch-seconds': { type: 'string', default: '3' },
  'fetch-concurrency': { type: 'string', default: '8' },
  saves: { type: 'string', default: '30' },
  repeats: { type: 'string', default: '5' },
  label: { type: 'string' },
  'keep-db': { type: 'boolean', default: false },
  'render-only': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  /** Internal: the child process that runs the API. */
  serve: { type: 'boolean', default: false },
};
// Not strict: `npm run bench -- --people 10000` passes its arguments to every benchmark, and the
// progress-report options mean nothing here.
const { values: args } = parseArgs({ options: OPTIONS, strict: false, allowPositionals: true });
const unknownOptions = Object.keys(args).filter((k) => !(k in OPTIONS));

if (args.help) {
  process.stdout.write(
    'Usage: node bench/authoring.bench.mjs [--uploads N (default 30; per image and mode)]\n' +
      '         [--concurrency N (default 4; concurrent upload clients)]\n' +
      '         [--fetch-seconds S (default 3; per GET /api/media measurement)] [--fetch-concurrency N (default 8)]\n' +
      '         [--saves N (default 30; draft autosaves)] [--repeats N (default 5; diff ×2, export, import)]\n' +
      '         [--label TEXT (names the run; default: the git commit)] [--keep-db]\n' +
      '       node bench/authoring.bench.mjs --render-only YYYY-MM-DD\n' +
      '         (rewrite bench/results/authoring-YYYY-MM-DD.md from its .json; runs nothing)\n',
  );
  process.exit(0);
}

function positiveInt(name, min) {
  const raw = args[name];
  const n = typeof raw === 'string' ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`--${name} must be an integer >= ${min} (got ${JSON.stringify(raw)})\n`);
    process.exit(2);
  }
  return n;
}

const mib = (bytes) => round1(bytes / 2 ** 20);
const signed = (n) => (n < 0 ? String(n) : `+${n}`);

// ---------------------------------------------------------------------------------------------
// Database targets
// ---------------------------------------------------------------------------------------------

const { usedDatabaseUrl, benchUrl, withAdmin, dropBenchDatabase } = benchDatabase(BENCH_DB);

// ---------------------------------------------------------------------------------------------
// The API process (`--serve`): the real application, nothing else
// ---------------------------------------------------------------------------------------------

/**
 * Runs in the child: boots the API, creates the two organisations (through OrganisationsService,
 * so the built-in modules are installed and published) and an administrator in each, then
 * answers the parent's memory questions until told to stop.
 */
async function serve() {
  const load = (rel) => import(pathToFileURL(path.join(DIST, rel)).href);
  const [{ createApp, runMigrations }, { loadConfig }, { OrganisationsService }, { hashPassword }] =
    await Promise.all([
      load('app.factory.js'),
      load('config/config.js'),
      load('modules/organisations/organisations.service.js'),
      load('modules/auth/auth.service.js'),
    ]);
  const { DataSource } = requireFromApi('typeorm');
  const url = process.env.BENCH_DATABASE_URL;
  const tBoot = performance.now();
  // Configured from scratch: stray environment variables do not leak in.
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'false',
    WEB_DIST: '',
    DATABASE_URL: url,
  });
  const app = await createApp(config, url);
  const migrations = await runMigrations(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address();
  const bootMs = since(tBoot);

  const organisations = app.get(OrganisationsService);
  const dataSource = app.get(DataSource);
  const hash = await hashPassword(ADMIN_PASSWORD);
  for (const [name, slug, email] of [
    ['Bench Authoring', 'bench-authoring', AUTHOR_EMAIL],
    ['Bench Importer', 'bench-importer', IMPORTER_EMAIL],
  ]) {
    const org = await organisations.create(name, slug);
    await dataSource.query(
      `INSERT INTO app_user (organisation_id, email, name, role, sensitivity_tier, password_hash)
       VALUES ($1, $2, $3, 'admin', 'standard', $4)`,
      [org.id, email, `${name} Admin`, hash],
    );
  }

  // Peak RSS, sampled, for systems without /proc/<pid>/status (the parent prefers VmHWM).
  let sampledPeak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
  }, 25);
  process.on('message', async (message) => {
    if (message.type === 'memory') {
      if (message.gc && globalThis.gc) {
        globalThis.gc();
        await sleep(250);
      }
      const usage = process.memoryUsage();
      sampledPeak = Math.max(sampledPeak, usage.rss);
      process.send({ type: 'memory', id: message.id, usage, sampledPeak, sharpCache: sharp.cache() });
      if (message.resetPeak) sampledPeak = usage.rss;
    } else if (message.type === 'stop') {
      clearInterval(sampler);
      await app.close().catch(() => undefined);
      process.exit(0);
    }
  });
  // The parent is gone (crashed, killed): do not linger.
  process.on('disconnect', () => process.exit(0));
  process.send({
    type: 'ready',
    port,
    bootMs,
    migrations: Array.isArray(migrations) ? migrations : [String(migrations)],
    sharp: {
      version: sharp.versions.sharp,
      vips: sharp.versions.vips,
      concurrency: sharp.concurrency(),
      simd: sharp.simd(),
    },
    uvThreadpoolSize: process.env.UV_THREADPOOL_SIZE ?? '4 (default)',
    // glibc's allocator setting: sharp keeps 1 libvips thread per image unless it is set (or jemalloc is used).
    mallocArenaMax: process.env.MALLOC_ARENA_MAX ?? null,
  });
}

/** Starts the API process and waits for it to listen. */
function startServer() {
  return new Promise((resolve, reject) => {
    const child = fork(BENCH_FILE, ['--serve'], {
      env: { ...process.env, BENCH_DATABASE_URL: benchUrl.toString() },
      // gc is exposed only so that the final "after GC" figure can be taken; nothing else calls it.
      execArgv: ['--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const pending = new Map();
    let nextId = 1;
    child.on('message', (message) => {
      if (message.type === 'ready') resolve({ child, ready: message, ask });
      else if (message.type === 'memory') {
        pending.get(message.id)?.(message);
        pending.delete(message.id);
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`the API process exited with code ${code} before it was ready`)),
    );
    child.once('error', reject);
    function ask(request) {
      const id = nextId++;
      return new Promise((answer) => {
        pending.set(id, answer);
        child.send({ ...request, id });
      });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Memory of the API process
// ---------------------------------------------------------------------------------------------

function procStatus(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rss: kib('VmRSS') * 1024, hwm: kib('VmHWM') * 1024 };
  } catch {
    return null;
  }
}

/**
 * RSS and peak RSS of the API process. The peak is the kernel's high-water mark (VmHWM), reset
 * between phases through /proc/<pid>/clear_refs, so it catches spikes between samples; where
 * /proc is not available, the child's own 25 ms samples stand in.
 */
function memoryProbe(server) {
  const pid = server.child.pid;
  const canReset = (() => {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
      return procStatus(pid) !== null;
    } catch {
      return false;
    }
  })();
  const peakSource = canReset ? 'VmHWM (kernel high-water mark)' : 'sampled every 25 ms in the API process';
  return {
    peakSource,
    async read({ resetPeak = false, gc = false } = {}) {
      const answer = await server.ask({ type: 'memory', resetPeak: resetPeak && !canReset, gc });
      const proc = procStatus(pid);
      if (resetPeak && canReset) writeFileSync(`/proc/${pid}/clear_refs`, '5');
      return {
        rssMiB: mib(proc?.rss ?? answer.usage.rss),
        peakRssMiB: mib(canReset ? proc.hwm : answer.sampledPeak),
        heapUsedMiB: mib(answer.usage.heapUsed),
        heapTotalMiB: mib(answer.usage.heapTotal),
        externalMiB: mib(answer.usage.external),
        arrayBuffersMiB: mib(answer.usage.arrayBuffers),
        vipsCacheMiB: answer.sharpCache?.memory?.current ?? null,
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Test images (generated before anything is timed)
// ---------------------------------------------------------------------------------------------

/** Deterministic noise, so reruns upload the same images. */
function random(seed) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}
const clamp = (v) => (v < 0 ? 0 : v > 255 ? 255 : v);

/** Smooth gradients plus sensor-like noise: compresses like a photo, not like a flat graphic. */
function photoPixels(width, height, seed) {
  const rnd = random(seed);
  const raw = Buffer.alloc(width * height * 3);
  const colR = Float64Array.from({ length: width }, (_, x) => 100 * Math.sin(x / 300));
  const rowG = Float64Array.from({ length: height }, (_, y) => 80 * Math.cos(y / 250));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const n = (rnd() - 0.5) * 20;
      raw[i] = clamp(120 + colR[x] + n);
      raw[i + 1] = clamp(110 + rowG[y] + n);
      raw[i + 2] = clamp(90 + 0.5 * (colR[x] + rowG[y]) + n);
    }
  }
  return raw;
}

/** A UI: header bar, sidebar, lines of "text" and a noisy picture whose size sets the file size. */
function screenshotPixels(width, height, pictureHeight, seed) {
  const rnd = random(seed);
  const raw = Buffer.alloc(width * height * 3, 255);
  const fill = (x0, y0, w, h, r, g, b) => {
    for (let y = y0; y < Math.min(height, y0 + h); y++)
      for (let x = x0; x < Math.min(width, x0 + w); x++) {
        const i = (y * width + x) * 3;
        raw[i] = r;
        raw[i + 1] = g;
        raw[i + 2] = b;
      }
  };
  fill(0, 0, width, 56, 34, 49, 84);
  fill(0, 56, 260, height - 56, 244, 246, 250);
  for (let y = 80; y < height; y += 28) fill(20, y, 120 + Math.floor(rnd() * 100), 10, 90, 100, 120);
  for (let y = 90; y < height - 20; y += 22) {
    let x = 300;
    while (x < (y < 600 ? width - 40 : 1100)) {
      const w = 8 + Math.floor(rnd() * 60);
      fill(x, y, w, 10, 40 + Math.floor(rnd() * 40), 40, 60);
      x += w + 6;
    }
  }
  const [px, py, pw] = [1150, height - pictureHeight - 20, 740];
  for (let y = py; y < py + pictureHeight; y++)
    for (let x = px; x < px + pw; x++) {
      const i = (y * width + x) * 3;
      const n = (rnd() - 0.5) * 60;
      raw[i] = clamp(120 + 60 * Math.sin(x / 50) + n);
      raw[i + 1] = clamp(130 + 50 * Math.cos(y / 40) + n);
      raw[i + 2] = clamp(100 + n);
    }
  return raw;
}

/** Recolours one 16×16 block, placed and coloured by `index`: a distinct image per upload. */
function variant(raw, width, height, index) {
  const copy = Buffer.from(raw);
  const cols = Math.floor(width / 16);
  const rows = Math.floor(height / 16);
  const bx = ((index * 37) % cols) * 16;
  const by = ((Math.floor((index * 37) / cols) + index * 11) % rows) * 16;
  for (let y = by; y < by + 16; y++)
    for (let x = bx; x < bx + 16; x++) {
      const i = (y * width + x) * 3;
      copy[i] = (index * 67) % 256;
      copy[i + 1] = (index * 151 + 80) % 256;
      copy[i + 2] = 255 - ((index * 29) % 256);
    }
  return copy;
}

const PHOTO_EXIF = {
  IFD0: { Make: 'BenchCam', Model: 'Bench One', Copyright: 'Countersign bench', Artist: 'A. Author' },
  IFD2: { DateTimeOriginal: '2026:11:27 09:30:00' },
  IFD3: {
    GPSLatitudeRef: 'N',
    GPSLatitude: '51/1 30/1 2637/100',
    GPSLongitudeRef: 'W',
    GPSLongitude: '0/1 7/1 3972/100',
  },
};

/**
 * The three kinds of image, each with `count` distinct variants. The photo's JPEG quality is the
 * highest that keeps it under 1.95 MB (the upload limit is 2 MiB); the screenshot's noisy picture
 * grows until the PNG reaches 1 MB.
 */
async function generateImages(count) {
  const t0 = performance.now();
  const raw = (width, height) => ({ raw: { width, height, channels: 3 } });
  const parallel = Math.max(1, os.cpus().length);
  const variants = async (make) => {
    const out = [];
    for (let i = 0; i < count; i += parallel)
      out.push(
        ...(await Promise.all(Array.from({ length: Math.min(parallel, count - i) }, (_, j) => make(i + j)))),
      );
    return out;
  };

  // Photo: 4000×3000 JPEG with EXIF and orientation 6 (a phone held upright).
  const [pw, ph] = [4000, 3000];
  const photo = photoPixels(pw, ph, 42);
  const encodePhoto = (pixels, quality) =>
    sharp(pixels, raw(pw, ph))
      .withExif(PHOTO_EXIF)
      .withMetadata({ orientation: 6 })
      .jpeg({ quality })
      .toBuffer();
  let [lo, hi, quality] = [40, 95, 40];
  while (lo <= hi) {
    const q = Math.floor((lo + hi) / 2);
    if ((await encodePhoto(photo, q)).length <= 1_950_000) [quality, lo] = [q, q + 1];
    else hi = q - 1;
  }
  const photos = await variants((i) => encodePhoto(variant(photo, pw, ph, i + 1), quality));

  // Screenshot: 1920×1080 PNG of about 1 MB.
  const [sw, sh] = [1920, 1080];
  let pictureHeight = 300;
  let screenshot;
  for (;;) {
    screenshot = screenshotPixels(sw, sh, pictureHeight, 7);
    if ((await sharp(screenshot, raw(sw, sh)).png().toBuffer()).length >= 1_000_000 || pictureHeight >= 1000)
      break;
    pictureHeight += 20;
  }
  const screenshots = await variants((i) =>
    sharp(variant(screenshot, sw, sh, i + 1), raw(sw, sh))
      .png()
      .toBuffer(),
  );

  // Avatar: 400×400 WebP.
  const avatar = photoPixels(400, 400, 3);
  const avatars = await variants((i) =>
    sharp(variant(avatar, 400, 400, i + 1), raw(400, 400))
      .webp({ quality: 80 })
      .toBuffer(),
  );

  const describe = (name, type, filename, width, height, list, extra) => ({
    name,
    type,
    filename,
    width,
    height,
    bytesMin: Math.min(...list.map((b) => b.length)),
    bytesMax: Math.max(...list.map((b) => b.length)),
    ...extra,
    variants: list,
  });
  const images = [
    describe('JPEG photo', 'image/jpeg', 'photo.jpg', pw, ph, photos, {
      quality,
      metadata: 'EXIF (camera, date, GPS), orientation 6',
    }),
    describe('PNG screenshot', 'image/png', 'screenshot.png', sw, sh, screenshots, {}),
    describe('WebP avatar', 'image/webp', 'avatar.webp', 400, 400, avatars, { quality: 80 }),
  ];
  for (const image of images)
    if (image.bytesMax > MAX_MEDIA_BYTES) throw new Error(`${image.name} is over the upload limit`);
  return { images, ms: since(t0) };
}

// ---------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------

function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: samples.length,
    minMs: round1(sorted[0]),
    p50Ms: round1(percentile(sorted, 50)),
    p95Ms: round1(percentile(sorted, 95)),
    maxMs: round1(sorted[sorted.length - 1]),
    meanMs: round1(samples.reduce((a, b) => a + b, 0) / samples.length),
  };
}

/** `work` i = 0..n-1 spread over `concurrency` clients; answers the per-request times and the wall time. */
async function pool(n, concurrency, work) {
  let next = 0;
  const samples = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      while (next < n) samples.push(await work(next++));
    }),
  );
  return { samples, wallMs: performance.now() - t0 };
}

async function signIn(baseUrl, email) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: ADMIN_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login as ${email} answered ${res.status}: ${await res.text()}`);
  const session = await res.json();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  /** One request, timed from fetch until the whole body is read. */
  const request = async (method, urlPath, { body, headers = {}, expect } = {}) => {
    const init = { method, headers: { cookie, ...headers } };
    if (method !== 'GET') init.headers['x-csrf-token'] = session.csrfToken;
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const t0 = performance.now();
    const res = await fetch(baseUrl + urlPath, init);
    const bytes = Buffer.from(await res.arrayBuffer());
    const ms = performance.now() - t0;
    const ok = expect ? res.status === expect : res.ok;
    if (!ok)
      throw new Error(`${method} ${urlPath} answered ${res.status}: ${bytes.toString('utf8').slice(0, 300)}`);
    const json = () => JSON.parse(bytes.toString('utf8'));
    return { ms, status: res.status, headers: res.headers, bytes, json };
  };
  return { request };
}

// ---------------------------------------------------------------------------------------------
// Phases
// ---------------------------------------------------------------------------------------------

/** Uploads, sequential then concurrent, per kind of image; each upload sends a variant of its own. */
async function benchUploads(client, images, phase) {
  const results = [];
  const firstAssets = {};
  const assetIds = new Set();
  let uploads = 0;
  const upload = async (image, index) => {
    const form = new FormData();
    form.append('file', new Blob([image.variants[index]], { type: image.type }), image.filename);
    const res = await client.request('POST', '/api/authoring/media', { body: form });
    const asset = res.json();
    assetIds.add(asset.id);
    uploads++;
    return { ms: res.ms, asset };
  };
  for (const image of images) {
    let cursor = 0;
    const take = (n) => {
      const start = cursor;
      cursor += n;
      return start;
    };
    const warm = take(WARMUP);
    for (let i = 0; i < WARMUP; i++) {
      const { asset } = await upload(image, warm + i);
      firstAssets[image.type] ??= asset;
    }
    for (const [mode, concurrency] of [
      ['sequential', 1],
      [`${CONCURRENCY} concurrent`, CONCURRENCY],
    ]) {
      const start = take(UPLOADS);
      const { value, memory } = await phase(`upload ${image.name}, ${mode}`, () =>
        pool(UPLOADS, concurrency, (i) => upload(image, start + i)),
      );
      const stored = value.samples[0].asset;
      const row = {
        image: image.name,
        mode,
        concurrency,
        ...summarise(value.samples.map((s) => s.ms)),
        perSecond: round1((UPLOADS / value.wallMs) * 1000),
        sentBytes: Math.round(
          image.variants.slice(start, start + UPLOADS).reduce((a, b) => a + b.length, 0) / UPLOADS,
        ),
        stored: {
          contentType: stored.contentType,
          width: stored.width,
          height: stored.height,
          bytes: Math.round(value.samples.reduce((a, s) => a + s.asset.bytes, 0) / value.samples.length),
        },
        memory,
      };
      results.push(row);
      log(
        `upload ${image.name.padEnd(15)} ${mode.padEnd(13)} p50 ${fmtMs(row.p50Ms)}  p95 ${fmtMs(row.p95Ms)}  max ${fmtMs(row.maxMs)}  ` +
          `${row.perSecond}/s  stored ${row.stored.width}×${row.stored.height} ${Math.round(row.stored.bytes / 1024)} KiB  ` +
          `peak RSS ${memory.peakRssMiB} MiB (${signed(memory.peakGrowthMiB)})`,
      );
    }
  }
  // The same image again answers with the asset already stored.
  const again = await upload(images[0], 0);
  return { results, firstAssets, distinct: assetIds.size, uploads, again: again.asset };
}

/** GET /api/media/:id at `FETCH_CONCURRENCY` for FETCH_SECONDS: full bodies, then the 304 path. */
async function benchMediaReads(client, assets, phase) {
  const results = [];
  const run = async (name, asset, headers, expect) => {
    const urlPath = `/api/media/${asset.id}`;
    for (let i = 0; i < FETCH_CONCURRENCY; i++) await client.request('GET', urlPath, { headers, expect });
    const { value, memory } = await phase(`GET media ${name}`, async () => {
      const samples = [];
      let bytes = 0;
      const deadline = performance.now() + FETCH_SECONDS * 1000;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: FETCH_CONCURRENCY }, async () => {
          while (performance.now() < deadline) {
            const res = await client.request('GET', urlPath, { headers, expect });
            samples.push(res.ms);
            bytes += res.bytes.length;
          }
        }),
      );
      return { samples, bytes, wallMs: performance.now() - t0 };
    });
    const row = {
      name,
      status: expect,
      concurrency: FETCH_CONCURRENCY,
      bodyBytes: Math.round(value.bytes / value.samples.length),
      requests: value.samples.length,
      perSecond: Math.round((value.samples.length / value.wallMs) * 1000),
      mibPerSecond: round1(value.bytes / 2 ** 20 / (value.wallMs / 1000)),
      ...summarise(value.samples),
      memory,
    };
    results.push(row);
    log(
      `GET media ${name.padEnd(34)} ${String(row.perSecond).padStart(5)} req/s  ${row.mibPerSecond} MiB/s  p50 ${fmtMs(row.p50Ms)}  p95 ${fmtMs(row.p95Ms)}`,
    );
  };
  for (const [label, asset] of assets) {
    const first = await client.request('GET', `/api/media/${asset.id}`);
    const etag = first.headers.get('etag');
    await run(`${label} (${Math.round(asset.bytes / 1024)} KiB), 200`, asset, {}, 200);
    // fetch (undici) adds `Cache-Control: no-cache` to a request with If-None-Match unless it has a
    // Cache-Control of its own, and Express never answers 304 to no-cache. A browser revalidating
    // (on reload) sends max-age=0, so this does too.
    await run(
      `${label}, 304 If-None-Match`,
      asset,
      { 'if-none-match': etag, 'cache-control': 'max-age=0' },
      304,
    );
  }
  return results;
}

/** The step whose narrative the autosaves extend (the longest, like an author writing prose). */
function longestNarrative(content) {
  return content.scenario.steps.reduce((a, b) => (b.narrative.length > a.narrative.length ? b : a));
}

const WORDS = 'the recruiter asked again about the project and offered a paid trip to discuss it'.split(' ');

/**
 * Autosaves of the largest built-in module (by content size) after duplicating it; publish; a
 * second version with a few steps and a question changed; diff between them.
 */
async function benchDrafts(client, phase) {
  // The built-in module with the largest content, as stored.
  const library = (await client.request('GET', '/api/authoring/modules')).json();
  let largest = null;
  for (const m of library.filter((x) => x.builtIn)) {
    const detail = (await client.request('GET', `/api/authoring/modules/${m.id}`)).json();
    const content = detail.published?.content ?? detail.draft?.content;
    const bytes = Buffer.byteLength(JSON.stringify(content));
    if (!largest || bytes > largest.bytes) largest = { id: m.id, slug: m.slug, bytes };
  }
  const duplicate = await client.request('POST', `/api/authoring/modules/${largest.id}/duplicate`);
  const copy = duplicate.json();
  const moduleId = copy.module.id;
  const content = structuredClone(copy.draft.content);
  let revision = copy.draft.revision;
  const stepBeingEdited = longestNarrative(content);
  const narrative = stepBeingEdited.narrative;

  // ---- autosave: every save adds a word to one narrative, like an author typing ----
  const saves = [];
  let bodyBytes = 0;
  let revisionsInOrder = true;
  let issues = 0;
  const { memory: saveMemory } = await phase('draft autosaves', async () => {
    for (let i = 0; i < WARMUP + SAVES; i++) {
      stepBeingEdited.narrative = `${narrative} ${WORDS.slice(0, (i % WORDS.length) + 1).join(' ')} (${i})`;
      const body = JSON.stringify({ content, baseRevision: revision });
      const res = await client.request('PUT', `/api/authoring/modules/${moduleId}/draft`, { body });
      const saved = res.json();
      if (saved.draft.revision !== revision + 1) revisionsInOrder = false;
      revision = saved.draft.revision;
      issues = saved.issues.length;
      if (i >= WARMUP) {
        saves.push(res.ms);
        bodyBytes = Buffer.byteLength(body);
      }
    }
  });
  const autosave = { ...summarise(saves), bodyBytes, issues, memory: saveMemory };
  log(
    `autosave (${Math.round(bodyBytes / 1024)} KiB body)        p50 ${fmtMs(autosave.p50Ms)}  p95 ${fmtMs(autosave.p95Ms)}  max ${fmtMs(autosave.maxMs)}`,
  );

  const publish = async (version) => {
    const res = await client.request('POST', `/api/authoring/modules/${moduleId}/publish`);
    const published = res.json().published;
    log(`publish v${version}                      ${fmtMs(res.ms)}`);
    return { version, ms: round1(res.ms), ok: published?.version === version };
  };
  const publishes = [await publish(1)];

  // ---- version 2: a third of the steps and one question reworded ----
  const v2 = structuredClone(content);
  v2.scenario.steps.forEach((step, i) => {
    if (i % 3 === 0) step.narrative = `${step.narrative}\n\nRevised for version 2.`;
  });
  v2.scenario.steps[1].title = `${v2.scenario.steps[1].title} (revised)`;
  v2.quiz.questions[0].explanation = `${v2.quiz.questions[0].explanation} Revised for version 2.`;
  await client.request('PUT', `/api/authoring/modules/${moduleId}/draft`, {
    body: { content: v2, baseRevision: null },
  });
  publishes.push(await publish(2));

  const diffSamples = [];
  let diff;
  for (let i = 0; i < WARMUP + REPEATS * 2; i++) {
    const res = await client.request('GET', `/api/authoring/modules/${moduleId}/diff?from=1&to=2`);
    if (i >= WARMUP) diffSamples.push(res.ms);
    diff = { bytes: res.bytes.length, json: res.json() };
  }
  const diffResult = {
    ...summarise(diffSamples),
    responseBytes: diff.bytes,
    changedSteps: diff.json.diff.steps.changed.length,
    changedQuestions: diff.json.diff.questions.changed.length,
  };
  log(
    `diff v1→v2 (${diffResult.changedSteps} steps, ${diffResult.changedQuestions} question changed) p50 ${fmtMs(diffResult.p50Ms)}  p95 ${fmtMs(diffResult.p95Ms)}`,
  );
  return {
    module: { slug: largest.slug, contentBytes: largest.bytes, steps: content.scenario.steps.length },
    moduleId,
    content: v2,
    autosave,
    revisionsInOrder,
    publishes,
    diff: diffResult,
  };
}

/**
 * Version 3 of the module carries 3 images (one of each kind) in profile cards; it is exported,
 * and the document imported into the second organisation (as when sharing a module).
 */
async function benchExportImport(author, importer, drafts, assets, phase) {
  const { moduleId } = drafts;
  const content = structuredClone(drafts.content);
  const profiles = content.scenario.steps.flatMap((s) => s.artefacts.filter((a) => a.kind === 'profile'));
  for (const step of content.scenario.steps) {
    if (profiles.length >= assets.length) break;
    if (step.artefacts.length >= 6) continue;
    const card = { kind: 'profile', name: 'Bench Person', headline: 'Benchmark profile', connections: 120 };
    step.artefacts.push(card);
    profiles.push(card);
  }
  assets.forEach((asset, i) => {
    profiles[i].photoUrl = asset.url;
  });
  await author.request('PUT', `/api/authoring/modules/${moduleId}/draft`, {
    body: { content, baseRevision: null },
  });
  const published = (await author.request('POST', `/api/authoring/modules/${moduleId}/publish`)).json();

  const exportPath = `/api/authoring/modules/${moduleId}/versions/3/export`;
  await author.request('GET', exportPath);
  const exports = [];
  let document;
  const { memory: exportMemory } = await phase('export', async () => {
    for (let i = 0; i < REPEATS; i++) {
      const res = await author.request('GET', exportPath);
      exports.push(res.ms);
      document = res.bytes;
    }
  });
  const parsed = JSON.parse(document.toString('utf8'));
  const imports = [];
  let imported;
  const { memory: importMemory } = await phase('import', async () => {
    for (let i = 0; i < REPEATS; i++) {
      const res = await importer.request('POST', '/api/authoring/modules/import', {
        body: document.toString('utf8'),
      });
      imports.push(res.ms);
      imported = res.json();
    }
  });
  const importedUrls = imported.draft.content.scenario.steps.flatMap((s) =>
    s.artefacts.filter((a) => a.kind === 'profile' && a.photoUrl).map((a) => a.photoUrl),
  );
  const readable = await Promise.all(
    importedUrls.map(async (url) => (await importer.request('GET', url)).status === 200),
  );
  const foreign = await importer.request('GET', assets[0].url, { expect: 404 }).catch(() => null);
  const result = {
    documentBytes: document.length,
    images: parsed.media.length,
    imageBytes: parsed.media.map((m) => Buffer.from(m.data, 'base64').length),
    export: { ...summarise(exports), memory: exportMemory },
    import: { ...summarise(imports), memory: importMemory },
    publishedV3: published.published?.version === 3,
    importedUrls,
    importedReadable: readable.length === 3 && readable.every(Boolean),
    importedIdsNew: importedUrls.every((u) => !assets.some((a) => a.url === u)),
    foreignAsset404: foreign?.status === 404,
  };
  log(
    `export v3 (${Math.round(result.documentBytes / 1024)} KiB, ${result.images} images)      p50 ${fmtMs(result.export.p50Ms)}  max ${fmtMs(result.export.maxMs)}`,
  );
  log(
    `import into another organisation         p50 ${fmtMs(result.import.p50Ms)}  max ${fmtMs(result.import.maxMs)}  peak RSS ${importMemory.peakRssMiB} MiB`,
  );
  return result;
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

const fmtMs = (ms) => `${ms.toFixed(1).padStart(7)} ms`;
const kib = (bytes) => `${Math.round(bytes / 1024).toLocaleString('en-GB')} KiB`;

const latencyCells = (r) => [r.n, r.p50Ms.toFixed(1), r.p95Ms.toFixed(1), r.maxMs.toFixed(1)];

function runMarkdown(run) {
  const p = run.parameters;
  const out = [
    `## ${run.label} — uploads ×${p.uploads} per image and mode, ${p.concurrency} concurrent clients`,
    '',
    `Finished ${run.finishedAt}; whole run ${(run.timings.totalMs / 1000).toFixed(1)} s (images generated in ` +
      `${(run.timings.imageGenerationMs / 1000).toFixed(1)} s, API boot ${(run.timings.bootMs / 1000).toFixed(1)} s). ` +
      `Load average (1 min) at start ${run.loadAverage.start[0]}, before the HTTP phase ${run.loadAverage.beforeHttp[0]}, ` +
      `at the end ${run.loadAverage.end[0]} on ${run.machine.cpuCount} CPUs` +
      (run.loadAverage.beforeHttp[0] > run.machine.cpuCount / 2
        ? ' — the machine was busy with other work, so the figures are pessimistic.'
        : '.'),
    '',
    `API process: ${run.machine.sharp.concurrency} libvips thread(s) per image, libuv thread pool ${run.machine.uvThreadpoolSize}, ` +
      `MALLOC_ARENA_MAX ${run.machine.mallocArenaMax ?? 'unset'}.`,
    '',
    `Images sent: ${run.images.map((i) => `${i.name} ${i.width}×${i.height}, ${kib(i.bytesMin)}–${kib(i.bytesMax)}${i.quality ? ` (quality ${i.quality})` : ''}${i.metadata ? `, ${i.metadata}` : ''}`).join('; ')}.`,
    '',
    '### Image upload (POST /api/authoring/media)',
    '',
    renderTable(
      [
        'Image',
        'Mode',
        'n',
        'p50 ms',
        'p95 ms',
        'max ms',
        'uploads/s',
        'stored',
        'RSS before MiB',
        'peak RSS MiB',
        'RSS after MiB',
      ],
      run.uploads.map((u) => [
        u.image,
        u.mode,
        ...latencyCells(u),
        u.perSecond,
        `${u.stored.width}×${u.stored.height}, ${kib(u.stored.bytes)}`,
        u.memory.rssBeforeMiB,
        `${u.memory.peakRssMiB} (${signed(u.memory.peakGrowthMiB)})`,
        u.memory.rssAfterMiB,
      ]),
    ),
    '',
    `### Image serving (GET /api/media/:id, ${p.fetchConcurrency} concurrent clients, ${p.fetchSeconds} s each)`,
    '',
    renderTable(
      ['Request', 'requests', 'req/s', 'MiB/s', 'p50 ms', 'p95 ms', 'max ms', 'peak RSS MiB'],
      run.mediaReads.map((r) => [
        r.name,
        r.requests,
        r.perSecond,
        r.mibPerSecond,
        r.p50Ms.toFixed(1),
        r.p95Ms.toFixed(1),
        r.maxMs.toFixed(1),
        r.memory.peakRssMiB,
      ]),
    ),
    '',
    `### Drafts, publishing and diff (a copy of \`${run.drafts.module.slug}\`, ${run.drafts.module.steps} steps, ${kib(run.drafts.module.contentBytes)} of content)`,
    '',
    renderTable(
      ['Request', 'n', 'p50 ms', 'p95 ms', 'max ms', 'body'],
      [
        [
          'PUT …/draft (autosave)',
          ...latencyCells(run.drafts.autosave),
          `${kib(run.drafts.autosave.bodyBytes)} sent`,
        ],
        ...run.drafts.publishes.map((x) => [
          `POST …/publish (v${x.version})`,
          1,
          x.ms.toFixed(1),
          '',
          '',
          '',
        ]),
        [
          'GET …/diff?from=1&to=2',
          ...latencyCells(run.drafts.diff),
          `${kib(run.drafts.diff.responseBytes)} (${run.drafts.diff.changedSteps} steps, ${run.drafts.diff.changedQuestions} question changed)`,
        ],
      ],
    ),
    '',
    `### Export and import of a version with ${run.exportImport.images} images`,
    '',
    renderTable(
      ['Request', 'n', 'p50 ms', 'p95 ms', 'max ms', 'peak RSS MiB'],
      [
        [
          `GET …/versions/3/export (${kib(run.exportImport.documentBytes)} document)`,
          ...latencyCells(run.exportImport.export),
          run.exportImport.export.memory.peakRssMiB,
        ],
        [
          'POST …/modules/import (into another organisation)',
          ...latencyCells(run.exportImport.import),
          run.exportImport.import.memory.peakRssMiB,
        ],
      ],
    ),
    '',
    `Stored images in the document: ${run.exportImport.imageBytes.map(kib).join(', ')}.`,
    '',
    `API process memory: ${run.memory.atStartMiB} MiB RSS after boot, ${run.memory.atEndMiB} MiB at the end, ` +
      `${run.memory.afterGcMiB} MiB after a forced GC; highest peak ${run.memory.highestPeakMiB} MiB (${run.memory.highestPeakPhase}). ` +
      `Peak source: ${run.memory.peakSource}. Database: ${kib(run.storage.mediaBytes)} of image data in ${run.storage.assets} assets.`,
    '',
    `Checks: ${run.checks.map((c) => `${c.ok ? 'ok' : 'FAILED'} — ${c.name}`).join('; ')}.`,
    '',
    run.concerns.length ? `**Concerns:** ${run.concerns.join(' ')}` : 'Concerns: none flagged.',
    '',
  ];
  return out.join('\n');
}

function markdown(report) {
  const m = report.machine;
  return [
    `# Authoring — ${report.date}`,
    '',
    `Machine: ${m.cpuCount} × ${m.cpuModel}, ${m.totalMemoryGiB} GiB RAM, ${m.os}, Node ${m.node}; ${m.postgres}` +
      ` (${m.usedDatabaseUrl ? 'DATABASE_URL' : 'local server at 127.0.0.1:5432'}); sharp ${m.sharp.version} ` +
      `(libvips ${m.sharp.vips}).`,
    '',
    'Latency is wall-clock over HTTP on 127.0.0.1 in milliseconds, from `fetch` until the whole response ' +
      `is read, after ${WARMUP} warm-up requests; p95 is nearest-rank. The API runs in its own process; the ` +
      'clients (this benchmark) share the same CPUs. Memory is the API process: RSS before the phase, its ' +
      'peak during the phase (+ growth over the RSS before) and RSS after.',
    '',
    ...report.runs.map(runMarkdown),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

const UPLOADS = positiveInt('uploads', 1);
const CONCURRENCY = positiveInt('concurrency', 1);
const FETCH_SECONDS = positiveInt('fetch-seconds', 1);
const FETCH_CONCURRENCY = positiveInt('fetch-concurrency', 1);
const SAVES = positiveInt('saves', 1);
const REPEATS = positiveInt('repeats', 1);

/** Sources newer than their build (or without one): the run would measure stale code. */
function staleBuilds() {
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
  walk(path.join(ROOT, 'migrations'), path.join(ROOT, 'migrations/dist'));
  return stale;
}

let server;
let db;
let dropAtExit = false;

async function cleanup() {
  if (server) {
    const { child } = server;
    server = undefined;
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' });
      const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!stopped) child.kill('SIGKILL');
    }
  }
  await db?.end().catch(() => undefined);
  db = undefined;
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
    `uploads=${UPLOADS} per image and mode (concurrency ${CONCURRENCY}), saves=${SAVES}, repeats=${REPEATS}, ` +
      `fetch ${FETCH_SECONDS} s at ${FETCH_CONCURRENCY}, label="${label}", database=${usedDatabaseUrl ? 'DATABASE_URL' : DEFAULT_SERVER}/${BENCH_DB}`,
  );

  // ---- images, before the API exists, so that generating them competes with nothing ----
  const { images, ms: imageGenerationMs } = await generateImages(WARMUP + 2 * UPLOADS);
  log(
    `generated ${images.length} × ${WARMUP + 2 * UPLOADS} images in ${(imageGenerationMs / 1000).toFixed(1)} s: ` +
      images.map((i) => `${i.name} ${i.width}×${i.height} ~${kib(i.bytesMax)}`).join(', '),
  );

  // ---- database and API ----
  await dropBenchDatabase();
  await withAdmin((c) => c.query(`CREATE DATABASE ${BENCH_DB}`));
  dropAtExit = true;
  server = await startServer();
  const serverInfo = server.ready;
  const { port, bootMs, migrations } = serverInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  log(`API up on ${baseUrl} (pid ${server.child.pid}) in ${bootMs} ms (${migrations.length} migrations)`);
  db = new pg.Client({ connectionString: benchUrl.toString(), application_name: 'countersign-bench' });
  await db.connect();

  const probe = memoryProbe(server);
  const atStart = await probe.read({ resetPeak: true });
  const phases = [];
  /** Runs one measured phase, with the API process's memory before, at its peak and after. */
  const phase = async (name, work) => {
    const before = await probe.read({ resetPeak: true });
    const value = await work();
    const after = await probe.read();
    const memory = {
      phase: name,
      rssBeforeMiB: before.rssMiB,
      peakRssMiB: after.peakRssMiB,
      peakGrowthMiB: round1(after.peakRssMiB - before.rssMiB),
      rssAfterMiB: after.rssMiB,
      heapUsedAfterMiB: after.heapUsedMiB,
      heapTotalAfterMiB: after.heapTotalMiB,
      externalAfterMiB: after.externalMiB,
      vipsCacheAfterMiB: after.vipsCacheMiB,
    };
    phases.push(memory);
    return { value, memory };
  };

  const author = await signIn(baseUrl, AUTHOR_EMAIL);
  const importer = await signIn(baseUrl, IMPORTER_EMAIL);
  const loadBeforeHttp = loadAverage();

  const uploads = await benchUploads(author, images, phase);
  const jpeg = uploads.firstAssets['image/jpeg'];
  const png = uploads.firstAssets['image/png'];
  const webp = uploads.firstAssets['image/webp'];
  const storedPhoto = await author.request('GET', jpeg.url);
  const storedMeta = await sharp(storedPhoto.bytes).metadata();

  const mediaReads = await benchMediaReads(
    author,
    [
      ['photo', jpeg],
      ['screenshot', png],
      ['avatar', webp],
    ],
    phase,
  );
  const drafts = await benchDrafts(author, phase);
  const exportImport = await benchExportImport(author, importer, drafts, [jpeg, png, webp], phase);

  const atEnd = await probe.read();
  const afterGc = await probe.read({ gc: true });
  const loadAtEnd = loadAverage();
  const {
    rows: [storage],
  } = await db.query(
    `SELECT count(*)::int AS assets, coalesce(sum(bytes), 0)::bigint AS bytes,
            pg_total_relation_size('media_asset_content') AS relation_bytes FROM media_asset`,
  );
  const {
    rows: [pgInfo],
  } = await db.query(
    `SELECT version() AS version, current_setting('shared_buffers') AS shared_buffers, current_setting('work_mem') AS work_mem`,
  );

  // ---- checks ----
  const expectedUploads = images.length * (WARMUP + 2 * UPLOADS);
  const checks = [
    {
      name: `every upload stored a new asset (${uploads.distinct} distinct of ${expectedUploads}: no deduplication short-cut)`,
      ok: uploads.distinct === expectedUploads,
    },
    { name: 'the same image uploaded again answers with the stored asset', ok: uploads.again.id === jpeg.id },
    {
      name: `stored images keep their type and fit ${MAX_MEDIA_DIMENSION} px`,
      ok: uploads.results.every(
        (u) =>
          Math.max(u.stored.width, u.stored.height) <= MAX_MEDIA_DIMENSION &&
          images.find((i) => i.name === u.image).type === u.stored.contentType,
      ),
    },
    {
      name: 'the stored photo has no EXIF and is upright (orientation 6 applied: portrait)',
      ok: storedMeta.exif === undefined && storedMeta.height > storedMeta.width,
    },
    {
      name: 'If-None-Match with the ETag answers 304 with no body',
      ok: mediaReads.filter((r) => r.status === 304).every((r) => r.bodyBytes === 0),
    },
    { name: 'every autosave advanced the revision by one', ok: drafts.revisionsInOrder },
    { name: 'publish produced versions 1 and 2', ok: drafts.publishes.every((x) => x.ok) },
    {
      name: 'the diff names the changed steps and question',
      ok: drafts.diff.changedSteps > 0 && drafts.diff.changedQuestions === 1,
    },
    {
      name: 'version 3 published with 3 images and exported with all 3',
      ok: exportImport.publishedV3 && exportImport.images === 3,
    },
    {
      name: 'the imported module names 3 new images the importing organisation can read',
      ok:
        exportImport.importedUrls.length === 3 &&
        exportImport.importedReadable &&
        exportImport.importedIdsNew,
    },
    { name: "another organisation's image answers 404", ok: exportImport.foreignAsset404 },
  ];
  for (const c of checks) if (!c.ok) log(`CHECK FAILED: ${c.name}`);

  // ---- what the brief calls surprising ----
  const concerns = [];
  for (const u of uploads.results)
    if (u.maxMs > SLOW_UPLOAD_MS)
      concerns.push(
        `${u.image} upload (${u.mode}) took up to ${Math.round(u.maxMs)} ms (> ${SLOW_UPLOAD_MS} ms).`,
      );
  for (const p of phases)
    if (p.peakGrowthMiB > MEMORY_GROWTH_MIB)
      concerns.push(`${p.phase}: API peak RSS grew by ${p.peakGrowthMiB} MiB (> ${MEMORY_GROWTH_MIB} MiB).`);
  if (afterGc.rssMiB - atStart.rssMiB > MEMORY_GROWTH_MIB)
    concerns.push(
      `The API process kept ${round1(afterGc.rssMiB - atStart.rssMiB)} MiB more RSS after the run (after GC) than after boot.`,
    );
  const highest = phases.reduce((a, b) => (b.peakRssMiB > a.peakRssMiB ? b : a));

  await cleanup();
  const totalMs = since(tStart);

  const machine = {
    ...machineDescription(),
    postgres: pgInfo.version,
    postgresSettings: { shared_buffers: pgInfo.shared_buffers, work_mem: pgInfo.work_mem },
    sharp: serverInfo.sharp,
    uvThreadpoolSize: serverInfo.uvThreadpoolSize,
    mallocArenaMax: serverInfo.mallocArenaMax,
    usedDatabaseUrl,
  };
  const run = {
    label,
    git,
    finishedAt: new Date().toISOString(),
    parameters: {
      uploads: UPLOADS,
      concurrency: CONCURRENCY,
      fetchSeconds: FETCH_SECONDS,
      fetchConcurrency: FETCH_CONCURRENCY,
      saves: SAVES,
      repeats: REPEATS,
      warmup: WARMUP,
    },
    machine,
    loadAverage: { start: loadAtStart, beforeHttp: loadBeforeHttp, end: loadAtEnd },
    timings: { imageGenerationMs, bootMs, totalMs },
    staleSources: stale,
    images: images.map(({ name, type, filename, width, height, bytesMin, bytesMax, quality, metadata }) => ({
      name,
      type,
      filename,
      width,
      height,
      bytesMin,
      bytesMax,
      quality,
      metadata,
    })),
    uploads: uploads.results,
    mediaReads,
    drafts: {
      module: drafts.module,
      autosave: drafts.autosave,
      publishes: drafts.publishes.map(({ version, ms }) => ({ version, ms })),
      diff: drafts.diff,
    },
    exportImport: {
      documentBytes: exportImport.documentBytes,
      images: exportImport.images,
      imageBytes: exportImport.imageBytes,
      export: exportImport.export,
      import: exportImport.import,
    },
    memory: {
      peakSource: probe.peakSource,
      atStartMiB: atStart.rssMiB,
      atEndMiB: atEnd.rssMiB,
      afterGcMiB: afterGc.rssMiB,
      heapUsedAfterGcMiB: afterGc.heapUsedMiB,
      highestPeakMiB: highest.peakRssMiB,
      highestPeakPhase: highest.phase,
      phases,
    },
    storage: {
      assets: storage.assets,
      mediaBytes: Number(storage.bytes),
      relationBytes: Number(storage.relation_bytes),
    },
    checks,
    concerns,
  };

  // One file per day; a rerun replaces only the earlier run with the same label and parameters.
  const date = new Date().toISOString().slice(0, 10);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const jsonPath = path.join(RESULTS_DIR, `authoring-${date}.json`);
  const report = { benchmark: 'authoring', date, machine, runs: [] };
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
  writeFileSync(path.join(RESULTS_DIR, `authoring-${date}.md`), `${markdown(report)}\n`);

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
  const jsonPath = path.join(RESULTS_DIR, `authoring-${date}.json`);
  const report = JSON.parse(readFileSync(jsonPath, 'utf8'));
  writeFileSync(path.join(RESULTS_DIR, `authoring-${date}.md`), `${markdown(report)}\n`);
  log(`rewrote ${path.relative(ROOT, jsonPath).replace(/json$/, 'md')}`);
}

if (typeof args['render-only'] === 'string') {
  renderOnly(args['render-only']);
} else if (args.serve) {
  serve().catch((error) => {
    process.stderr.write(`[bench:api] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
} else {
  runBench(main, cleanup);
}
