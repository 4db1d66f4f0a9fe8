import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ChangePasswordResponse,
  CredentialPurpose,
  CredentialTokenInfo,
  ForgotPasswordResponse,
  SetPasswordResponse,
} from '@countersign/contracts/auth';
import type { InvitationDelivery, InvitationResult, InvitationSettings } from '@countersign/contracts/people';
import argon2 from 'argon2';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, publicBaseUrl, type AppConfig } from '../../config/config.js';
import type { AuthContext } from '../../common/auth-context.js';
import { conflict, DomainError, notFound, unprocessable } from '../../common/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { OutboxSender } from '../notifications/outbox-sender.service.js';
import { AuthService, hashPassword } from './auth.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { assertStrongPassword } from './password-policy.js';

/** An invitation link lasts a week; a reset link an hour (OWASP's forgot-password guidance). */
export const INVITATION_VALID_DAYS = 7;
export const RESET_VALID_MINUTES = 60;
const VALIDITY_SECONDS: Record<CredentialPurpose, number> = {
  invitation: INVITATION_VALID_DAYS * 86_400,
  reset: RESET_VALID_MINUTES * 60,
};

/** Reset emails one address may cause per hour; more requests answer alike and send nothing. */
const RESETS_PER_EMAIL_HOUR = 3;
/** Forgot-password requests, and link look-ups or uses, from one network address per hour. */
const REQUESTS_PER_ADDRESS_HOUR = 30;

export const FORGOT_PASSWORD_ANSWER =
  'If that address belongs to an active account, we have sent it a link to choose a new password. ' +
  `The link works once, for ${RESET_VALID_MINUTES} minutes.`;

/** The job that writes the invitations of a CSV import, a slice of new people at a time. */
export const INVITE_PEOPLE_JOB = 'people.invite';
const INVITE_SLICE = 2000;

