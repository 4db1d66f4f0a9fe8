#!/usr/bin/env node
/**
 * Runs every bench/*.bench.mjs in turn (alphabetical), each in its own Node process, and passes
 * the command-line arguments through:
 *
 *   npm run bench                       # every benchmark with its defaults
 *   npm run bench -- --people 10000     # arguments go to every benchmark
 *
 * Exits non-zero if any benchmark failed.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort();
if (!benches.length) {
  process.stderr.write('No *.bench.mjs files in bench/.\n');
  process.exit(1);
}

const passThrough = process.argv.slice(2);
const outcomes = [];
for (const file of benches) {
  process.stdout.write(`\n=== ${file} ${passThrough.join(' ')}\n`);
  const started = Date.now();
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(dir, file), ...passThrough], { stdio: 'inherit' });
    // Ctrl-C reaches the child through the terminal's process group; wait for it to clean up.
    child.on('exit', (status, signal) => resolve(signal ? 1 : (status ?? 1)));
    child.on('error', () => resolve(1));
  });
  outcomes.push({ file, code, seconds: Math.round((Date.now() - started) / 100) / 10 });
}

process.stdout.write('\n=== summary\n');
for (const o of outcomes)
  process.stdout.write(`${o.code === 0 ? 'ok    ' : 'FAILED'} ${o.file} (${o.seconds} s)\n`);
process.exit(outcomes.some((o) => o.code !== 0) ? 1 : 0);
