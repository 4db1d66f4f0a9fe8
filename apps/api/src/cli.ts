import 'reflect-metadata';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { runMigrations } from './app.factory.js';
import { loadConfig } from './config/config.js';
import { resolveDatabase } from './database/database-url.js';
import {
  describeCreated,
  InvalidOrganisationInput,
  OrganisationsService,
  type OrganisationSummary,
} from './modules/organisations/organisations.service.js';

/**
 * The operator's commands, in the built image: `node apps/api/dist/cli.js <command> [flags]`.
 * Same configuration as the server (DATABASE_URL, or the embedded PostgreSQL in DATA_DIR, shared
 * with a running `npm start`); pending migrations are applied first. Exit codes: 0 done, 1 failed,
 * 2 wrong usage.
 */

const USAGE = `Usage: node apps/api/dist/cli.js <command> [options]

Commands:
  organisations:create --name <name> --admin-email <email> [--admin-name <name>] [--slug <slug>]
      Create an organisation with the built-in curriculum and invite its first administrator:
      prints a one-time link for them to choose a password (also emailed when MAIL_FROM is set).
  organisations:list [--json]
      Every organisation: slug, name, status, active people and administrators.
  organisations:disable --slug <slug>
      Nobody in the organisation can sign in any more, and every session ends at once. Its data stays.
  organisations:enable --slug <slug>
      Let the organisation's people sign in again.

The database is the server's: DATABASE_URL, or the embedded PostgreSQL in DATA_DIR.
`;

type Options = NonNullable<ParseArgsConfig['options']>;
const COMMANDS: Record<string, Options> = {
  'organisations:create': {
    name: { type: 'string' },
    'admin-email': { type: 'string' },
    'admin-name': { type: 'string' },
    slug: { type: 'string' },
    json: { type: 'boolean' },
  },
  'organisations:list': { json: { type: 'boolean' } },
  'organisations:disable': { slug: { type: 'string' } },
  'organisations:enable': { slug: { type: 'string' } },
};
const REQUIRED: Record<string, string[]> = {
  'organisations:create': ['name', 'admin-email'],
  'organisations:disable': ['slug'],
  'organisations:enable': ['slug'],
};

class UsageError extends Error {}

const out = (line = '') => process.stdout.write(`${line}\n`);

function parse(argv: string[]): { command: string; flags: Record<string, string | boolean | undefined> } {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    process.exit(0);
  }
  const options = COMMANDS[command];
  if (!options) throw new UsageError(`Unknown command "${command}".`);
  let flags: Record<string, string | boolean | undefined>;
  try {
    flags = parseArgs({ args: rest, options, strict: true, allowPositionals: false }).values as typeof flags;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const missing = (REQUIRED[command] ?? []).filter((flag) => !flags[flag]);
  if (missing.length) throw new UsageError(`${command} needs ${missing.map((f) => `--${f}`).join(' and ')}.`);
  return { command, flags };
}

function table(rows: OrganisationSummary[]): string[] {
  if (!rows.length) return ['No organisations yet: create one with organisations:create.'];
  const cells = rows.map((r) => [
    r.slug,
    r.name,
    r.disabledAt ? `disabled ${r.disabledAt.toISOString().slice(0, 10)}` : 'active',
    String(r.activePeople),
    String(r.administrators),
    r.createdAt.toISOString().slice(0, 10),
  ]);
  const header = ['SLUG', 'NAME', 'STATUS', 'PEOPLE', 'ADMINS', 'CREATED'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  return [header, ...cells].map((c) =>
    c
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
}

async function run(command: string, flags: Record<string, string | boolean | undefined>): Promise<void> {
  const config = loadConfig();
  const database = await resolveDatabase(config, (m) => process.stderr.write(`[countersign] ${m}\n`), {
    shareRunning: true,
  });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, database.url), {
    logger: false,
    abortOnError: false,
  });
  try {
    await runMigrations(app);
    const organisations = app.get(OrganisationsService);
    switch (command) {
      case 'organisations:create': {
        const created = await organisations.createWithAdministrator(
          {
            name: String(flags.name),
            adminEmail: String(flags['admin-email']),
            adminName: typeof flags['admin-name'] === 'string' ? flags['admin-name'] : undefined,
            slug: typeof flags.slug === 'string' ? flags.slug : undefined,
          },
          'cli',
        );
        if (flags.json) out(JSON.stringify(created, null, 2));
        else for (const line of describeCreated(created)) out(line);
        break;
      }
      case 'organisations:list': {
        const rows = await organisations.list();
        if (flags.json) out(JSON.stringify(rows, null, 2));
        else for (const line of table(rows)) out(line);
        break;
      }
      case 'organisations:disable':
      case 'organisations:enable': {
        const disable = command === 'organisations:disable';
        const result = await organisations.setDisabled(String(flags.slug), disable, 'cli');
        const { name, slug } = result.organisation;
        if (!result.changed)
          out(`"${name}" (${slug}) is already ${disable ? 'disabled' : 'enabled'}: nothing changed.`);
        else if (disable)
          out(
            `Disabled "${name}" (${slug}): its people cannot sign in; ${result.sessionsEnded} session(s) ended. Its data stays; organisations:enable undoes this.`,
          );
        else out(`Enabled "${name}" (${slug}): its people can sign in again.`);
        break;
      }
    }
  } finally {
    await app.close().catch(() => undefined);
    await database.embedded?.stop().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  try {
    const { command, flags } = parse(process.argv.slice(2));
    await run(command, flags);
    process.exit(0);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    const message =
      error instanceof InvalidOrganisationInput
        ? error.fields.map((f) => `--${flagOf(f.field)} ${f.message}`).join('\n')
        : error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`[countersign] ${message}\n`);
    process.exit(1);
  }
}

/** The CLI flag for a field of the operator's input. */
function flagOf(field: string): string {
  return { adminEmail: 'admin-email', adminName: 'admin-name' }[field] ?? field;
}

void main();
