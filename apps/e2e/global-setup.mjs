// Starts the product exactly as `npm start` serves it (built API + built web on one port), on a
// fresh database, before the browser journeys. Nx builds api and web first (e2e dependsOn).
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A port nothing listens on now: two checkouts can run their journeys side by side. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A real SMTP server for the journeys that follow an email (invitations, password resets): every
 * message it accepts is written to E2E_MAIL_DIR as <n>.eml, which the journeys read with mailparser.
 */
async function startMailbox(dir) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        const name = `${String(++count).padStart(5, '0')}.eml`;
        writeFile(path.join(dir, name), Buffer.concat(chunks)).then(() => callback(), callback);
      });
    },
  });
  const port = await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server.server.address().port));
  });
  return { server, url: `smtp://127.0.0.1:${port}?ignoreTLS=true` };
}

export default async function globalSetup() {
  const PORT = Number(process.env.E2E_PORT ?? (await freePort()));
  const mailDir = path.join(root, '.data', 'e2e-mail');
  const mailbox = await startMailbox(mailDir);
  globalThis.__E2E_MAILBOX__ = mailbox.server;
  process.env.E2E_MAIL_DIR = mailDir;
  const env = {
    ...process.env,
    PORT: String(PORT),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    DEMO_SEED: 'true',
    MAIL_FROM: 'Countersign <security@demo-ltd.example>',
    SMTP_URL: mailbox.url,
    WORKER_POLL_SECONDS: '1',
    PUBLIC_URL: `http://localhost:${PORT}`,
    // A production server refuses to store secrets (SSO client secrets, authenticator seeds) without it.
    SECRETS_KEY: process.env.SECRETS_KEY ?? randomBytes(32).toString('base64'),
    // The SSO journey's identity provider runs in the test process, on http://127.0.0.1.
    SSO_ALLOW_HTTP_ISSUER: 'true',
  };
  if (process.env.DATABASE_URL) {
    // E2E_DATABASE names the database, so that two checkouts can run their journeys side by side.
    env.DATABASE_URL = await freshDatabase(
      process.env.DATABASE_URL,
      process.env.E2E_DATABASE ?? 'countersign_e2e',
    );
  } else {
    env.DATA_DIR = path.join(root, '.data', 'e2e');
    env.EMBEDDED_PG_PORT = process.env.E2E_EMBEDDED_PG_PORT ?? String(await freePort());
    await rm(env.DATA_DIR, { recursive: true, force: true });
  }
  const server = spawn(process.execPath, [path.join(root, 'apps/api/dist/main.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  globalThis.__E2E_SERVER__ = server;
  process.env.E2E_BASE_URL = `http://localhost:${PORT}`;

  const deadline = Date.now() + 120_000;
  while (!output.includes('Countersign is running')) {
    if (server.exitCode !== null) throw new Error(`The server exited during start-up:\n${output}`);
    if (Date.now() > deadline) throw new Error(`The server did not start within 120 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const password = /password for every account: (\S+)/.exec(output)?.[1];
  if (!password) throw new Error(`No demo password printed:\n${output}`);
  process.env.E2E_DEMO_PASSWORD = password;
}

async function freshDatabase(url, name) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`E2E_DATABASE must be a plain lower-case name, not ${name}`);
  const server = new URL(url);
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  server.pathname = `/${name}`;
  return server.toString();
}
