import 'reflect-metadata';
import { createApp, runMigrations } from './app.factory.js';
import { loadConfig } from './config/config.js';
import { resolveDatabase } from './database/database-url.js';
import { DemoSeedService } from './demo/demo-seed.service.js';
import { AuthService } from './modules/auth/auth.service.js';
import { OutboxSender } from './modules/notifications/outbox-sender.service.js';
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
  const outbox = app.get(OutboxSender);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    say(`${signal} received: shutting down…`);
    await outbox.stop().catch(() => undefined);
    await app.close().catch(() => undefined);
    await database.embedded?.stop().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const applied = await runMigrations(app);
  if (applied.length) say(`Applied migrations: ${applied.join(', ')}`);
  await app.get(AuthService).purgeExpired();
  const upgraded = await app.get(TrainingService).installCurriculumEverywhere();
  if (upgraded) say(`Installed ${upgraded} new built-in module(s) into existing organisations.`);
  const demo = await app.get(DemoSeedService).seedIfEmpty();
  await app.listen(config.PORT, config.HOST);
  if (config.SMTP_URL) {
    outbox.start();
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

main().catch((error: unknown) => {
  process.stderr.write(
    `[countersign] Could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
