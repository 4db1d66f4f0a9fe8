import packagedChromium from '@sparticuz/chromium';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  chown,
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

/**
 * The one place that launches the browser journeys' Chromium, in this order:
 *
 * 1. `CHROMIUM_PATH`, when set;
 * 2. Debian's `/usr/bin/chromium`, when installed;
 * 3. otherwise the Chromium build shipped inside the npm package `@sparticuz/chromium` (a
 *    devDependency), so that `npm ci && npm test` needs nothing but Node. Its binary is brotli'd
 *    in the package: it is unpacked once per version into a private folder under the system's
 *    temporary folder and reused by every later run, with DejaVu fonts (the npm package
 *    `dejavu-fonts-ttf`, the same fonts as Debian's fonts-dejavu-core) beside it, so that text
 *    renders, and renders alike, on a machine that has no fonts installed.
 *
 * Playwright cannot download browsers here, so playwright-core only ever drives one of these.
 */
export async function launchBrowser(): Promise<Browser> {
  const target = await resolveChromium();
  return chromium.launch({
    executablePath: target.executablePath,
    args: target.args,
    env: { ...process.env, ...target.env },
  });
}

export interface ChromiumTarget {
  /** Where it came from, for messages. */
  source: 'CHROMIUM_PATH' | 'debian' | '@sparticuz/chromium';
  executablePath: string;
  args: string[];
  env: Record<string, string>;
}

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * What every Chromium is started with, as root on a machine whose network is closed: no sandbox
 * (root), no GPU, and none of the background requests that would be refused many at a time.
 */
const COMMON_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-dev-shm-usage',
];

/**
 * `@sparticuz/chromium`'s flags are tuned for serverless functions. These would make the browser
 * unlike a desktop one, or fight Playwright, and are left out:
 * - `--single-process`: browser, renderers and every context in one process, where a crashing page
 *   takes the browser down (it is there for a Lambda sandbox quirk, not needed here);
 * - `--disable-web-security`, `--allow-running-insecure-content`, `--disable-site-isolation-trials`:
 *   would hide same-origin, CORS and mixed-content faults from the journeys;
 * - `--disable-features=` / `--enable-features=`: would replace Playwright's own feature switches
 *   (and turn site isolation off, SharedArrayBuffer on, unlike a desktop browser);
 * - `--headless='shell'`: Playwright passes `--headless` itself;
 * - `--font-render-hinting=none`: keep the desktop's hinting, as Debian's Chromium renders.
 * What remains (`--no-zygote`, `--disable-setuid-sandbox`, `--no-pings`, the in-process GPU with
 * WebGL off…) suits this build of headless_shell and a closed network.
 */
const NOT_DESKTOP_LIKE = [
  '--single-process',
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
  '--disable-features=',
  '--enable-features=',
  '--headless',
  '--font-render-hinting=',
];

let resolved: Promise<ChromiumTarget> | undefined;

/** Which Chromium the journeys use here (memoised for the test file). */
export function resolveChromium(): Promise<ChromiumTarget> {
  resolved ??= pickChromium();
  return resolved;
}

async function pickChromium(): Promise<ChromiumTarget> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) {
      throw new Error(
        `CHROMIUM_PATH is ${configured}, which does not exist. Unset it to use the packaged Chromium.`,
      );
    }
    return { source: 'CHROMIUM_PATH', executablePath: configured, args: COMMON_ARGS, env: {} };
  }
  if (existsSync(DEBIAN_CHROMIUM)) {
    return { source: 'debian', executablePath: DEBIAN_CHROMIUM, args: COMMON_ARGS, env: {} };
  }
  const folder = await unpackPackagedChromium();
  // WebGL off (as in the unpacking): nothing here draws with it, and it spares the software GPU.
  packagedChromium.setGraphicsMode = false;
  const args = [
    ...COMMON_ARGS,
    ...packagedChromium.args.filter(
      (arg) =>
        !NOT_DESKTOP_LIKE.some(
          (flag) => arg === flag || arg.startsWith(flag.endsWith('=') ? flag : `${flag}=`),
        ),
    ),
  ];
  return {
    source: '@sparticuz/chromium',
    executablePath: path.join(folder, 'chromium'),
    args: [...new Set(args)],
    env: { FONTCONFIG_FILE: path.join(folder, 'fonts.conf') },
  };
}

const require = createRequire(import.meta.url);

