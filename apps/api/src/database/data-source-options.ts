import type { DataSourceOptions } from 'typeorm';
import { migrations } from '@countersign/migrations';
import { ENTITIES } from './entities.js';

/**
 * The one DataSource definition, used by the app (through TypeOrmModule), the migration CLI
 * and the test harness. Schema changes happen only through migrations.
 */
export function dataSourceOptions(
  url: string,
  overrides: Partial<{ poolSize: number; logging: boolean }> = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations,
    migrationsRun: false, // run explicitly at start-up so the order of work is visible in the logs
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: overrides.logging ?? false,
    extra: { max: overrides.poolSize ?? 10, application_name: 'countersign' },
  };
}
