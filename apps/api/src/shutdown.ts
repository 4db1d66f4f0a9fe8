import type { INestApplicationContext } from '@nestjs/common';
import type { ResolvedDatabase } from './database/database-url.js';
import { JobQueue } from './modules/jobs/job-queue.service.js';

/**
 * On SIGINT or SIGTERM: let running jobs finish, close the application, stop the embedded
 * PostgreSQL if this process started it, and exit. For the server and the worker alike.
 */
export function stopOnSignals(
  app: INestApplicationContext,
  database: ResolvedDatabase,
  say: (message: string) => void,
): void {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    say(`${signal} received: shutting down…`);
    await app
      .get(JobQueue)
      .stop()
      .catch(() => undefined);
    await app.close().catch(() => undefined);
    await database.embedded?.stop().catch(() => undefined);
    process.exit(0);
  };
  // `on`, not `once`: Nest's shutdown hooks (enableShutdownHooks) re-raise the signal at the
  // process once their part is done; with no listener left, that would kill the process before
  // the embedded PostgreSQL is stopped, leaving it running. The re-raised signal lands here and
  // is ignored, and the process ends when this shutdown has finished.
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
