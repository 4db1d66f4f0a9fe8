import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { SSO_SCOPES } from '@countersign/contracts/sso';
import * as oidc from 'openid-client';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';

/** What openid-client needs to talk to one organisation's provider. */
export interface ProviderClient {
  /** Identifies the entry: a changed issuer, client or secret is a new one. */
  key: string;
  issuer: string;
  clientId: string;
  clientSecret: string | null;
}

/** Discovered configurations kept per process: far more than an installation has providers. */
const CACHE_ENTRIES = 500;
/**
 * How long a discovered configuration is trusted before it is fetched again. The provider's keys
 * are openid-client's business: kept at most 5 minutes, and fetched again as soon as an ID token
 * names a key not in them (at most once a minute), so a key rotation works at once; this bounds
 * how stale the endpoints can be.
 */
const CACHE_TTL_MS = 10 * 60_000;
/** A provider that takes longer than this to answer is treated as unreachable. */
const TIMEOUT_SECONDS = 10;

/**
 * The OpenID Connect relying party, through openid-client (certified by the OpenID Foundation):
 * discovery, the authorization URL with PKCE (S256), state and nonce, the code exchange with the
 * ID token's validation (signature, issuer, audience, expiry, nonce), userinfo and the provider's
 * logout URL. Nothing of the protocol is written by hand here.
 */
@Injectable()
export class OidcClientService {
  private readonly cache = new LRUCache<string, Promise<oidc.Configuration>>({
    max: CACHE_ENTRIES,
    ttl: CACHE_TTL_MS,
  });

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Whether this server may reach `issuer` at all: https://, or http:// on this machine where allowed. */
  allowsIssuer(issuer: string): boolean {
    return issuer.startsWith('https://') || this.plainHttpAllowed(issuer);
  }

  private plainHttpAllowed(issuer: string): boolean {
    if (!this.config.SSO_ALLOW_HTTP_ISSUER || !issuer.startsWith('http://')) return false;
    const host = new URL(issuer).hostname;
    return host === '127.0.0.1' || host === '[::1]' || host === 'localhost';
  }

  /** The provider's configuration, discovered at most every CACHE_TTL_MS. A failure is not kept. */
  configuration(client: ProviderClient): Promise<oidc.Configuration> {
    const hit = this.cache.get(client.key);
    if (hit) return hit;
    const found = this.discover(client);
    this.cache.set(client.key, found);
    found.catch(() => this.cache.delete(client.key));
    return found;
  }

  /** Discovery without the cache: the check made when an administrator saves the connection. */
  discover(client: ProviderClient): Promise<oidc.Configuration> {
    return oidc.discovery(
      new URL(client.issuer),
      client.clientId,
      client.clientSecret ?? undefined,
      client.clientSecret ? undefined : oidc.None(),
      {
        timeout: TIMEOUT_SECONDS,
        execute: this.plainHttpAllowed(client.issuer) ? [oidc.allowInsecureRequests] : [],
      },
    );
  }

  forget(key: string): void {
    this.cache.delete(key);
  }

  /**
   * `openid email profile`, and `groups` when groups are mapped and the provider offers such a
   * scope (Okta's org authorization server sends groups only when asked; Entra ID and Keycloak
   * offer none and send them by configuration).
   */
  async authorizationUrl(
    configuration: oidc.Configuration,
    params: {
      redirectUri: string;
      state: string;
      nonce: string;
      codeVerifier: string;
      loginHint?: string;
      wantsGroups: boolean;
    },
  ): Promise<URL> {
    const scopes: string[] = [...SSO_SCOPES];
    if (params.wantsGroups && configuration.serverMetadata().scopes_supported?.includes('groups'))
      scopes.push('groups');
    return oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: params.redirectUri,
      scope: scopes.join(' '),
      response_type: 'code',
      state: params.state,
      nonce: params.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(params.codeVerifier),
      code_challenge_method: 'S256',
      ...(params.loginHint ? { login_hint: params.loginHint } : {}),
    });
  }

  /**
   * Exchanges the code (with the PKCE verifier) and validates the ID token; then adds what the
   * userinfo endpoint says, since some providers put groups or department only there. The ID
   * token's claims win where both speak.
   */
  async finish(
    configuration: oidc.Configuration,
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<{ claims: Record<string, unknown> & { sub: string }; idToken: string | null }> {
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    let userinfo: Record<string, unknown> = {};
    if (configuration.serverMetadata().userinfo_endpoint && tokens.access_token) {
      userinfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub).catch(() => ({}));
    }
    return { claims: { ...userinfo, ...idClaims }, idToken: tokens.id_token ?? null };
  }

  /** The provider's logout URL (RP-initiated logout), or null when it offers none. */
  endSessionUrl(
    configuration: oidc.Configuration,
    params: { idToken: string | null; postLogoutRedirectUri: string },
  ): string | null {
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return oidc
      .buildEndSessionUrl(configuration, {
        post_logout_redirect_uri: params.postLogoutRedirectUri,
        ...(params.idToken ? { id_token_hint: params.idToken } : {}),
      })
      .toString();
  }
}
