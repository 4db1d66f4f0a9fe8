import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { LoginRequest, SessionResponse } from '@countersign/contracts/auth';
import type {
  EnrolmentStart,
  SecondFactorSignInRequest,
  SecondFactorStep,
} from '@countersign/contracts/second-factor';
import { ROLE_PERMISSIONS, type Role } from '@countersign/contracts/permissions';
import argon2 from 'argon2';
import { LRUCache } from 'lru-cache';
import { Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import type { AuthContext } from '../../common/auth-context.js';
import { DomainError } from '../../common/domain-error.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { User } from '../users/user.entity.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { SecondFactorService } from './second-factor.service.js';
import { Session } from './session.entity.js';
import { ssoRequiredRefusal } from './sso-required.js';

/** argon2id with the library's defaults (64 MiB, t=3, p=4), which meet OWASP's guidance. */
export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

// Verified against when the email is unknown, so both paths take the same time.
const DUMMY_HASH = hashPassword(randomBytes(16).toString('hex'));

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** A session opened through SSO, as it ends: enough to send the browser to the provider's logout. */
export interface EndedSsoSession {
  organisationId: string;
  userId: string;
  issuer: string;
  sealedIdToken: string | null;
}
export type SsoSignOutRedirect = (ended: EndedSsoSession) => Promise<string | null>;

/** Sessions remembered per process: enough for every signed-in person of a large installation. */
const SESSION_CACHE_ENTRIES = 50_000;

@Injectable()
export class AuthService {
  /**
   * Recently checked sessions, so that a busy learner's every click does not cost a database
   * round trip. An entry lives SESSION_CACHE_SECONDS at most: a sign-out on this replica ends the
   * session at once, and one on another replica, an expiry or a deactivated person within that time.
   */
  private readonly recent: LRUCache<string, { auth: AuthContext; expiresAt: number }> | null;
  private signOutRedirect: SsoSignOutRedirect | null = null;

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    private readonly throttle: LoginThrottleService,
    private readonly factors: SecondFactorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.recent =
      config.SESSION_CACHE_SECONDS > 0
        ? new LRUCache({ max: SESSION_CACHE_ENTRIES, ttl: config.SESSION_CACHE_SECONDS * 1000 })
        : null;
  }

  /**
   * The password step. A person with an authenticator app, or one the organisation's policy
   * requires to enrol, gets the next step and its challenge instead of a session; the failure
   * counts are kept until that step succeeds, so wrong codes add up with wrong passwords.
   */
  async login(
    request: Required<LoginRequest>,
    ip: string,
    userAgent: string | undefined,
  ): Promise<{ token: string; session: SessionResponse } | { step: SecondFactorStep }> {
    const email = request.email.toLowerCase();
    await this.throttle.assertAllowed(email, ip);
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    const valid = user?.passwordHash
      ? await argon2.verify(user.passwordHash, request.password)
      : (await argon2.verify(await DUMMY_HASH, request.password), false);
    const ssoOnly = await ssoRequiredRefusal(this.users.manager, email, user, valid);
    if (ssoOnly) {
      if (!valid) await this.throttle.recordFailure(email, ip);
      throw ssoOnly;
    }
    if (!user || !valid || !user.active) {
      // The same answer for an unknown email: the counts are kept per email address as typed.
      const details = await this.throttle.recordFailure(email, ip);
      throw new DomainError(401, 'invalid_credentials', 'The email or password is not correct.', details);
    }
    // Checked after the password, so that it tells nothing to someone who does not know it.
    await this.assertOrganisationEnabled(user.organisationId);
    const step = await this.factors.stepAfterPassword(user);
    if (step) return { step };
    await this.throttle.recordSuccess(email, ip);
    return this.openSession(user, userAgent);
  }

  /**
   * The code step of a password sign-in: a code from the authenticator app, or a recovery code.
   * A wrong one counts as a failed sign-in for the person's email (and locks alike).
   */
  async loginWithSecondFactor(
    request: SecondFactorSignInRequest,
    ip: string,
    userAgent: string | undefined,
  ): Promise<{ token: string; session: SessionResponse }> {
    const { email } = await this.factors.challenged(request.challenge, 'code');
    await this.throttle.assertAllowed(email, ip);
    const person = await this.factors.completeSignIn(request.challenge, request);
    if (!person) {
      const details = await this.throttle.recordFailure(email, ip);
      throw new DomainError(
        401,
        'invalid_code',
        request.code !== undefined
          ? 'That code is not right. Type the code your authenticator app shows now.'
          : 'That recovery code is not right, or has been used already.',
        details,
      );
    }
    await this.throttle.recordSuccess(email, ip);
    return this.startSession({ id: person.userId, organisationId: person.organisationId }, userAgent);
  }

  /** Sign-in held up by the organisation's policy: the authenticator app to add. */
  startEnrolmentAtSignIn(challenge: string): Promise<EnrolmentStart> {
    return this.factors.startSignInEnrolment(challenge);
  }

  /** ...and its first code: the factor is on, the session starts, the recovery codes are shown once. */
  async confirmEnrolmentAtSignIn(
    challenge: string,
    code: string,
    ip: string,
    userAgent: string | undefined,
  ): Promise<{ token: string; session: SessionResponse; recoveryCodes: string[] }> {
    const { person, recoveryCodes } = await this.factors.confirmSignInEnrolment(challenge, code);
    await this.throttle.recordSuccess(person.email, ip);
    const started = await this.startSession(
      { id: person.userId, organisationId: person.organisationId },
      userAgent,
    );
    return { ...started, recoveryCodes };
  }

  /**
   * Creates a session for a person whose identity and second factor a sign-in step has just
   * proven (the code step, enrolment at sign-in). Refuses a deactivated person (401) or a disabled
   * organisation (403); records the sign-in. The caller sets the cookie with `setSessionCookie`.
   */
  async startSession(
    person: Pick<User, 'id' | 'organisationId'>,
    userAgent: string | undefined,
  ): Promise<{ token: string; session: SessionResponse }> {
    const user = await this.users.findOneBy({ id: person.id, organisationId: person.organisationId });
    if (!user?.active) {
      throw new DomainError(
        401,
        'account_inactive',
        'This account cannot sign in. Speak to your security team.',
      );
    }
    await this.assertOrganisationEnabled(user.organisationId);
    return this.openSession(user, userAgent);
  }

  /**
   * A new session for a person already checked (active, organisation enabled); `sso` when it comes
   * from an identity provider (kept for its RP-initiated logout).
   */
  private async openSession(
    user: User,
    userAgent: string | undefined,
    sso?: { issuer: string; sealedIdToken: string | null },
  ): Promise<{ token: string; session: SessionResponse }> {
    await this.users.update({ id: user.id }, { lastSignInAt: new Date() });

    const token = randomBytes(32).toString('base64url');
    const session = await this.sessions.save(
      this.sessions.create({
        id: sha256(token),
        userId: user.id,
        organisationId: user.organisationId,
        csrfToken: randomBytes(24).toString('base64url'),
        expiresAt: this.nextExpiry(new Date()),
        userAgent: userAgent?.slice(0, 500) ?? null,
        ...(sso ? { ssoIssuer: sso.issuer, ssoIdToken: sso.sealedIdToken } : {}),
      }),
    );
    return { token, session: await this.describe(user, session.csrfToken) };
  }

  /**
   * Resolves a cookie token to the caller, sliding the idle expiry at most once a minute, never
   * past SESSION_MAX_HOURS from the sign-in (a remembered entry ends then too).
   */
  async authenticate(token: string): Promise<AuthContext | null> {
    if (!token || token.length > 200) return null;
    const id = sha256(token);
    const hit = this.recent?.get(id);
    if (hit && hit.expiresAt > Date.now()) return hit.auth;
    const row = await this.sessions
      .createQueryBuilder('s')
      .innerJoin(User, 'u', 'u.id = s.user_id AND u.organisation_id = s.organisation_id AND u.active')
      .innerJoin(Organisation, 'o', 'o.id = s.organisation_id AND o.disabled_at IS NULL')
      .select([
        's.id AS id',
        's.user_id AS "userId"',
        's.organisation_id AS "organisationId"',
        's.csrf_token AS "csrfToken"',
      ])
      .addSelect(['s.created_at AS "createdAt"', 's.expires_at AS "expiresAt"', 'u.role AS role'])
      .where('s.id = :id', { id })
      .andWhere('s.expires_at > now()')
      .andWhere(`s.created_at > now() - CAST(:maxHours AS double precision) * interval '1 hour'`, {
        maxHours: this.config.SESSION_MAX_HOURS,
      })
      .getRawOne<{
        id: string;
        userId: string;
        organisationId: string;
        csrfToken: string;
        createdAt: Date;
        expiresAt: Date;
        role: Role;
      }>();
    if (!row) return null;
    const next = this.nextExpiry(new Date(row.createdAt));
    let expiresAt = new Date(row.expiresAt).getTime();
    if (next.getTime() - expiresAt > 60_000) {
      await this.sessions.update({ id: row.id }, { expiresAt: next });
      expiresAt = next.getTime();
    }
    expiresAt = Math.min(expiresAt, this.absoluteEnd(new Date(row.createdAt)));
    const auth: AuthContext = {
      userId: row.userId,
      organisationId: row.organisationId,
      role: row.role,
      sessionId: row.id,
      csrfToken: row.csrfToken,
    };
    this.recent?.set(id, { auth, expiresAt });
    return auth;
  }

  async session(auth: AuthContext): Promise<SessionResponse> {
    const user = await this.users.findOneByOrFail({ id: auth.userId, organisationId: auth.organisationId });
    return this.describe(user, auth.csrfToken);
  }

  /** Ends the session; answers where to send the browser next (the provider's logout), if anywhere. */
  async logout(auth: AuthContext): Promise<string | null> {
    this.recent?.delete(auth.sessionId);
    const ended = await this.sessions.query<{ sso_issuer: string | null; sso_id_token: string | null }[]>(
      `WITH ended AS (DELETE FROM user_session WHERE id = $1 RETURNING sso_issuer, sso_id_token)
       SELECT sso_issuer, sso_id_token FROM ended`,
      [auth.sessionId],
    );
    const issuer = ended[0]?.sso_issuer;
    if (!issuer || !this.signOutRedirect) return null;
    return this.signOutRedirect({
      organisationId: auth.organisationId,
      userId: auth.userId,
      issuer,
      sealedIdToken: ended[0]!.sso_id_token,
    });
  }

  /**
   * The SSO module says here where a session it opened signs out at the provider (RP-initiated
   * logout). A registration rather than an import: SSO builds on auth, not the other way round.
   */
  onSsoSignOut(redirect: SsoSignOutRedirect): void {
    this.signOutRedirect = redirect;
  }

  /**
   * Opens a session for someone their organisation's identity provider has just vouched for (the
   * SSO callback): no password, and no second factor of Countersign's own, since the provider
   * applies its own (multi-factor) policy. The one place an SSO sign-in becomes a session.
   */
  async startSsoSession(
    user: User,
    userAgent: string | undefined,
    sso: { issuer: string; sealedIdToken: string | null },
  ): Promise<{ token: string; session: SessionResponse }> {
    return this.openSession(user, userAgent, sso);
  }

  /**
   * Forgets every remembered session of a person on this replica, so that a deactivation (whose
   * transaction has already deleted the person's sessions) signs them out at once here. Other
   * replicas stop trusting their copies within SESSION_CACHE_SECONDS. Walks the cache: a rare
   * administrative action, against at most SESSION_CACHE_ENTRIES entries.
   */
  forgetUser(userId: string): void {
    if (!this.recent) return;
    const ids: string[] = [];
    for (const [id, entry] of this.recent.entries()) if (entry.auth.userId === userId) ids.push(id);
    for (const id of ids) this.recent.delete(id);
  }

  /**
   * Housekeeping: drop sessions and sign-in challenges that expired (called at start-up; cheap
   * thanks to the indexes).
   */
  async purgeExpired(): Promise<void> {
    await this.sessions.query(`DELETE FROM sign_in_challenge WHERE expires_at < now()`);
    await this.sessions
      .createQueryBuilder()
      .delete()
      .where('expires_at < now()')
      .orWhere(`created_at < now() - CAST(:maxHours AS double precision) * interval '1 hour'`, {
        maxHours: this.config.SESSION_MAX_HOURS,
      })
      .execute();
  }

  private async assertOrganisationEnabled(organisationId: string): Promise<void> {
    const organisation = await this.organisations.findOneByOrFail({ id: organisationId });
    if (organisation.disabledAt) {
      throw new DomainError(
        403,
        'organisation_disabled',
        `${organisation.name}'s access to Countersign is suspended. Speak to your security team.`,
      );
    }
  }

  private async describe(user: User, csrfToken: string): Promise<SessionResponse> {
    const [organisation, secondFactor] = await Promise.all([
      this.organisations.findOneByOrFail({ id: user.organisationId }),
      this.factors.summary(user.organisationId, user.id, user.role),
    ]);
    return {
      user: {
        id: user.id,
        name: user.name,
        email: user.email,
        role: user.role,
        organisation: { id: organisation.id, name: organisation.name },
      },
      permissions: [...ROLE_PERMISSIONS[user.role]],
      csrfToken,
      secondFactor,
    };
  }

  /** The idle expiry from now, within the absolute lifetime of a session created at `createdAt`. */
  private nextExpiry(createdAt: Date): Date {
    return new Date(
      Math.min(Date.now() + this.config.SESSION_IDLE_HOURS * 3600_000, this.absoluteEnd(createdAt)),
    );
  }

  private absoluteEnd(createdAt: Date): number {
    return createdAt.getTime() + this.config.SESSION_MAX_HOURS * 3600_000;
  }
}
