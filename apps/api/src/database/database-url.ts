import path from 'node:path';
import type { AppConfig } from '../config/config.js';
import {
  ensureDatabase,
  runningEmbeddedServer,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from './embedded-postgres.js';

export interface ResolvedDatabase {
  url: string;
  embedded: EmbeddedDatabase | null;
}

export const EMBEDDED_DATABASE_NAME = 'countersign';

/**
 * DATABASE_URL when set; otherwise start the embedded server and use its database. With
 * `shareRunning` (the CLI), an embedded server already running on the data folder (a running
 * `npm start`) is used as it is, and left running.
 */
export async function resolveDatabase(
  config: AppConfig,
  log: (m: string) => void,
  { shareRunning = false }: { shareRunning?: boolean } = {},
): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: null };
  const running = shareRunning ? runningEmbeddedServer(path.join(config.DATA_DIR, 'postgres')) : null;
  if (running) return { url: `${running}/${EMBEDDED_DATABASE_NAME}`, embedded: null };
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(config.DATA_DIR, 'postgres'),
    port: config.EMBEDDED_PG_PORT,
    log,
  });
  await ensureDatabase(embedded.serverUrl, EMBEDDED_DATABASE_NAME);
  return { url: `${embedded.serverUrl}/${EMBEDDED_DATABASE_NAME}`, embedded };
}
