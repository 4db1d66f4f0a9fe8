import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { runMigrations } from './app.factory.js';
import { loadConfig } from './config/config.js';
import { resolveDatabase } from './database/database-url.js';
import { JobQueue } from './modules/jobs/job-queue.service.js';
import { stopOnSignals } from './shutdown.js';

/**
 * The background worker on its own: `node apps/api/dist/worker.js`. The same configuration as the
 * server; it serves no HTTP and runs every queued and scheduled job (emails, invitations, …). Run
 * as many as you like: pg-boss hands each job to one of them. `npm start` runs the same worker
 * inside the server process, unless RUN_WORKER=false.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const say = (m: string) => process.stdout.write(`[countersign-worker] ${m}\n`);
  const database = await resolveDatabase(config, say, { shareRunning: true });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, database.url), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  stopOnSignals(app, database, say);

  const applied = await runMigrations(app);
  if (applied.length) say(`Applied migrations: ${applied.join(', ')}`);
  await app.get(JobQueue).startWorker({ pollingIntervalSeconds: config.WORKER_POLL_SECONDS });
  say('Worker running: it does the queued and scheduled work of every organisation.');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[countersign-worker] Could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
