import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { DomainError } from '../../common/domain-error.js';

/**
 * Brute-force protection for sign-in, kept in PostgreSQL (table login_throttle) so that any
 * number of API replicas share one count. Uses rate-limiter-flexible, a well-kept library whose
 * documented "login endpoint protection" pattern this follows:
 *  - consecutive failures per account + address: lock-out after LOGIN_MAX_FAILURES;
 *  - failures per address across accounts: slows password spraying from one place.
 */
@Injectable()
export class LoginThrottleService {
  private readonly perAccount: RateLimiterPostgres;
  private readonly perAddress: RateLimiterPostgres;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    // The pg Pool behind TypeORM's driver.
    const pool = (dataSource.driver as unknown as { master: unknown }).master;
    const common = {
      storeClient: pool,
      storeType: 'pool',
      tableName: 'login_throttle',
      tableCreated: true,
      clearExpiredByTimeout: false,
    };
    this.perAccount = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'login_account',
      points: config.LOGIN_MAX_FAILURES,
      duration: 60 * 60,
      blockDuration: config.LOGIN_LOCKOUT_MINUTES * 60,
    });
    this.perAddress = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'login_address',
      points: 100,
      duration: 60 * 60,
      blockDuration: 60 * 60,
    });
  }

  /** Throws 429 when this account (from this address) or this address is locked out. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const [account, address] = await Promise.all([
      this.perAccount.get(accountKey(email, ip)),
      this.perAddress.get(ip),
    ]);
    const blocked = [account, address].find((r) => r && r.remainingPoints <= 0);
    if (blocked) throw tooMany(blocked.msBeforeNext);
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    try {
      await Promise.all([this.perAccount.consume(accountKey(email, ip)), this.perAddress.consume(ip)]);
    } catch (result) {
      if (result instanceof RateLimiterRes) throw tooMany(result.msBeforeNext);
      throw result;
    }
  }

  async recordSuccess(email: string, ip: string): Promise<void> {
    await this.perAccount.delete(accountKey(email, ip));
  }
}

const accountKey = (email: string, ip: string) => `${email}_${ip}`;

function tooMany(msBeforeNext: number): DomainError {
  const minutes = Math.max(1, Math.ceil(msBeforeNext / 60_000));
  return new DomainError(
    429,
    'too_many_attempts',
    `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask your administrator to help.`,
    { retryAfterSeconds: Math.ceil(msBeforeNext / 1000) },
  );
}
