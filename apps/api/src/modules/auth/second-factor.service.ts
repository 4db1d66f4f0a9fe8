import { createHash, randomBytes, randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@countersign/contracts/permissions';
import {
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_COUNT,
  SECOND_FACTOR_POLICY_ROLES,
  TOTP_DIGITS,
  TOTP_PERIOD_SECONDS,
  type EnrolmentStart,
  type PersonSecondFactor,
  type RecoveryCodes,
  type SecondFactorStatus,
  type SecondFactorStep,
} from '@countersign/contracts/second-factor';
import { generateSecret, generateURI, verify, type VerifyResult } from 'otplib';
import QRCode from 'qrcode';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthContext } from '../../common/auth-context.js';
import { Clock } from '../../common/clock.js';
import { conflict, DomainError, notFound, unprocessable } from '../../common/domain-error.js';
import { SecretBox } from '../../common/secret-box.js';
import { AuditService } from '../audit/audit.service.js';
import { LoginThrottleService } from './login-throttle.service.js';

/** How long the step after the password lasts: a code is typed at once; an enrolment takes longer. */
const CHALLENGE_SECONDS = { code: 5 * 60, enrol: 15 * 60 } as const;
type ChallengePurpose = keyof typeof CHALLENGE_SECONDS;

/** The issuer an authenticator app shows above the code. */
const ISSUER = 'Countersign';

/** ±1 time step of clock drift between the phone and the server (RFC 6238 §5.2). */
const EPOCH_TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const secretContext = (organisationId: string, userId: string) => `totp:${organisationId}:${userId}`;
/** Bound to the person, so that one person's code hash means nothing in another's rows. */
const recoveryHash = (userId: string, code: string) => sha256(`${userId}:${code}`);

/** A person the challenge was issued to, as the sign-in needs them. */
export interface ChallengedPerson {
  challengeId: string;
  userId: string;
  organisationId: string;
  email: string;
  role: Role;
}

interface FactorRow {
  secret_sealed: string;
  confirmed_at: Date | null;
  last_time_step: string | null;
}

/**
 * TOTP second factors (RFC 6238 through otplib), their recovery codes, the organisation's policy
 * and the sign-in challenge between password and code.
 *
 * The seed is sealed with SecretBox (it must be read back to check codes). Each accepted code
 * moves `last_time_step` on, under a row lock, so the same code (or an older one) is refused
 * afterwards even on another replica. Wrong codes at sign-in and for the self-service actions
 * count in LoginThrottleService exactly as wrong passwords do.
 */
