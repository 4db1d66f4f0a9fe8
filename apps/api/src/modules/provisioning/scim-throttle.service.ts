import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { ScimError } from './scim-error.js';

/**
 * Each SCIM token may make SCIM_RATE_LIMIT_PER_MINUTE requests a minute, counted in PostgreSQL
 * (the login_throttle table, as for sign-in and the verify page) so every replica shares the
 * count. A runaway or stolen token cannot load the database more than that; Entra ID and Okta
 * both wait out a 429's Retry-After and carry on.
 */
@Injectable()
export class ScimThrottle {
  private readonly perToken: RateLimiterPostgres;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.perToken = new RateLimiterPostgres({
      storeClient: (dataSource.driver as unknown as { master: unknown }).master,
      storeType: 'pool',
      tableName: 'login_throttle',
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix: 'scim_token',
      points: config.SCIM_RATE_LIMIT_PER_MINUTE,
      duration: 60,
    });
  }

  /** Counts one request of this token; throws 429 (SCIM shape, with Retry-After) over the limit. */
  async consume(tokenId: string): Promise<void> {
    try {
      await this.perToken.consume(tokenId);
    } catch (result) {
      if (result instanceof RateLimiterRes) {
        const retryAfterSeconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
        throw new ScimError(
          429,
          undefined,
          `Too many requests with this token: try again in ${retryAfterSeconds} seconds.`,
          { retryAfterSeconds },
        );
      }
      throw result;
    }
  }
}