/** A package's folder and version (neither package exports its package.json). */
async function findPackage(name: string): Promise<{ root: string; version: string }> {
  let dir = path.dirname(require.resolve(name === 'dejavu-fonts-ttf' ? `${name}/package.json` : name));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const json = JSON.parse(await readFile(manifest, 'utf8')) as { name?: string; version: string };
      if (json.name === name) return { root: dir, version: json.version };
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the package.json of ${name}`);
    dir = parent;
  }
}

/** The DejaVu faces copied beside the packaged Chromium (the condensed and math ones are not needed). */
const FONT_FILE = /^DejaVu(Sans|Serif|SansMono)(-[A-Za-z]+)?\.ttf$/;
const READY = 'countersign-ready';
const PREFIX = 'countersign-chromium-';

/**
 * Unpacks `@sparticuz/chromium` (its binary and swiftshader libraries) and the DejaVu fonts into
 * `<tmp>/countersign-chromium-<versions>-uid<uid>` once, and returns that folder. The work happens
 * in a private staging folder renamed into place when complete, so an interrupted or concurrent
 * run never leaves or uses a half-written binary. Folders of other versions are removed.
 */
async function unpackPackagedChromium(): Promise<string> {
  const chromiumPackage = await findPackage('@sparticuz/chromium');
  const fonts = await findPackage('dejavu-fonts-ttf');
  const uid = process.getuid?.() ?? 0;
  const name = `${PREFIX}${chromiumPackage.version}+dejavu-${fonts.version}-uid${uid}`;
  const tmp = os.tmpdir();
  const folder = path.join(tmp, name);
  if (isReady(folder)) return folder;

  const staging = await mkdtemp(path.join(tmp, `${name}.partial-`));
  try {
    const executable = await unpackInto(staging, chromiumPackage.root);
    if (executable !== path.join(staging, 'chromium')) {
      throw new Error(
        `@sparticuz/chromium unpacked to ${executable}, not into ${staging}: its unpacking has changed`,
      );
    }
    // Its tarballs carry their builder's owner: make everything ours.
    if (uid === 0) await chownTree(staging, 0, 0);

    const fontDir = path.join(staging, 'dejavu');
    await mkdir(fontDir);
    const faces = (await readdir(path.join(fonts.root, 'ttf'))).filter((file) => FONT_FILE.test(file));
    await Promise.all(
      faces.map((file) => copyFile(path.join(fonts.root, 'ttf', file), path.join(fontDir, file))),
    );
    await writeFile(path.join(staging, 'fonts.conf'), fontsConf(folder));
    await writeFile(path.join(staging, READY), `${chromiumPackage.version} ${fonts.version}\n`);

    try {
      await rename(staging, folder);
    } catch (error) {
      if (!isCode(error, 'ENOTEMPTY', 'EEXIST')) throw error;
      // Another run got there first, or a broken folder is in the way: replace that one.
      if (!isReady(folder)) {
        await rm(folder, { recursive: true, force: true });
        await rename(staging, folder);
      }
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  await removeOthers(tmp, name, uid);
  return folder;
}

/**
 * The package unpacks into os.tmpdir() (it is made for a serverless /tmp): run its own
 * executablePath() in a child whose TMPDIR is the staging folder, rather than change this
 * process's environment, which Jest's sandbox would not even pass on to `os`.
 */
function unpackInto(staging: string, packageRoot: string): Promise<string> {
  const entry = pathToFileURL(path.join(packageRoot, 'build/esm/index.js')).href;
  const bin = path.join(packageRoot, 'bin');
  const script = `const { default: c } = await import(${JSON.stringify(entry)}); c.setGraphicsMode = false; process.stdout.write(await c.executablePath(${JSON.stringify(bin)}));`;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', script],
      { env: { ...process.env, TMPDIR: staging }, maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        if (error)
          reject(new Error(`Unpacking @sparticuz/chromium failed: ${stderr.trim() || error.message}`));
        else resolve(stdout.trim());
      },
    );
  });
}

function isReady(folder: string): boolean {
  return existsSync(path.join(folder, READY)) && existsSync(path.join(folder, 'chromium'));
}

/** Only the copied DejaVu faces, with the usual generic families mapped onto them. */
function fontsConf(folder: string): string {
  const alias = (generic: string, family: string) =>
    `  <alias binding="same"><family>${generic}</family><prefer><family>${family}</family></prefer></alias>`;
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    `  <dir>${path.join(folder, 'dejavu')}</dir>`,
    `  <cachedir>${path.join(folder, 'fontconfig-cache')}</cachedir>`,
    alias('sans-serif', 'DejaVu Sans'),
    alias('system-ui', 'DejaVu Sans'),
    alias('serif', 'DejaVu Serif'),
    alias('monospace', 'DejaVu Sans Mono'),
    '</fontconfig>',
    '',
  ].join('\n');
}

async function chownTree(dir: string, uid: number, gid: number): Promise<void> {
  await chown(dir, uid, gid);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await chownTree(full, uid, gid);
    else await chown(full, uid, gid);
  }
}

/** Other versions' folders, and staging folders that an interrupted run left over an hour ago. */
async function removeOthers(tmp: string, current: string, uid: number): Promise<void> {
  for (const entry of await readdir(tmp)) {
    if (entry === current || !entry.startsWith(PREFIX) || !/-uid(\d+)(\.partial-.+)?$/.test(entry)) continue;
    if (/-uid(\d+)/.exec(entry)?.[1] !== String(uid)) continue;
    const full = path.join(tmp, entry);
    const age = Date.now() - (await stat(full)).mtimeMs;
    if (entry.includes('.partial-') && age < 60 * 60_000) continue;
    await rm(full, { recursive: true, force: true });
  }
}

function isCode(error: unknown, ...codes: string[]): boolean {
  return (
    typeof error === 'object' && error !== null && codes.includes((error as { code?: string }).code ?? '')
  );
}
