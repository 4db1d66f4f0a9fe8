import type { DataSourceOptions } from 'typeorm';
import { migrations } from '@countersign/migrations';
import { ENTITIES } from './entities.js';

export interface PoolSettings {
  poolSize: number;
  logging: boolean;
  /** How long a query waits for a free connection before failing (0: forever, for CLIs only). */
  acquireTimeoutMs: number;
  /** PostgreSQL cancels a statement running longer (0: no limit, for migrations). */
  statementTimeoutMs: number;
}

/**
 * The one DataSource definition, used by the app (through TypeOrmModule), the migration CLI
 * and the test harness. Schema changes happen only through migrations.
 *
 * The app always passes both timeouts: a request then never waits forever, neither for a
 * connection (the pool's queue gives up after acquireTimeoutMs, and the API answers 503) nor for a
 * statement. A transaction left idle (a bug, or a client gone) is ended by PostgreSQL too.
 */
export function dataSourceOptions(url: string, overrides: Partial<PoolSettings> = {}): DataSourceOptions {
  const statementTimeout = overrides.statementTimeoutMs ?? 0;
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations,
    migrationsRun: false, // run explicitly at start-up so the order of work is visible in the logs
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: overrides.logging ?? false,
    extra: {
      max: overrides.poolSize ?? 10,
      application_name: 'countersign',
      connectionTimeoutMillis: overrides.acquireTimeoutMs ?? 0,
      ...(statementTimeout > 0
        ? {
            statement_timeout: statementTimeout,
            idle_in_transaction_session_timeout: Math.max(statementTimeout * 2, 30_000),
          }
        : {}),
    },
  };
}
