import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SignInFailureDetails, SignInWaitDetails } from '@countersign/contracts/auth';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { DomainError } from '../../common/domain-error.js';

/** Failures counted per address across accounts within an hour before that address is blocked. */
const ADDRESS_MAX_FAILURES = 100;
const HOUR = 60 * 60;
/** How long failures for one account, from any address, are remembered (since the first one). */
const ACCOUNT_WINDOW_SECONDS = 24 * HOUR;
/** The progressive delay doubles from 1 s with each further failure, up to this. */
const ACCOUNT_MAX_DELAY_SECONDS = 60;
/** While one attempt on a delayed account is being checked, others wait at most this long. */
const ACCOUNT_SLOT_SECONDS = 5;

/**
 * Brute-force protection for sign-in, kept in PostgreSQL (table login_throttle) so that any
 * number of API replicas share one count. Uses rate-limiter-flexible, a well-kept library whose
 * documented "login endpoint protection" pattern this follows:
 *  - consecutive failures per account + address: after LOGIN_MAX_FAILURES, a lock-out of
 *    LOGIN_LOCKOUT_MINUTES for that address;
 *  - failures per address across accounts: slows password spraying from one place;
 *  - failures per account from any address: from the LOGIN_MAX_FAILURES-th on, each further
 *    attempt waits 1 s, 2 s, 4 s … at most a minute. Many addresses guessing one password are
 *    slowed to about one guess a minute, while the person (from their own address) is never
 *    locked out by strangers: their right password works once the wait is over.
 * A sign-in that is refused for waiting is not checked, so it tells nothing about the password.
 */
@Injectable()
export class LoginThrottleService {
  private readonly perAccountAddress: RateLimiterPostgres;
  private readonly perAddress: RateLimiterPostgres;
  private readonly accountFailures: RateLimiterPostgres;
  /** Blocked for the current delay after a failure; claimed by the one attempt checked meanwhile. */
  private readonly accountGate: RateLimiterPostgres;
  private readonly maxFailures: number;
  private readonly lockoutSeconds: number;

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
    this.maxFailures = config.LOGIN_MAX_FAILURES;
    this.lockoutSeconds = config.LOGIN_LOCKOUT_MINUTES * 60;
    // The lock-out itself is an explicit block (see recordFailure): the counting window only
    // decides how long failures are remembered before it.
    this.perAccountAddress = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'login_account',
      points: this.maxFailures,
      duration: HOUR,
    });
    this.perAddress = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'login_address',
      points: ADDRESS_MAX_FAILURES,
      duration: HOUR,
    });
    this.accountFailures = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'login_account_any',
      points: Number.MAX_SAFE_INTEGER,
      duration: ACCOUNT_WINDOW_SECONDS,
    });
    this.accountGate = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'login_account_gate',
      points: 1,
      duration: ACCOUNT_SLOT_SECONDS,
    });
  }

  /**
   * Throws 429 when this account from this address, or this address, is locked out, or when the
   * account must still wait after recent failures. On a delayed account it claims the one attempt
   * that may be checked now, so simultaneous guesses from many addresses are refused too.
   */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const [account, address, failures] = await Promise.all([
      this.perAccountAddress.get(accountKey(email, ip)),
      this.perAddress.get(ip),
      this.accountFailures.get(email),
    ]);
    const blocked = [account, address].find((r) => r && r.remainingPoints <= 0);
    if (blocked) throw lockedOut(blocked.msBeforeNext);
    if ((failures?.consumedPoints ?? 0) < this.maxFailures) return;
    try {
      await this.accountGate.consume(email);
    } catch (result) {
      if (result instanceof RateLimiterRes) throw delayed(result.msBeforeNext);
      throw result;
    }
  }

  /**
   * Counts a failed sign-in. Returns what the person may be told: the attempts left from here
   * before a lock-out, and the wait before the next one when the account is being slowed. Throws
   * 429 when this failure starts a lock-out.
   */
  async recordFailure(email: string, ip: string): Promise<SignInFailureDetails> {
    const [account, address, failures] = await Promise.all([
      this.perAccountAddress.penalty(accountKey(email, ip)),
      this.perAddress.penalty(ip),
      this.accountFailures.penalty(email),
    ]);
    const delaySeconds = delayAfter(failures.consumedPoints, this.maxFailures);
    await Promise.all([
      account.remainingPoints === 0 &&
        this.perAccountAddress.block(accountKey(email, ip), this.lockoutSeconds),
      address.remainingPoints === 0 && this.perAddress.block(ip, HOUR),
      delaySeconds > 0 && this.accountGate.block(email, delaySeconds),
    ]);
    if (account.remainingPoints === 0) throw lockedOut(this.lockoutSeconds * 1000);
    if (address.remainingPoints === 0) throw lockedOut(HOUR * 1000);
    return {
      attemptsLeft: Math.min(account.remainingPoints, address.remainingPoints),
      lockoutMinutes: this.lockoutSeconds / 60,
      ...(delaySeconds > 0 && { retryAfterSeconds: delaySeconds }),
    };
  }

  /** The right password: this address starts afresh for the account, and the account's delay ends. */
  async recordSuccess(email: string, ip: string): Promise<void> {
    await Promise.all([
      this.perAccountAddress.delete(accountKey(email, ip)),
      this.accountFailures.delete(email),
      this.accountGate.delete(email),
    ]);
  }
}

const accountKey = (email: string, ip: string) => `${email}_${ip}`;

/** The wait after the `failures`-th failure: none before `threshold`, then 1 s doubling, capped. */
export function delayAfter(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  return Math.min(ACCOUNT_MAX_DELAY_SECONDS, 2 ** Math.min(failures - threshold, 16));
}

function lockedOut(msBeforeNext: number): DomainError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  const details: SignInWaitDetails = { retryAfterSeconds: seconds };
  return new DomainError(
    429,
    'too_many_attempts',
    `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask your administrator to help.`,
    details,
  );
}

function delayed(msBeforeNext: number): DomainError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const details: SignInWaitDetails = { retryAfterSeconds: seconds };
  return new DomainError(
    429,
    'sign_in_delayed',
    `This account has had many failed sign-ins recently, so each attempt must wait. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
    details,
  );
}
