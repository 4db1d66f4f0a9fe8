import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What a learner's first visit downloads, measured on the built web app (Nx builds it before the
 * e2e target): sign-in, then "My training". Two budgets of 200 kB: the whole page (HTML, scripts,
 * styles) as brotli, which browsers ask for over HTTPS; and its scripts alone as gzip, which
 * every browser accepts (over plain HTTP too).
 */
const BUDGET_BYTES = 200 * 1000;
/** Vite's compression plugin leaves files below this size uncompressed (see vite.config.ts). */
const COMPRESSION_THRESHOLD = 1024;

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/**
 * The modules shown while the learner signs in and lands on "My training" (see
 * apps/web/src/app/router.tsx and user-menu.tsx). One loaded on demand is a manifest entry of its
 * own, whose chunks count too; one imported eagerly is inside the entry's chunks already.
 */
const LANDING_MODULES = [
  'src/features/auth/routes/login-page.tsx',
  'src/features/learning/routes/my-training-page.tsx',
  'src/features/notifications/components/notification-bell.tsx',
];

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

interface Asset {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

function readManifest(): Manifest {
  const file = path.join(DIST, '.vite/manifest.json');
  if (!existsSync(file)) throw new Error(`No ${file}: build the web app first (nx run web:build)`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** Every file that loading `keys` fetches: the chunks, their static imports, and their CSS. */
function closure(manifest: Manifest, keys: string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The manifest has no chunk ${key}`);
    files.add(chunk.file);
    chunk.css?.forEach((css) => files.add(css));
    chunk.imports?.forEach(visit);
  };
  keys.forEach(visit);
  return files;
}

/** The size a browser downloads: the precompressed sibling, or the file itself when it is tiny. */
function measure(file: string): Asset {
  const full = path.join(DIST, file);
  const raw = statSync(full).size;
  const sibling = (ext: string) => {
    if (existsSync(`${full}${ext}`)) return statSync(`${full}${ext}`).size;
    if (raw >= COMPRESSION_THRESHOLD) throw new Error(`${file} has no precompressed ${ext} sibling`);
    return raw;
  };
  return { file, raw, gzip: sibling('.gz'), brotli: sibling('.br') };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

describe("the learner's first page", () => {
  const manifest = readManifest();
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const [entryKey] = Object.entries(manifest).find(([, chunk]) => chunk.isEntry) ?? [];

  it('index.html loads exactly the entry chunk, its static imports and its CSS', () => {
    expect(entryKey).toBe('index.html');
    const referenced = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\/(assets\/[^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(new Set(referenced)).toEqual(closure(manifest, ['index.html']));
  });

  it('names modules that exist', () => {
    for (const module of LANDING_MODULES) expect(existsSync(path.join(DIST, '..', module))).toBe(true);
  });

  it(`costs at most ${kB(BUDGET_BYTES)}: brotli for the whole page, gzip for its scripts`, () => {
    const onDemand = LANDING_MODULES.filter((module) => manifest[module]);
    const assets = [...closure(manifest, ['index.html', ...onDemand])]
      .map(measure)
      .sort((a, b) => b.brotli - a.brotli);
    const page = { file: 'index.html', raw: html.length, gzip: html.length, brotli: html.length };
    const sum = (list: Asset[], key: keyof Omit<Asset, 'file'>) =>
      list.reduce((total, asset) => total + asset[key], 0);
    const all = [page, ...assets];
    const scripts = assets.filter((asset) => asset.file.endsWith('.js'));
    const line = (label: string, list: Asset[]) =>
      `${label}: ${kB(sum(list, 'raw'))} raw, ${kB(sum(list, 'gzip'))} gzip, ${kB(sum(list, 'brotli'))} brotli`;
    const report = [
      line('first page', all),
      line('  of which scripts', scripts),
      ...assets.map((a) => line(`  ${a.file}`, [a])),
    ].join('\n');
    process.stdout.write(`${report}\n`);
    expect({ brotli: sum(all, 'brotli') <= BUDGET_BYTES, report }).toEqual({ brotli: true, report });
    expect({ gzip: sum(scripts, 'gzip') <= BUDGET_BYTES, report }).toEqual({ gzip: true, report });
  });
});
