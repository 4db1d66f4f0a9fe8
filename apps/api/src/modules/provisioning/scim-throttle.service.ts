import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { type MinuteRateLimit, minuteRateLimit } from '../../database/minute-rate-limit.js';
import { ScimError } from './scim-error.js';

/**
 * Each SCIM token may make SCIM_RATE_LIMIT_PER_MINUTE requests a minute, counted in PostgreSQL
 * (the login_throttle table, as for sign-in and the verify page) so every replica shares the
 * count. A runaway or stolen token cannot load the database more than that; Entra ID and Okta
 * both wait out a 429's Retry-After and carry on.
 */
@Injectable()
export class ScimThrottle {
  private readonly perToken: MinuteRateLimit;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.perToken = minuteRateLimit(dataSource, 'scim_token', config.SCIM_RATE_LIMIT_PER_MINUTE);
  }

  /** Counts one request of this token; throws 429 (SCIM shape, with Retry-After) over the limit. */
  async consume(tokenId: string): Promise<void> {
    const retryAfterSeconds = await this.perToken.consume(tokenId);
    if (retryAfterSeconds)
      throw new ScimError(
        429,
        undefined,
        `Too many requests with this token: try again in ${retryAfterSeconds} seconds.`,
        { retryAfterSeconds },
      );
  }
}
