import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Repository root (apps/api/{src,dist}/config → ../../../..). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Every setting the API reads, validated once at boot. Code never reads process.env elsewhere:
 * it receives an AppConfig.
 */
/** `NAME=` (as compose files and .env templates leave it) means unset. */
const unsetWhenEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /**
   * The address people reach Countersign at, for the links in emails and those the CLI prints
   * (invitations, password resets): https://countersign.example.org. Default: http://localhost:PORT.
   */
  PUBLIC_URL: unsetWhenEmpty(
    z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  ),
  /** External PostgreSQL. Unset: an embedded PostgreSQL is started with its data in DATA_DIR. */
  DATABASE_URL: z.url().optional(),
  DATA_DIR: z.string().default(path.join(REPO_ROOT, '.data')),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Session lifetime without activity. */
  SESSION_IDLE_HOURS: z.coerce
    .number()
    .min(0.1)
    .max(24 * 30)
    .default(12),
  /**
   * Longest a session lasts from its sign-in, however active: then the person signs in again.
   * Caps SESSION_IDLE_HOURS.
   */
  SESSION_MAX_HOURS: z.coerce
    .number()
    .min(0.1)
    .max(24 * 365)
    .default(24 * 7),
  /**
   * How long a replica may trust a session it has checked without asking the database again.
   * Sign-out on the same replica is immediate; elsewhere (another replica, an expired or deactivated
   * account) it takes effect within this time. 0 checks the database on every request.
   */
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  /** Connections in this replica's database pool. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  /** How long a request waits for a free database connection before answering 503. */
  DATABASE_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  /** Longest a single SQL statement may run before PostgreSQL cancels it. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  /** Set the Secure flag on the session cookie; turn on whenever the app is served over HTTPS. */
  COOKIE_SECURE: bool.default(false),
  /** Seed the "Demo Ltd" organisation into an empty database. */
  DEMO_SEED: bool.default(true),
  /** Password shared by the demo accounts. */
  DEMO_PASSWORD: z.string().min(8).default('Countersign-demo-2026'),
  /**
   * First-run bootstrap for a real installation: on a database with no organisation, create this
   * organisation and invite its first administrator (the link is printed, and emailed when mail is
   * configured). BOOTSTRAP_ADMIN_PASSWORD, if set, gives them that password instead.
   */
  BOOTSTRAP_ORGANISATION: unsetWhenEmpty(z.string().trim().min(1).max(200).optional()),
  BOOTSTRAP_ADMIN_EMAIL: unsetWhenEmpty(z.email().optional()),
  BOOTSTRAP_ADMIN_PASSWORD: unsetWhenEmpty(z.string().min(12, 'must be at least 12 characters').optional()),
  /** Folder with the built web app to serve; empty to serve the API only. */
  WEB_DIST: z.string().default(path.join(REPO_ROOT, 'apps/web/dist')),
  /**
   * Failed logins allowed per account from one address before a lock-out of LOGIN_LOCKOUT_MINUTES
   * (for that address). From any number of addresses, as many failures start a delay between the
   * account's attempts: 1 s, doubling to at most 60 s, until the right password.
   */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** How long that lock-out lasts. */
  LOGIN_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /**
   * Sender of notification emails ("security@example.org" or "Countersign <security@example.org>").
   * Unset: no email is queued; people are notified in the app only. Set: emails are written to
   * the outbound_email outbox (status 'pending') for a mail relay to deliver.
   */
  MAIL_FROM: unsetWhenEmpty(
    z
      .string()
      .trim()
      .max(320)
      .regex(
        /^(?:[^<>@\r\n]+<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/,
        'must be an email address, optionally with a name: "Name <address@example.org>"',
      )
      .optional(),
  ),
  /**
   * Mail server that delivers the outbox: smtp://user:pass@mail.example.org:587 (STARTTLS when
   * offered) or smtps://…:465 (TLS from the start); options may follow as a query string. Unset:
   * queued emails stay 'pending' in outbound_email. Set: the worker sends each one within seconds
   * of it being queued, and retries failures with a growing wait.
   */
  SMTP_URL: unsetWhenEmpty(
    z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  ),
  /**
   * Run the background worker (jobs: emails, invitations, scheduled work) in this process. `npm
   * start` does; API replicas set false and leave the work to `node apps/api/dist/worker.js`.
   */
  RUN_WORKER: bool.default(true),
  /** How often the worker looks for new jobs in each queue. */
  WORKER_POLL_SECONDS: z.coerce.number().int().min(1).max(60).default(2),
  /**
   * Checks of certificate codes (GET /api/verify/:code, the public verify page) one address may
   * make per minute; more answer 429 with Retry-After. Counted in PostgreSQL, across replicas.
   */
  VERIFY_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  /**
   * Requests one SCIM token (/scim/v2, an identity provider's directory sync) may make per minute;
   * more answer 429 with Retry-After, which Entra ID and Okta both honour. A first sync of a large
   * directory runs at about this pace. Counted in PostgreSQL, across replicas.
   */
  SCIM_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(1200),
  /**
   * The key that encrypts stored secrets (an identity provider's client secret, authenticator
   * seeds): 32 random bytes in base64 (`openssl rand -base64 32`). Unset outside production, a key
   * is made once in DATA_DIR/secrets.key; unset in production, configuring SSO or a second factor
   * is refused with a message saying so.
   */
  SECRETS_KEY: unsetWhenEmpty(
    z
      .base64({ error: 'must be 32 bytes in base64 (openssl rand -base64 32)' })
      .refine(
        (v) => Buffer.from(v, 'base64').length === 32,
        'must be 32 bytes in base64 (openssl rand -base64 32)',
      )
      .optional(),
  ),
  /**
   * Let single sign-on reach an identity provider over plain http:// when it runs on this machine
   * (127.0.0.1, ::1, localhost: a provider beside the API, in development and tests). Any other
   * provider is reached over https:// only, whatever this says: tokens cross networks over TLS.
   */
  SSO_ALLOW_HTTP_ISSUER: bool.default(false),
  /** Trust X-Forwarded-* from this many proxies (0 = none). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
});

export type AppConfig = z.infer<typeof envSchemaChecked>;

const envSchemaChecked = envSchema.superRefine((env, ctx) => {
  const bootstrap = [env.BOOTSTRAP_ORGANISATION, env.BOOTSTRAP_ADMIN_EMAIL];
  if ((bootstrap.some(Boolean) || env.BOOTSTRAP_ADMIN_PASSWORD) && !bootstrap.every(Boolean)) {
    ctx.addIssue({
      code: 'custom',
      path: [env.BOOTSTRAP_ORGANISATION ? 'BOOTSTRAP_ADMIN_EMAIL' : 'BOOTSTRAP_ORGANISATION'],
      message:
        'set BOOTSTRAP_ORGANISATION and BOOTSTRAP_ADMIN_EMAIL together (BOOTSTRAP_ADMIN_PASSWORD is optional: without it the administrator gets an invitation link)',
    });
  }
  if (env.SMTP_URL && !env.MAIL_FROM) {
    ctx.addIssue({
      code: 'custom',
      path: ['SMTP_URL'],
      message: 'set MAIL_FROM too: without it no email is queued for SMTP_URL to deliver',
    });
  }
});

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchemaChecked.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration in the environment:\n${problems}`);
  }
  return parsed.data;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** PUBLIC_URL without a trailing slash, or the local address. */
export function publicBaseUrl(config: AppConfig): string {
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
}
