import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { verifyThrottled } from './certificates.errors.js';

/**
 * The public verify endpoint needs no session, so it is the one place a stranger could try codes
 * in bulk. 160-bit codes cannot be guessed anyway; the limit keeps the endpoint from being a cheap
 * way to load the database. VERIFY_RATE_LIMIT_PER_MINUTE checks per client address per minute,
 * counted in PostgreSQL (the login_throttle table, as for sign-in) so every replica shares it.
 */
@Injectable()
export class VerifyThrottle {
  private readonly perAddress: RateLimiterPostgres;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.perAddress = new RateLimiterPostgres({
      storeClient: (dataSource.driver as unknown as { master: unknown }).master,
      storeType: 'pool',
      tableName: 'login_throttle',
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix: 'verify_address',
      points: config.VERIFY_RATE_LIMIT_PER_MINUTE,
      duration: 60,
    });
  }

  /** Counts one check from this address; throws 429 when it is over the limit. */
  async consume(ip: string): Promise<void> {
    try {
      await this.perAddress.consume(ip);
    } catch (result) {
      if (result instanceof RateLimiterRes)
        throw verifyThrottled(Math.max(1, Math.ceil(result.msBeforeNext / 1000)));
      throw result;
    }
  }
}