interface InvitePeopleJob {
  organisationId: string;
  userIds: string[];
  actorId: string | null;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

interface TokenRow {
  id: string;
  organisation_id: string;
  user_id: string;
  purpose: CredentialPurpose;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  name: string;
  email: string;
  active: boolean;
  organisation: string;
  disabled_at: Date | null;
}

export interface Recipient {
  id: string;
  name: string;
  email: string;
  organisation: string;
}

/**
 * Invitations, password resets and password changes. A link carries 256 random bits; only their
 * SHA-256 is stored. Issuing a link revokes the person's older links of the same purpose; setting
 * a password uses the link, revokes every other open link of the person and ends all their
 * sessions. Every change of password state is audited (never the password itself).
 */
@Injectable()
export class CredentialsService {
  private readonly logger = new Logger(CredentialsService.name);
  private readonly resetsPerEmail: RateLimiterPostgres;
  private readonly requestsPerAddress: RateLimiterPostgres;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly throttle: LoginThrottleService,
    private readonly outbox: OutboxSender,
    private readonly jobs: JobQueue,
  ) {
    jobs.define<InvitePeopleJob>({
      name: INVITE_PEOPLE_JOB,
      run: ({ organisationId, userIds, actorId }) =>
        this.dataSource.transaction((tx) =>
          this.inviteNewPeople(tx, organisationId, userIds, actorId, { skipInvited: true }).then(
            () => undefined,
          ),
        ),
    });
    const common = {
      storeClient: (dataSource.driver as unknown as { master: unknown }).master,
      storeType: 'pool',
      tableName: 'login_throttle',
      tableCreated: true,
      clearExpiredByTimeout: false,
      duration: 3600,
    };
    this.resetsPerEmail = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'reset_email',
      points: RESETS_PER_EMAIL_HOUR,
    });
    this.requestsPerAddress = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'credential_address',
      points: REQUESTS_PER_ADDRESS_HOUR,
    });
  }

  /** Emails are queued only when MAIL_FROM is set; without it an administrator copies links. */
  get emailEnabled(): boolean {
    return Boolean(this.config.MAIL_FROM);
  }

  settings(): InvitationSettings {
    return { emailEnabled: this.emailEnabled, validDays: INVITATION_VALID_DAYS };
  }

  /** The page that reads the token from the fragment, which browsers never send to a server. */
  link(token: string): string {
    return `${publicBaseUrl(this.config)}/set-password#token=${token}`;
  }

  /**
   * A new link for the person, in the caller's transaction; their open links of that purpose stop
   * working. Returns the token (to email or show once) and when it expires.
   */
  async issue(
    tx: EntityManager,
    organisationId: string,
    userId: string,
    purpose: CredentialPurpose,
    createdBy: string | null,
  ): Promise<{ token: string; expiresAt: Date }> {
    await tx.query(
      `UPDATE credential_token SET revoked_at = now()
        WHERE organisation_id = $1 AND user_id = $2 AND purpose = $3 AND used_at IS NULL AND revoked_at IS NULL`,
      [organisationId, userId, purpose],
    );
    const token = newToken();
    const [row] = await tx.query<{ expires_at: Date }[]>(
      `INSERT INTO credential_token (organisation_id, user_id, purpose, token_hash, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6)) RETURNING expires_at`,
      [organisationId, userId, purpose, sha256(token), createdBy, VALIDITY_SECONDS[purpose]],
    );
    return { token, expiresAt: new Date(row!.expires_at) };
  }

  /**
   * An administrator (re)sends a person's invitation: by email through the outbox, or as a link
   * handed back once. Only for an active person who has never set a password.
   */
  async invite(auth: AuthContext, userId: string, delivery: InvitationDelivery): Promise<InvitationResult> {
    if (delivery === 'email' && !this.emailEnabled) {
      throw conflict(
        'mail_not_configured',
        'This installation has no mail server configured (MAIL_FROM), so invitations cannot be emailed: copy the link instead.',
        [{ field: 'delivery', message: 'email needs MAIL_FROM to be configured' }],
      );
    }
    return this.dataSource.transaction(async (tx) => {
      const [person] = await tx.query<
        (Recipient & { active: boolean; has_password: boolean; inviter: string })[]
      >(
        `SELECT u.id, u.name, u.email, u.active, u.password_hash IS NOT NULL AS has_password, o.name AS organisation,
                (SELECT name FROM app_user WHERE id = $3) AS inviter
           FROM app_user u JOIN organisation o ON o.id = u.organisation_id
          WHERE u.organisation_id = $1 AND u.id = $2
            FOR UPDATE OF u`,
        [auth.organisationId, userId, auth.userId],
      );
      if (!person) throw notFound('The person');
      if (!person.active) {
        throw conflict(
          'person_deactivated',
          'This person is deactivated: reactivate them before inviting them.',
        );
      }
      if (person.has_password) {
        throw conflict(
          'already_signed_up',
          'This person has already set a password. If they have forgotten it, they can use "Forgot password" on the sign-in page.',
        );
      }
      const { token, expiresAt } = await this.issue(
        tx,
        auth.organisationId,
        userId,
        'invitation',
        auth.userId,
      );
      if (delivery === 'email')
        await this.queueInvitation(tx, auth.organisationId, person, token, person.inviter);
      await this.audit.record(tx, {
        organisationId: auth.organisationId,
        actorId: auth.userId,
        action: 'person.invited',
        subjectType: 'person',
        subjectId: userId,
        details: { delivery, expiresAt: expiresAt.toISOString() },
      });
      return {
        delivery,
        expiresAt: expiresAt.toISOString(),
        link: delivery === 'link' ? this.link(token) : null,
      };
    });
  }

  /**
   * The first administrator of a new organisation, invited by the operator (the CLI or BOOTSTRAP_*),
   * in the caller's transaction: a link to hand over, also emailed when mail is configured.
   */
  async inviteFirstAdministrator(
    tx: EntityManager,
    organisationId: string,
    person: Recipient,
  ): Promise<{ link: string; expiresAt: Date; emailed: boolean }> {
    const { token, expiresAt } = await this.issue(tx, organisationId, person.id, 'invitation', null);
    if (this.emailEnabled)
      await this.queueInvitation(
        tx,
        organisationId,
        person,
        token,
        'The operator of this Countersign installation',
      );
    await this.audit.record(tx, {
      organisationId,
      actorId: null,
      action: 'person.invited',
      subjectType: 'person',
      subjectId: person.id,
      details: {
        delivery: this.emailEnabled ? 'email' : 'link',
        by: 'operator',
        expiresAt: expiresAt.toISOString(),
      },
    });
    return { link: this.link(token), expiresAt, emailed: this.emailEnabled };
  }

  /**
   * Invitations for many people at once (a CSV import): queued in the caller's transaction as
   * `people.invite` jobs of 2,000 people each, so the import commits in seconds and the links and
   * emails are written by the worker just after. Nothing when mail is not configured (the links
   * are then copied from each person's page). Returns how many people will be invited.
   */
  async queueInvitations(
    tx: EntityManager,
    organisationId: string,
    userIds: readonly string[],
    actorId: string | null,
  ): Promise<number> {
    if (!this.emailEnabled || userIds.length === 0) return 0;
    const jobs: InvitePeopleJob[] = [];
    for (let i = 0; i < userIds.length; i += INVITE_SLICE)
      jobs.push({ organisationId, userIds: userIds.slice(i, i + INVITE_SLICE), actorId });
    await this.jobs.sendMany(INVITE_PEOPLE_JOB, jobs, { tx });
    return userIds.length;
  }

  /**
   * Invitation emails for people just created (the create endpoint, a `people.invite` job), in the
   * caller's transaction; nothing when mail is not configured. Returns how many were queued.
   * `skipInvited` leaves out anyone who already has an open invitation, so a job that is run
   * again (a worker stopped after its commit) sends nobody a second email.
   */
  async inviteNewPeople(
    tx: EntityManager,
    organisationId: string,
    userIds: readonly string[],
    actorId: string | null,
    options: { skipInvited?: boolean } = {},
  ): Promise<number> {
    if (!this.emailEnabled || userIds.length === 0) return 0;
    const [inviter] = actorId
      ? await tx.query<{ name: string }[]>(`SELECT name FROM app_user WHERE id = $1`, [actorId])
      : [];
    let queued = 0;
    // In slices, so a 100,000-person import is a few hundred statements, not 200,000.
    for (let i = 0; i < userIds.length; i += 2000) {
      const slice = userIds.slice(i, i + 2000);
      const people = await tx.query<Recipient[]>(
        `SELECT u.id, u.name, u.email, o.name AS organisation
           FROM app_user u JOIN organisation o ON o.id = u.organisation_id
          WHERE u.organisation_id = $1 AND u.id = ANY($2::uuid[]) AND u.active AND u.password_hash IS NULL
            AND NOT ($3 AND EXISTS (
              SELECT 1 FROM credential_token t
               WHERE t.organisation_id = u.organisation_id AND t.user_id = u.id AND t.purpose = 'invitation'
                 AND t.used_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > now()))`,
        [organisationId, slice, options.skipInvited ?? false],
      );
      if (!people.length) continue;
      const tokens = people.map(() => newToken());
      await tx.query(
        `INSERT INTO credential_token (organisation_id, user_id, purpose, token_hash, created_by, expires_at)
         SELECT $1, t.user_id, 'invitation', t.token_hash, $4, now() + make_interval(secs => $5)
           FROM unnest($2::uuid[], $3::text[]) AS t (user_id, token_hash)`,
        [organisationId, people.map((p) => p.id), tokens.map(sha256), actorId, VALIDITY_SECONDS.invitation],
      );
      const emails = people.map((p, k) => this.invitationEmail(p, tokens[k]!, inviter?.name ?? null));
      await tx.query(
        `INSERT INTO outbound_email (organisation_id, recipient_id, from_address, to_address, subject, body_text)
         SELECT $1, e.recipient_id, $2, e.to_address, e.subject, e.body_text
           FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[]) AS e (recipient_id, to_address, subject, body_text)`,
        [
          organisationId,
          this.config.MAIL_FROM,
          people.map((p) => p.id),
          people.map((p) => p.email),
          emails.map((e) => e.subject),
          emails.map((e) => e.body),
        ],
      );
      queued += people.length;
    }
    if (queued) await this.outbox.wake(tx);
    return queued;
  }

  /**
   * "Forgot password": the same answer, after about the same work, whether or not the address
   * belongs to anyone. A known, active person of an enabled organisation gets a reset link by email
   * (at most RESETS_PER_EMAIL_HOUR an hour); anyone else gets nothing.
   */
  async forgot(email: string, ip: string): Promise<ForgotPasswordResponse> {
    await this.consumeAddress(ip);
    const allowed = await this.resetsPerEmail.consume(email).then(
      () => true,
      (result: unknown) => {
        if (result instanceof RateLimiterRes) return false;
        throw result;
      },
    );
    await this.dataSource.transaction(async (tx) => {
      const [person] = await tx.query<(Recipient & { organisation_id: string })[]>(
        `SELECT u.id, u.name, u.email, u.organisation_id, o.name AS organisation
           FROM app_user u JOIN organisation o ON o.id = u.organisation_id
          WHERE u.email = $1 AND u.active AND o.disabled_at IS NULL`,
        [email],
      );
      if (!person || !allowed || !this.emailEnabled) return;
      const organisationId = person.organisation_id;
      const { token } = await this.issue(tx, organisationId, person.id, 'reset', null);
      await tx.query(
        `INSERT INTO outbound_email (organisation_id, recipient_id, from_address, to_address, subject, body_text)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          organisationId,
          person.id,
          this.config.MAIL_FROM,
          person.email,
          'Choose a new Countersign password',
          [
            `Hello ${person.name},`,
            '',
            `Someone asked to reset the password of your Countersign account at ${person.organisation}.`,
            `To choose a new password, open this link within ${RESET_VALID_MINUTES} minutes (it works once):`,
            '',
            this.link(token),
            '',
            'If it was not you, ignore this email: your password stays as it is. If it keeps happening, tell your security team.',
          ].join('\n'),
        ],
      );
      await this.outbox.wake(tx);
      await this.audit.record(tx, {
        organisationId,
        actorId: null,
        action: 'person.password-reset-requested',
        subjectType: 'person',
        subjectId: person.id,
        details: { ip },
      });
    });
    return { message: FORGOT_PASSWORD_ANSWER };
  }

  /** What a link is for, so the page can greet the person; refused once used, revoked or expired. */
  async lookup(token: string, ip: string): Promise<CredentialTokenInfo> {
    await this.consumeAddress(ip);
    const row = await this.usable(this.dataSource.manager, token);
    return {
      purpose: row.purpose,
      name: row.name,
      email: row.email,
      organisation: row.organisation,
      expiresAt: new Date(row.expires_at).toISOString(),
    };
  }

  /**
   * Sets the password through a link: checks its strength, uses the link, revokes the person's
   * other links and ends all their sessions, in one transaction. Two uses of one link at once: the
   * row lock lets one win, the other finds it used.
   */
  async setPassword(token: string, password: string, ip: string): Promise<SetPasswordResponse> {
    await this.consumeAddress(ip);
    const row = await this.usable(this.dataSource.manager, token);
    await assertStrongPassword(password, row);
    const hash = await hashPassword(password);
    await this.dataSource.transaction(async (tx) => {
      const locked = await this.usable(tx, token, true);
      await tx.query(
        `UPDATE app_user SET password_hash = $3, password_changed_at = now() WHERE organisation_id = $1 AND id = $2`,
        [locked.organisation_id, locked.user_id, hash],
      );
      await tx.query(`UPDATE credential_token SET used_at = now() WHERE id = $1`, [locked.id]);
      await this.endOtherCredentials(tx, locked.organisation_id, locked.user_id, null);
      await this.audit.record(tx, {
        organisationId: locked.organisation_id,
        actorId: locked.user_id,
        action: 'person.password-set',
        subjectType: 'person',
        subjectId: locked.user_id,
        details: { through: locked.purpose },
      });
    });
    this.auth.forgetUser(row.user_id);
    return { email: row.email };
  }

  /**
   * The signed-in person changes their own password: the current one is required (a wrong one
   * counts as a failed sign-in), and every other session ends; this one stays.
   */
  async changePassword(
    auth: AuthContext,
    currentPassword: string,
    newPassword: string,
    ip: string,
  ): Promise<ChangePasswordResponse> {
    const [person] = await this.dataSource.query<
      { name: string; email: string; password_hash: string | null; organisation: string }[]
    >(
      `SELECT u.name, u.email, u.password_hash, o.name AS organisation
         FROM app_user u JOIN organisation o ON o.id = u.organisation_id
        WHERE u.organisation_id = $1 AND u.id = $2`,
      [auth.organisationId, auth.userId],
    );
    if (!person) throw notFound('The person');
    await this.throttle.assertAllowed(person.email, ip);
    const valid = person.password_hash ? await argon2.verify(person.password_hash, currentPassword) : false;
    if (!valid) {
      await this.throttle.recordFailure(person.email, ip); // throws 429 once it locks
      throw unprocessable('wrong_password', 'Your current password is not correct.', [
        { field: 'currentPassword', message: 'is not your current password' },
      ]);
    }
    await this.throttle.recordSuccess(person.email, ip);
    if (currentPassword === newPassword) {
      throw unprocessable('same_password', 'The new password is the same as the current one.', [
        { field: 'newPassword', message: 'must differ from the current password' },
      ]);
    }
    await assertStrongPassword(newPassword, person, 'newPassword');
    const hash = await hashPassword(newPassword);
    const ended = await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `UPDATE app_user SET password_hash = $3, password_changed_at = now() WHERE organisation_id = $1 AND id = $2`,
        [auth.organisationId, auth.userId, hash],
      );
      const n = await this.endOtherCredentials(tx, auth.organisationId, auth.userId, auth.sessionId);
      await this.audit.record(tx, {
        organisationId: auth.organisationId,
        actorId: auth.userId,
        action: 'person.password-changed',
        subjectType: 'person',
        subjectId: auth.userId,
        details: { otherSessionsEnded: n },
      });
      return n;
    });
    this.auth.forgetUser(auth.userId);
    return { otherSessionsEnded: ended };
  }

  /** Revokes the person's open links and deletes their sessions but `keepSessionId`. */
  private async endOtherCredentials(
    tx: EntityManager,
    organisationId: string,
    userId: string,
    keepSessionId: string | null,
  ): Promise<number> {
    await tx.query(
      `UPDATE credential_token SET revoked_at = now()
        WHERE organisation_id = $1 AND user_id = $2 AND used_at IS NULL AND revoked_at IS NULL`,
      [organisationId, userId],
    );
    const ended = await tx.query<unknown[]>(
      `WITH ended AS (
         DELETE FROM user_session WHERE organisation_id = $1 AND user_id = $2 AND id IS DISTINCT FROM $3 RETURNING 1
       ) SELECT 1 FROM ended`,
      [organisationId, userId, keepSessionId],
    );
    return ended.length;
  }

  /** The link's row when it can still be used, else a 4xx saying what to do. */
  private async usable(manager: EntityManager, token: string, lock = false): Promise<TokenRow> {
    const [row] = await manager.query<TokenRow[]>(
      `SELECT t.id, t.organisation_id, t.user_id, t.purpose, t.expires_at, t.used_at, t.revoked_at,
              u.name, u.email, u.active, o.name AS organisation, o.disabled_at
         FROM credential_token t
         JOIN app_user u ON u.id = t.user_id AND u.organisation_id = t.organisation_id
         JOIN organisation o ON o.id = t.organisation_id
        WHERE t.token_hash = $1 ${lock ? 'FOR UPDATE OF t' : ''}`,
      [sha256(token)],
    );
    const gone = (code: string, message: string) => new DomainError(410, code, message);
    if (!row) {
      throw new DomainError(
        404,
        'link_unknown',
        'This link is not valid. Copy the whole link from the email, or ask for a new one.',
      );
    }
    if (row.used_at) {
      throw gone(
        'link_used',
        'This link has already been used. Sign in, or use "Forgot password" for a new link.',
      );
    }
    if (row.revoked_at) {
      throw gone('link_replaced', 'A newer link has been sent since this one: use the newest email.');
    }
    if (new Date(row.expires_at).getTime() <= Date.now()) {
      throw gone(
        'link_expired',
        row.purpose === 'invitation'
          ? 'This invitation has expired. Ask your administrator to send a new one.'
          : 'This link has expired. Use "Forgot password" on the sign-in page for a new one.',
      );
    }
    if (!row.active || row.disabled_at) {
      throw gone('link_unusable', 'This account cannot sign in. Speak to your security team.');
    }
    return row;
  }

  private async consumeAddress(ip: string): Promise<void> {
    try {
      await this.requestsPerAddress.consume(ip);
    } catch (result) {
      if (!(result instanceof RateLimiterRes)) throw result;
      const retryAfterSeconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
      throw new DomainError(
        429,
        'too_many_requests',
        'Too many requests from this network: wait and try again.',
        {
          retryAfterSeconds,
        },
      );
    }
  }

  private async queueInvitation(
    tx: EntityManager,
    organisationId: string,
    person: Recipient,
    token: string,
    inviter: string | null,
  ): Promise<void> {
    const email = this.invitationEmail(person, token, inviter);
    await tx.query(
      `INSERT INTO outbound_email (organisation_id, recipient_id, from_address, to_address, subject, body_text)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [organisationId, person.id, this.config.MAIL_FROM, person.email, email.subject, email.body],
    );
    await this.outbox.wake(tx);
    this.logger.debug(`Invitation queued for ${person.id}`);
  }

  private invitationEmail(person: Recipient, token: string, inviter: string | null) {
    return {
      subject: `Your Countersign account at ${person.organisation}`,
      body: [
        `Hello ${person.name},`,
        '',
        `${inviter ?? 'Your administrator'} has invited you to Countersign, ${person.organisation}'s training in recognising and reporting hostile approaches.`,
        `To choose your password, open this link within ${INVITATION_VALID_DAYS} days (it works once):`,
        '',
        this.link(token),
        '',
        `You will sign in with ${person.email}. If you did not expect this email, tell your security team.`,
      ].join('\n'),
    };
  }
}
