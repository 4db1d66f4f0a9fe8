#!/usr/bin/env node
// Creates migrations/<unix-ms>-<PascalVerbNoun>.ts with up() and down(), and registers it in
// migrations/index.ts. Usage: npm run migration:create -- AddReminderTable
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('Usage: npm run migration:create -- PascalVerbNoun   (e.g. AddReminderTable)');
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const stamp = Date.now();
const className = `${name}${stamp}`;
const file = `${stamp}-${name}`;

await writeFile(
  path.join(root, 'migrations', `${file}.ts`),
  `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(q: QueryRunner): Promise<void> {
    // await q.query(\`…\`);
  }

  public async down(q: QueryRunner): Promise<void> {
    // Undo exactly what up() did, in reverse order.
  }
}
`,
);

const indexPath = path.join(root, 'migrations', 'index.ts');
let index = await readFile(indexPath, 'utf8');
index = index.replace(/(\n\/\*\*)/, `import { ${className} } from './${file}.js';\n$1`);
// The list is kept one migration per line (as Prettier prints it once it no longer fits on one).
index = index.replace(/\[([^\]]*)\];\s*$/, (_match, items) => {
  const names = [
    ...items
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
    className,
  ];
  return `[\n${names.map((n) => `  ${n},`).join('\n')}\n];\n`;
});
await writeFile(indexPath, index);
console.log(`Created migrations/${file}.ts and registered it in migrations/index.ts`);
