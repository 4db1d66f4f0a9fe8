import { createHash, randomBytes } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SessionResponse } from '@countersign/contracts/auth';
import { ssoStartPath, type SsoDiscoverResponse } from '@countersign/contracts/sso';
import * as oidc from 'openid-client';
import { DataSource } from 'typeorm';
import { SecretBox } from '../../common/secret-box.js';
import { AuthService, type EndedSsoSession } from '../auth/auth.service.js';
import { User } from '../users/user.entity.js';
import { OidcClientService } from './oidc-client.service.js';
import { type SsoConnection, SsoConnectionService } from './sso-connection.service.js';
import { type ProvidedPerson, SsoProvisioningService } from './sso-provisioning.service.js';
import { SsoSignInError } from './sso.errors.js';

/** How long a person has to get through the provider's pages. */
const LOGIN_TTL_MINUTES = 10;

export interface StartedSignIn {
  /** The provider's authorization URL. */
  redirectTo: string;
  /** Goes into the browser-binding cookie; only its hash is stored. */
  browserToken: string;
}

/**
 * Signing in through an organisation's identity provider: the authorization-code flow with
 * PKCE, state and nonce. A started sign-in is a row in sso_login (any replica can finish it),
 * bound to the browser that started it by a cookie, and deleted as it is used.
 */
@Injectable()
export class SsoSignInService implements OnModuleInit {
  private readonly logger = new Logger(SsoSignInService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly connections: SsoConnectionService,
    private readonly oidc: OidcClientService,
    private readonly provisioning: SsoProvisioningService,
    private readonly auth: AuthService,
    private readonly secrets: SecretBox,
  ) {}

  onModuleInit(): void {
    this.auth.onSsoSignOut((ended) => this.endSessionUrl(ended));
  }

  /** By the address's domain only: every address of an SSO domain gets the same answer. */
  async discover(email: string): Promise<SsoDiscoverResponse> {
    const connection = await this.connections.findByDomain(email.slice(email.lastIndexOf('@') + 1));
    if (!connection?.enabled || connection.organisationDisabled) return { method: 'password' };
    return {
      method: 'sso',
      organisation: connection.organisationName,
      provider: connection.displayName,
      startUrl: `${ssoStartPath(connection.organisationSlug)}?loginHint=${encodeURIComponent(email)}`,
      passwordAllowed: !connection.ssoRequired,
    };
  }

  async start(slug: string, options: { returnTo?: string; loginHint?: string }): Promise<StartedSignIn> {
    const connection = /^[a-z0-9][a-z0-9-]{0,199}$/.test(slug)
      ? await this.connections.find(this.dataSource.manager, { slug })
      : null;
    if (!connection?.enabled)
      throw new SsoSignInError('not_configured', `no enabled connection for ${JSON.stringify(slug)}`);
    if (connection.organisationDisabled) throw new SsoSignInError('organisation_disabled', slug);
    const configuration = await this.reach(connection).catch((error: SsoSignInError) => {
      error.slug = connection.organisationSlug;
      throw error;
    });

    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const browserToken = randomBytes(32).toString('base64url');
    const redirectTo = await this.oidc.authorizationUrl(configuration, {
      redirectUri: this.connections.redirectUri,
      state,
      nonce,
      codeVerifier,
      loginHint: options.loginHint,
      wantsGroups: connection.claims.groups !== null,
    });
    // Expired rows are kept a day, so that a late callback hears "expired" rather than "not valid".
    await this.dataSource.query(`DELETE FROM sso_login WHERE expires_at < now() - interval '1 day'`);
    await this.dataSource.query(
      `INSERT INTO sso_login (state, organisation_id, browser_hash, nonce, code_verifier, return_to, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(mins => $7))`,
      [
        state,
        connection.organisationId,
        sha256(browserToken),
        nonce,
        codeVerifier,
        options.returnTo ?? '/',
        LOGIN_TTL_MINUTES,
      ],
    );
    return { redirectTo: redirectTo.toString(), browserToken };
  }

