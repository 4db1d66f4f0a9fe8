import 'reflect-metadata';
import { createApp, runMigrations } from './app.factory.js';
import { loadConfig } from './config/config.js';
import { resolveDatabase } from './database/database-url.js';
import { stopOnSignals } from './shutdown.js';
import { DemoSeedService } from './demo/demo-seed.service.js';
import { AuthService } from './modules/auth/auth.service.js';
import { describeCreated, OrganisationsService } from './modules/organisations/organisations.service.js';
import { JobQueue } from './modules/jobs/job-queue.service.js';
import { TrainingService } from './modules/training/training.service.js';

/** Bootstrap only: configuration, database, migrations, demo data, listen, clean shutdown. */
async function main(): Promise<void> {
  const config = loadConfig();
  const say = (m: string) => process.stdout.write(`[countersign] ${m}\n`);
  const database = await resolveDatabase(config, say);
  say(
    database.embedded
      ? 'Using the embedded PostgreSQL (set DATABASE_URL to use your own).'
      : 'Using DATABASE_URL.',
  );

  const app = await createApp(config, database.url);
  const jobs = app.get(JobQueue);
  stopOnSignals(app, database, say);

  const applied = await runMigrations(app);
  if (applied.length) say(`Applied migrations: ${applied.join(', ')}`);
  await app.get(AuthService).purgeExpired();
  const upgraded = await app.get(TrainingService).installCurriculumEverywhere();
  if (upgraded) say(`Installed ${upgraded} new built-in module(s) into existing organisations.`);
  const bootstrapped = await app.get(OrganisationsService).bootstrapIfEmpty();
  if (bootstrapped) for (const line of describeCreated(bootstrapped)) say(line);
  const demo = await app.get(DemoSeedService).seedIfEmpty();
  await app.listen(config.PORT, config.HOST);
  if (config.RUN_WORKER) {
    await jobs.startWorker({ pollingIntervalSeconds: config.WORKER_POLL_SECONDS });
    say('Background worker running in this process (RUN_WORKER=false leaves it to dist/worker.js).');
  }
  if (config.SMTP_URL) {
    say('Sending queued emails through SMTP_URL.');
  } else if (config.MAIL_FROM) {
    say('MAIL_FROM is set but SMTP_URL is not: emails are queued in outbound_email but not sent.');
  }

  const url = `http://localhost:${config.PORT}`;
  say(`Countersign is running at ${url}  (API docs: ${url}/api/docs)`);
  if (demo) {
    say(`Demo organisation "Demo Ltd" — password for every account: ${demo.password}`);
    for (const login of demo.logins) say(`  ${login.role.padEnd(8)} ${login.email}`);
  }
}

/**
 * Until the server is running, every failure ends in one line saying what went wrong, never a
 * stack trace: also one thrown outside main()'s promise chain (an 'error' event nobody handles, a
 * rejection nobody awaits), which would otherwise crash with Node's own dump. Afterwards Node's
 * default applies, so a fault in a running server keeps its stack.
 */
function startUpFailed(error: unknown): never {
  process.stderr.write(
    `[countersign] Could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
process.on('uncaughtException', startUpFailed);
process.on('unhandledRejection', startUpFailed);
main().then(() => {
  process.off('uncaughtException', startUpFailed);
  process.off('unhandledRejection', startUpFailed);
}, startUpFailed);
