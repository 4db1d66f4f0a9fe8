import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config.js';
import { dataSourceOptions } from './data-source-options.js';
import { resolveDatabase } from './database-url.js';

/**
 * Migration CLI on the same DataSource definition as the app.
 *   node apps/api/dist/database/migrate.js          apply pending migrations
 *   node apps/api/dist/database/migrate.js revert   undo the last one
 *   node apps/api/dist/database/migrate.js status   list pending ones
 */
async function main(): Promise<void> {
  const command = process.argv[2] ?? 'run';
  const config = loadConfig();
  const database = await resolveDatabase(config, (m) => console.log(m));
  const ds = new DataSource(dataSourceOptions(database.url, { poolSize: 1, logging: true }));
  await ds.initialize();
  try {
    if (command === 'run') {
      const applied = await ds.runMigrations({ transaction: 'each' });
      console.log(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'Nothing to apply.');
    } else if (command === 'revert') {
      await ds.undoLastMigration({ transaction: 'each' });
    } else if (command === 'status') {
      console.log((await ds.showMigrations()) ? 'There are pending migrations.' : 'Up to date.');
    } else {
      throw new Error(`Unknown command "${command}": use run, revert or status.`);
    }
  } finally {
    await ds.destroy();
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