  /**
   * The provider's answer: checks the sign-in is one this browser started and has not used, lets
   * openid-client exchange the code and validate the ID token, provisions the person and opens
   * the session. Every refusal is an SsoSignInError with a code the login page explains.
   */
  async callback(
    query: Record<string, string>,
    browserToken: string | undefined,
    userAgent: string | undefined,
  ): Promise<{ token: string; session: SessionResponse; returnTo: string }> {
    const state = query.state;
    if (!state || state.length > 200) throw new SsoSignInError('invalid_state', 'no state');
    const [login] = await this.dataSource.query<
      {
        organisation_id: string;
        browser_hash: string;
        nonce: string;
        code_verifier: string;
        return_to: string;
        expired: boolean;
      }[]
    >(
      `WITH used AS (DELETE FROM sso_login WHERE state = $1 RETURNING *)
       SELECT organisation_id, browser_hash, nonce, code_verifier, return_to, expires_at < now() AS expired FROM used`,
      [state],
    );
    if (!login) throw new SsoSignInError('invalid_state', 'unknown or used state');
    const connection = await this.connections.find(this.dataSource.manager, {
      organisationId: login.organisation_id,
    });
    try {
      if (!browserToken || sha256(browserToken) !== login.browser_hash)
        throw new SsoSignInError('invalid_state', 'started in another browser');
      if (login.expired) throw new SsoSignInError('expired', 'the sign-in took too long');
      if (!connection?.enabled) throw new SsoSignInError('not_configured', 'connection turned off meanwhile');
      if (connection.organisationDisabled)
        throw new SsoSignInError('organisation_disabled', connection.organisationSlug);
      const configuration = await this.reach(connection);

      const callbackUrl = new URL(this.connections.redirectUri);
      for (const [k, v] of Object.entries(query)) callbackUrl.searchParams.set(k, v);
      const result = await this.oidc
        .finish(configuration, callbackUrl, { state, nonce: login.nonce, codeVerifier: login.code_verifier })
        .catch((error: unknown) => {
          throw providerFailure(error);
        });

      const person = this.person(connection, result.claims);
      const userId = await this.provisioning.provision(connection, person);
      const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: userId });
      if (!user.active) throw new SsoSignInError('account_deactivated', userId);
      const sealedIdToken = result.idToken
        ? this.secrets.seal(result.idToken, idTokenContext(connection.organisationId, userId))
        : null;
      const opened = await this.auth.startSsoSession(user, userAgent, {
        issuer: connection.issuer,
        sealedIdToken,
      });
      return { ...opened, returnTo: login.return_to };
    } catch (error) {
      if (error instanceof SsoSignInError && connection) error.slug ??= connection.organisationSlug;
      throw error;
    }
  }

  /** The claims, read through the connection's mapping and checked against its domains. */
  private person(connection: SsoConnection, claims: Record<string, unknown>): ProvidedPerson {
    const text = (name: string | null) => {
      const value = name ? claims[name] : undefined;
      return typeof value === 'string' && value.trim() ? value.trim() : null;
    };
    const email = text(connection.claims.email)?.toLowerCase();
    if (!email || !/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254)
      throw new SsoSignInError('email_missing', `claim ${connection.claims.email} missing or not an address`);
    if (claims.email_verified === false && connection.claims.email === 'email')
      throw new SsoSignInError('email_unverified', email);
    const domain = email.slice(email.lastIndexOf('@') + 1);
    if (!connection.domains.includes(domain))
      throw new SsoSignInError(
        'domain_not_allowed',
        `${domain} is not a domain of ${connection.organisationSlug}`,
      );

    let groups: string[] | null = null;
    if (connection.claims.groups) {
      const raw = claims[connection.claims.groups];
      groups = (Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : []).filter(
        (g): g is string => typeof g === 'string',
      );
    }
    const given = [text('given_name'), text('family_name')].filter(Boolean).join(' ');
    return {
      issuer: connection.issuer,
      subject: String(claims.sub),
      email,
      name: text(connection.claims.name) ?? (given || null),
      department: text(connection.claims.department),
      groups,
    };
  }

  private async reach(connection: SsoConnection): Promise<oidc.Configuration> {
    try {
      return await this.oidc.configuration(this.connections.providerClient(connection));
    } catch (error) {
      throw new SsoSignInError(
        'provider_unreachable',
        `discovery of ${connection.issuer}: ${(error as Error).message}`,
      );
    }
  }

  /** RP-initiated logout for a session SSO opened, when the provider offers it. */
  private async endSessionUrl(ended: EndedSsoSession): Promise<string | null> {
    try {
      const connection = await this.connections.find(this.dataSource.manager, {
        organisationId: ended.organisationId,
      });
      if (!connection || connection.issuer !== ended.issuer) return null;
      const configuration = await this.oidc.configuration(this.connections.providerClient(connection));
      const idToken = ended.sealedIdToken
        ? this.secrets.open(ended.sealedIdToken, idTokenContext(ended.organisationId, ended.userId))
        : null;
      return this.oidc.endSessionUrl(configuration, {
        idToken,
        postLogoutRedirectUri: this.connections.postLogoutRedirectUri,
      });
    } catch (error) {
      // The Countersign session has ended regardless; the provider's own stays.
      this.logger.warn(`SSO logout URL not available: ${(error as Error).message}`);
      return null;
    }
  }
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const idTokenContext = (organisationId: string, userId: string) => `sso-id-token:${organisationId}:${userId}`;

/** openid-client's refusals, as codes a person can be told about. */
function providerFailure(error: unknown): SsoSignInError {
  if (error instanceof oidc.AuthorizationResponseError) {
    const denied = ['access_denied', 'login_required', 'consent_required', 'interaction_required'];
    return new SsoSignInError(
      denied.includes(error.error) ? 'provider_denied' : 'provider_error',
      `authorization response error ${error.error}: ${error.error_description ?? ''}`,
    );
  }
  if (error instanceof oidc.ResponseBodyError) {
    return new SsoSignInError(
      'token_rejected',
      `token endpoint ${error.error}: ${error.error_description ?? ''}`,
    );
  }
  if (error instanceof TypeError || (error instanceof Error && error.name === 'TimeoutError')) {
    return new SsoSignInError('provider_unreachable', error.message);
  }
  // ID token checks (signature, issuer, audience, expiry, nonce) and other protocol violations.
  return new SsoSignInError(
    'token_rejected',
    error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  );
}