@Injectable()
export class SecondFactorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly secrets: SecretBox,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleService,
  ) {}

  // ---------------------------------------------------------------- sign-in

  /**
   * After a right password: the step that must come before a session, or null when none does.
   * A confirmed factor asks for its code; an officer or administrator of an organisation that
   * requires a factor, who has none, must enrol. Employees are never asked to enrol.
   */
  async stepAfterPassword(person: {
    id: string;
    organisationId: string;
    role: Role;
  }): Promise<SecondFactorStep | null> {
    const { enrolled, required } = await this.summary(person.organisationId, person.id, person.role);
    const purpose: ChallengePurpose | null = enrolled ? 'code' : required ? 'enrol' : null;
    if (!purpose) return null;
    return this.dataSource.transaction(async (tx) => {
      // One open challenge per person: a new sign-in replaces the one before.
      await tx.query(`DELETE FROM sign_in_challenge WHERE organisation_id = $1 AND user_id = $2`, [
        person.organisationId,
        person.id,
      ]);
      const token = randomBytes(32).toString('base64url');
      const [row] = await tx.query<{ expires_at: Date }[]>(
        `INSERT INTO sign_in_challenge (id, organisation_id, user_id, purpose, expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5)) RETURNING expires_at`,
        [sha256(token), person.organisationId, person.id, purpose, CHALLENGE_SECONDS[purpose]],
      );
      return {
        step: purpose === 'code' ? 'second-factor' : 'enrol-second-factor',
        challenge: token,
        expiresAt: new Date(row!.expires_at).toISOString(),
      } satisfies SecondFactorStep;
    });
  }

  /** The person a live challenge of this purpose belongs to; 401 when it cannot be used. */
  async challenged(
    token: string,
    purpose: ChallengePurpose,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<ChallengedPerson> {
    const [row] = await manager.query<
      { id: string; user_id: string; organisation_id: string; email: string; role: Role }[]
    >(
      `SELECT c.id, c.user_id, c.organisation_id, u.email, u.role
         FROM sign_in_challenge c
         JOIN app_user u ON u.id = c.user_id AND u.organisation_id = c.organisation_id AND u.active
         JOIN organisation o ON o.id = c.organisation_id AND o.disabled_at IS NULL
        WHERE c.id = $1 AND c.purpose = $2 AND c.expires_at > now()
        ${lock ? 'FOR UPDATE OF c' : ''}`,
      [sha256(token), purpose],
    );
    if (!row) {
      throw new DomainError(
        401,
        'challenge_invalid',
        'This sign-in has expired or was already completed. Sign in again with your email and password.',
      );
    }
    return {
      challengeId: row.id,
      userId: row.user_id,
      organisationId: row.organisation_id,
      email: row.email,
      role: row.role,
    };
  }

  /**
   * The code step of a sign-in: a code from the app or one recovery code, checked against the
   * challenge's person. On success the challenge is used up (so it works once) and a recovery
   * code's use is audited. Returns the person, or null when the code was wrong (the caller counts
   * the failure). The throttle is the caller's: it holds no connection while this transaction does.
   */
  async completeSignIn(
    token: string,
    answer: { code?: string; recoveryCode?: string },
  ): Promise<ChallengedPerson | null> {
    return this.dataSource.transaction(async (tx) => {
      const person = await this.challenged(token, 'code', tx, true);
      let accepted: boolean;
      if (answer.code !== undefined) {
        accepted = await this.acceptCode(tx, person.organisationId, person.userId, answer.code);
      } else {
        const left = await this.useRecoveryCode(tx, person, answer.recoveryCode ?? '');
        accepted = left !== null;
        if (left !== null) {
          await this.audit.record(tx, {
            organisationId: person.organisationId,
            actorId: person.userId,
            action: 'factor.recovery-code-used',
            subjectType: 'person',
            subjectId: person.userId,
            details: { recoveryCodesLeft: left },
          });
        }
      }
      if (!accepted) return null;
      await tx.query(`DELETE FROM sign_in_challenge WHERE id = $1`, [person.challengeId]);
      return person;
    });
  }

  /** Enrolment during a sign-in the organisation's policy holds up: a new secret for the person. */
  async startSignInEnrolment(token: string): Promise<EnrolmentStart> {
    const person = await this.challenged(token, 'enrol');
    return this.begin(person.organisationId, person.userId);
  }

  /**
   * Confirms the enrolment of a held-up sign-in with a first code: the factor is on, the
   * challenge used up. Returns the person and their recovery codes (shown once).
   */
  async confirmSignInEnrolment(
    token: string,
    code: string,
  ): Promise<{ person: ChallengedPerson; recoveryCodes: string[] }> {
    return this.dataSource.transaction(async (tx) => {
      const person = await this.challenged(token, 'enrol', tx, true);
      const recoveryCodes = await this.confirm(tx, person.organisationId, person.userId, code, 'sign-in');
      await tx.query(`DELETE FROM sign_in_challenge WHERE id = $1`, [person.challengeId]);
      return { person, recoveryCodes };
    });
  }

  // ---------------------------------------------------------------- one's own factor

  /** Whether the person has a confirmed factor, and whether their organisation requires one. */
  async summary(
    organisationId: string,
    userId: string,
    role: Role,
  ): Promise<{ enrolled: boolean; required: boolean }> {
    const [row] = await this.dataSource.query<{ enrolled: boolean; require_second_factor: boolean }[]>(
      `SELECT o.require_second_factor,
              EXISTS (SELECT 1 FROM second_factor f
                       WHERE f.organisation_id = o.id AND f.user_id = $2 AND f.confirmed_at IS NOT NULL) AS enrolled
         FROM organisation o WHERE o.id = $1`,
      [organisationId, userId],
    );
    return {
      enrolled: row?.enrolled ?? false,
      required: Boolean(row?.require_second_factor) && isPolicyRole(role),
    };
  }

  async status(auth: AuthContext): Promise<SecondFactorStatus> {
    const [factor, { required }] = await Promise.all([
      this.describe(auth.organisationId, auth.userId),
      this.summary(auth.organisationId, auth.userId, auth.role),
    ]);
    return { ...factor, required };
  }

  /**
   * Starts (or starts again) adding an authenticator app: a new secret, kept pending until a code
   * confirms it. The secret and its QR code are in this answer only. 409 when one is confirmed.
   */
  start(auth: AuthContext): Promise<EnrolmentStart> {
    return this.begin(auth.organisationId, auth.userId);
  }

  /**
   * Confirms the pending app with a code from it: the factor protects sign-in from now on, ten
   * recovery codes are made (shown once), and the person's other sessions end.
   */
  async confirmOwn(auth: AuthContext, code: string): Promise<RecoveryCodes & { otherSessionsEnded: number }> {
    return this.dataSource.transaction(async (tx) => {
      const recoveryCodes = await this.confirm(tx, auth.organisationId, auth.userId, code, 'account');
      const ended = await tx.query<unknown[]>(
        `WITH ended AS (
           DELETE FROM user_session WHERE organisation_id = $1 AND user_id = $2 AND id <> $3 RETURNING 1
         ) SELECT 1 FROM ended`,
        [auth.organisationId, auth.userId, auth.sessionId],
      );
      return { recoveryCodes, otherSessionsEnded: ended.length };
    });
  }

  /** Ten new recovery codes for a current code; the old ones stop working. */
  async regenerateRecoveryCodes(auth: AuthContext, code: string, ip: string): Promise<RecoveryCodes> {
    return this.withCurrentCode(auth, code, ip, async (tx) => {
      await tx.query(`DELETE FROM recovery_code WHERE organisation_id = $1 AND user_id = $2`, [
        auth.organisationId,
        auth.userId,
      ]);
      const recoveryCodes = await this.makeRecoveryCodes(tx, auth.organisationId, auth.userId);
      await this.audit.record(tx, {
        organisationId: auth.organisationId,
        actorId: auth.userId,
        action: 'factor.recovery-codes-regenerated',
        subjectType: 'person',
        subjectId: auth.userId,
        details: { recoveryCodes: recoveryCodes.length },
      });
      return { recoveryCodes };
    });
  }

  /**
   * Removes one's own factor, for a current code. Refused while the organisation requires a
   * factor for the person's role (an administrator can still reset it, to enrol again).
   */
  async removeOwn(auth: AuthContext, code: string, ip: string): Promise<void> {
    const { required } = await this.summary(auth.organisationId, auth.userId, auth.role);
    if (required) {
      throw conflict(
        'second_factor_required',
        'Your organisation requires an authenticator app for your role, so it cannot be removed. To move to a new phone, make new recovery codes or ask an administrator to reset your second factor.',
      );
    }
    await this.withCurrentCode(auth, code, ip, async (tx) => {
      await tx.query(`DELETE FROM second_factor WHERE organisation_id = $1 AND user_id = $2`, [
        auth.organisationId,
        auth.userId,
      ]);
      await this.audit.record(tx, {
        organisationId: auth.organisationId,
        actorId: auth.userId,
        action: 'factor.removed',
        subjectType: 'person',
        subjectId: auth.userId,
      });
    });
  }

  // ---------------------------------------------------------------- administrators

  async ofPerson(auth: AuthContext, userId: string): Promise<PersonSecondFactor> {
    const [person] = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE organisation_id = $1 AND id = $2`,
      [auth.organisationId, userId],
    );
    if (!person) throw notFound('The person');
    return this.describe(auth.organisationId, userId);
  }

  /**
   * An administrator removes another person's factor (a lost phone): their recovery codes and
   * open sign-in challenges go with it and their sessions end; at the next sign-in they enrol
   * again if their organisation requires it. Audited. Returns how many sessions ended.
   */
  async reset(auth: AuthContext, userId: string): Promise<{ sessionsEnded: number }> {
    if (userId === auth.userId) {
      throw conflict(
        'own_second_factor',
        'You cannot reset your own second factor here: use "Your account" (it needs a current code), or ask another administrator.',
      );
    }
    return this.dataSource.transaction(async (tx) => {
      const [person] = await tx.query<{ id: string }[]>(
        `SELECT id FROM app_user WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
        [auth.organisationId, userId],
      );
      if (!person) throw notFound('The person');
      // (A CTE, because TypeORM answers a bare DELETE … RETURNING with [rows, count].)
      const removed = await tx.query<{ confirmed: boolean }[]>(
        `WITH removed AS (
           DELETE FROM second_factor WHERE organisation_id = $1 AND user_id = $2 RETURNING confirmed_at
         ) SELECT confirmed_at IS NOT NULL AS confirmed FROM removed`,
        [auth.organisationId, userId],
      );
      if (!removed[0]?.confirmed) {
        throw conflict('no_second_factor', 'This person has no authenticator app to reset.');
      }
      await tx.query(`DELETE FROM sign_in_challenge WHERE organisation_id = $1 AND user_id = $2`, [
        auth.organisationId,
        userId,
      ]);
      const ended = await tx.query<unknown[]>(
        `WITH ended AS (DELETE FROM user_session WHERE organisation_id = $1 AND user_id = $2 RETURNING 1)
         SELECT 1 FROM ended`,
        [auth.organisationId, userId],
      );
      await this.audit.record(tx, {
        organisationId: auth.organisationId,
        actorId: auth.userId,
        action: 'factor.reset',
        subjectType: 'person',
        subjectId: userId,
        details: { sessionsEnded: ended.length },
      });
      return { sessionsEnded: ended.length };
    });
  }

  // ---------------------------------------------------------------- inside

  private async describe(organisationId: string, userId: string): Promise<PersonSecondFactor> {
    const [row] = await this.dataSource.query<{ confirmed_at: Date | null; left: number }[]>(
      `SELECT f.confirmed_at,
              (SELECT count(*)::int FROM recovery_code r
                WHERE r.organisation_id = f.organisation_id AND r.user_id = f.user_id AND r.used_at IS NULL) AS left
         FROM second_factor f
        WHERE f.organisation_id = $1 AND f.user_id = $2 AND f.confirmed_at IS NOT NULL`,
      [organisationId, userId],
    );
    return {
      enrolled: Boolean(row),
      enrolledAt: row?.confirmed_at ? new Date(row.confirmed_at).toISOString() : null,
      recoveryCodesLeft: row?.left ?? 0,
    };
  }

  private async begin(organisationId: string, userId: string): Promise<EnrolmentStart> {
    const secret = generateSecret();
    const sealed = this.secrets.seal(secret, secretContext(organisationId, userId));
    const email = await this.dataSource.transaction(async (tx) => {
      const [person] = await tx.query<{ email: string }[]>(
        `SELECT email FROM app_user WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
        [organisationId, userId],
      );
      if (!person) throw notFound('The person');
      const [existing] = await tx.query<{ confirmed_at: Date | null }[]>(
        `SELECT confirmed_at FROM second_factor WHERE organisation_id = $1 AND user_id = $2`,
        [organisationId, userId],
      );
      if (existing?.confirmed_at) {
        throw conflict(
          'already_enrolled',
          'You already have an authenticator app. Remove it first to add another one.',
        );
      }
      // A pending secret (an enrolment begun and left) is replaced: only the newest QR code works.
      await tx.query(
        `INSERT INTO second_factor (organisation_id, user_id, secret_sealed) VALUES ($1, $2, $3)
         ON CONFLICT (organisation_id, user_id)
         DO UPDATE SET secret_sealed = EXCLUDED.secret_sealed, created_at = now(), last_time_step = NULL`,
        [organisationId, userId, sealed],
      );
      return person.email;
    });
    const otpauthUri = generateURI({
      issuer: ISSUER,
      label: email,
      secret,
      digits: TOTP_DIGITS,
      period: TOTP_PERIOD_SECONDS,
    });
    const svg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return {
      otpauthUri,
      qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
      secret,
      issuer: ISSUER,
      account: email,
    };
  }

  /** Turns the pending factor on with a first code; makes and returns the recovery codes. */
  private async confirm(
    tx: EntityManager,
    organisationId: string,
    userId: string,
    code: string,
    during: 'sign-in' | 'account',
  ): Promise<string[]> {
    const factor = await this.lockFactor(tx, organisationId, userId);
    if (!factor || factor.confirmed_at) {
      throw conflict(
        factor ? 'already_enrolled' : 'enrolment_not_started',
        factor
          ? 'This authenticator app is already confirmed.'
          : 'Start adding an authenticator app first: the QR code comes with that step.',
      );
    }
    if (!(await this.checkCode(tx, organisationId, userId, factor, code))) {
      throw unprocessable(
        'wrong_code',
        'That code is not right. Check the app shows Countersign and type the code it shows now.',
        [{ field: 'code', message: 'is not the current code of the app' }],
      );
    }
    await tx.query(
      `UPDATE second_factor SET confirmed_at = now() WHERE organisation_id = $1 AND user_id = $2`,
      [organisationId, userId],
    );
    const recoveryCodes = await this.makeRecoveryCodes(tx, organisationId, userId);
    await this.audit.record(tx, {
      organisationId,
      actorId: userId,
      action: 'factor.enrolled',
      subjectType: 'person',
      subjectId: userId,
      details: { method: 'totp', during, recoveryCodes: recoveryCodes.length },
    });
    return recoveryCodes;
  }

  /**
   * Runs `work` in a transaction once a current code of the person's confirmed factor is right. A
   * wrong code counts as a failed sign-in (and locks like one); 409 without a factor.
   */
  private async withCurrentCode<T>(
    auth: AuthContext,
    code: string,
    ip: string,
    work: (tx: EntityManager) => Promise<T>,
  ): Promise<T> {
    const [person] = await this.dataSource.query<{ email: string }[]>(
      `SELECT email FROM app_user WHERE organisation_id = $1 AND id = $2`,
      [auth.organisationId, auth.userId],
    );
    if (!person) throw notFound('The person');
    await this.throttle.assertAllowed(person.email, ip);
    const outcome = await this.dataSource.transaction(async (tx) => {
      const factor = await this.lockFactor(tx, auth.organisationId, auth.userId);
      if (!factor?.confirmed_at) {
        throw conflict('no_second_factor', 'You have no authenticator app set up.');
      }
      if (!(await this.checkCode(tx, auth.organisationId, auth.userId, factor, code)))
        return { ok: false as const };
      return { ok: true as const, value: await work(tx) };
    });
    if (!outcome.ok) {
      await this.throttle.recordFailure(person.email, ip); // throws 429 once it locks
      throw unprocessable('wrong_code', 'That code is not right: type the code your app shows now.', [
        { field: 'code', message: 'is not the current code of your authenticator app' },
      ]);
    }
    await this.throttle.recordSuccess(person.email, ip);
    return outcome.value;
  }

  /** A code of the person's confirmed factor, checked and used up (in the caller's transaction). */
  private async acceptCode(
    tx: EntityManager,
    organisationId: string,
    userId: string,
    code: string,
  ): Promise<boolean> {
    const factor = await this.lockFactor(tx, organisationId, userId);
    if (!factor?.confirmed_at) return false;
    return this.checkCode(tx, organisationId, userId, factor, code);
  }

  private async lockFactor(tx: EntityManager, organisationId: string, userId: string) {
    const [row] = await tx.query<FactorRow[]>(
      `SELECT secret_sealed, confirmed_at, last_time_step FROM second_factor
        WHERE organisation_id = $1 AND user_id = $2 FOR UPDATE`,
      [organisationId, userId],
    );
    return row ?? null;
  }

  /**
   * RFC 6238 with ±1 step of drift. A code of the last accepted step or earlier is refused
   * (`afterTimeStep`), and an accepted one moves the step on, so no code works twice.
   */
  private async checkCode(
    tx: EntityManager,
    organisationId: string,
    userId: string,
    factor: FactorRow,
    code: string,
  ): Promise<boolean> {
    const secret = this.secrets.open(factor.secret_sealed, secretContext(organisationId, userId));
    // The TOTP strategy (the default) answers a TOTP result, with the step that matched.
    const result = (await verify({
      strategy: 'totp',
      secret,
      token: code,
      digits: TOTP_DIGITS,
      period: TOTP_PERIOD_SECONDS,
      epoch: Math.floor(this.clock.now().getTime() / 1000),
      epochTolerance: EPOCH_TOLERANCE_SECONDS,
      ...(factor.last_time_step !== null && { afterTimeStep: Number(factor.last_time_step) }),
    })) as VerifyResult;
    if (!result.valid) return false;
    await tx.query(
      `UPDATE second_factor SET last_time_step = $3 WHERE organisation_id = $1 AND user_id = $2`,
      [organisationId, userId, result.timeStep],
    );
    return true;
  }

  /** Uses one recovery code; the number left, or null when it is not an unused code of the person. */
  private async useRecoveryCode(tx: EntityManager, person: ChallengedPerson, code: string) {
    const used = await tx.query<unknown[]>(
      `WITH used AS (
         UPDATE recovery_code SET used_at = now()
          WHERE organisation_id = $1 AND user_id = $2 AND code_hash = $3 AND used_at IS NULL
          RETURNING 1
       ) SELECT 1 FROM used`,
      [person.organisationId, person.userId, recoveryHash(person.userId, code)],
    );
    if (!used.length) return null;
    const [row] = await tx.query<{ left: number }[]>(
      `SELECT count(*)::int AS left FROM recovery_code
        WHERE organisation_id = $1 AND user_id = $2 AND used_at IS NULL`,
      [person.organisationId, person.userId],
    );
    return row?.left ?? 0;
  }

  private async makeRecoveryCodes(tx: EntityManager, organisationId: string, userId: string) {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await tx.query(
      `INSERT INTO recovery_code (organisation_id, user_id, code_hash)
       SELECT $1, $2, h FROM unnest($3::text[]) AS h`,
      [organisationId, userId, codes.map((c) => recoveryHash(userId, c.replace(/-/g, '')))],
    );
    return codes;
  }
}

export const isPolicyRole = (role: Role) => (SECOND_FACTOR_POLICY_ROLES as readonly Role[]).includes(role);

/** 16 characters from a 32-letter alphabet (80 bits), in groups of four. */
function newRecoveryCode(): string {
  const chars = Array.from({ length: 16 }, () => RECOVERY_CODE_ALPHABET[randomInt(32)]!);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
