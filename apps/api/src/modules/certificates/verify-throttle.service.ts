import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { type MinuteRateLimit, minuteRateLimit } from '../../database/minute-rate-limit.js';
import { verifyThrottled } from './certificates.errors.js';

/**
 * The public verify endpoint needs no session, so it is the one place a stranger could try codes
 * in bulk. 160-bit codes cannot be guessed anyway; the limit keeps the endpoint from being a cheap
 * way to load the database. VERIFY_RATE_LIMIT_PER_MINUTE checks per client address per minute,
 * counted in PostgreSQL (the login_throttle table, as for sign-in) so every replica shares it.
 */
@Injectable()
export class VerifyThrottle {
  private readonly perAddress: MinuteRateLimit;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.perAddress = minuteRateLimit(dataSource, 'verify_address', config.VERIFY_RATE_LIMIT_PER_MINUTE);
  }

  /** Counts one check from this address; throws 429 when it is over the limit. */
  async consume(ip: string): Promise<void> {
    const wait = await this.perAddress.consume(ip);
    if (wait) throw verifyThrottled(wait);
  }
}
