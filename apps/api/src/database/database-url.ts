import path from 'node:path';
import type { AppConfig } from '../config/config.js';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';

export interface ResolvedDatabase {
  url: string;
  embedded: EmbeddedDatabase | null;
}

export const EMBEDDED_DATABASE_NAME = 'countersign';

/** DATABASE_URL when set; otherwise start the embedded server and use its database. */
export async function resolveDatabase(
  config: AppConfig,
  log: (m: string) => void,
): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: null };
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(config.DATA_DIR, 'postgres'),
    port: config.EMBEDDED_PG_PORT,
    log,
  });
  await ensureDatabase(embedded.serverUrl, EMBEDDED_DATABASE_NAME);
  return { url: `${embedded.serverUrl}/${EMBEDDED_DATABASE_NAME}`, embedded };
}
