import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';

/** One key's allowance per minute, counted in PostgreSQL so that every replica shares the count. */
export interface MinuteRateLimit {
  /** Counts one use of `key`: null while within the allowance, else the seconds to wait (≥ 1). */
  consume(key: string): Promise<number | null>;
}

/**
 * `points` uses a minute per key, kept by rate-limiter-flexible in the `login_throttle` table (as
 * sign-in's own throttle is) under `keyPrefix`, through the application's pool.
 */
export function minuteRateLimit(dataSource: DataSource, keyPrefix: string, points: number): MinuteRateLimit {
  const limiter = new RateLimiterPostgres({
    storeClient: (dataSource.driver as unknown as { master: unknown }).master,
    storeType: 'pool',
    tableName: 'login_throttle',
    tableCreated: true,
    clearExpiredByTimeout: false,
    keyPrefix,
    points,
    duration: 60,
  });
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
        return null;
      } catch (result) {
        if (result instanceof RateLimiterRes) return Math.max(1, Math.ceil(result.msBeforeNext / 1000));
        throw result;
      }
    },
  };
}
