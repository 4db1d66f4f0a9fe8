import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@countersign/contracts/permissions';
import {
  SSO_CALLBACK_PATH,
  SSO_CLAIM_DEFAULTS,
  ssoStartPath,
  type SaveSsoConnectionInput,
  type SsoClaimMapping,
  type SsoConnectionView,
  type SsoRoleMapping,
} from '@countersign/contracts/sso';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthContext } from '../../common/auth-context.js';
import { conflict, DomainError, notFound, unprocessable } from '../../common/domain-error.js';
import { SecretBox } from '../../common/secret-box.js';
import { APP_CONFIG, type AppConfig, publicBaseUrl } from '../../config/config.js';
import { AuditService } from '../audit/audit.service.js';
import { OidcClientService, type ProviderClient } from './oidc-client.service.js';

/** A stored connection, as the sign-in flow uses it (the secret still sealed). */
export interface SsoConnection {
  organisationId: string;
  organisationSlug: string;
  organisationName: string;
  organisationDisabled: boolean;
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecretSealed: string | null;
  domains: string[];
  claims: SsoClaimMapping;
  roleMappings: SsoRoleMapping[];
  defaultRole: Role;
  enabled: boolean;
  ssoRequired: boolean;
  breakGlassAdminIds: string[];
  updatedAt: Date;
}

interface ConnectionRow {
  organisation_id: string;
  slug: string;
  organisation_name: string;
  disabled: boolean;
  display_name: string;
  issuer: string;
  client_id: string;
  client_secret_sealed: string | null;
  email_claim: string;
  name_claim: string;
  department_claim: string | null;
  groups_claim: string | null;
  role_mappings: SsoRoleMapping[];
  default_role: Role;
  enabled: boolean;
  sso_required: boolean;
  updated_at: Date;
  domains: string[];
  break_glass: string[];
}

const SELECT_CONNECTION = `
  SELECT c.organisation_id, o.slug, o.name AS organisation_name, o.disabled_at IS NOT NULL AS disabled,
         c.display_name, c.issuer, c.client_id, c.client_secret_sealed, c.email_claim, c.name_claim,
         c.department_claim, c.groups_claim, c.role_mappings, c.default_role, c.enabled, c.sso_required,
         c.updated_at,
         ARRAY(SELECT d.domain FROM sso_domain d WHERE d.organisation_id = c.organisation_id ORDER BY d.domain) AS domains,
         ARRAY(SELECT b.user_id::text FROM sso_break_glass_admin b WHERE b.organisation_id = c.organisation_id
                ORDER BY b.user_id) AS break_glass
    FROM sso_connection c JOIN organisation o ON o.id = c.organisation_id`;

/** The fields of a connection an audit event compares (never the secret itself). */
type AuditedConnection = Omit<
  SsoConnectionView,
  'configured' | 'redirectUri' | 'startUrl' | 'providerLogout'
>;

/**
 * The organisation's OpenID Connect connection as administrators configure it. The client secret
 * is sealed by SecretBox (bound to the organisation) and never leaves the server; saving checks
 * that the issuer answers discovery, so a typo is caught by the administrator, not by staff.
 */
@Injectable()
export class SsoConnectionService {
  private readonly logger = new Logger(SsoConnectionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly secrets: SecretBox,
    private readonly oidc: OidcClientService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get redirectUri(): string {
    return `${publicBaseUrl(this.config)}${SSO_CALLBACK_PATH}`;
  }

  /** Where the provider sends the browser after its logout: the sign-in page. */
  get postLogoutRedirectUri(): string {
    return `${publicBaseUrl(this.config)}/login`;
  }

  async view(organisationId: string): Promise<SsoConnectionView> {
    const connection = await this.find(this.dataSource.manager, { organisationId });
    const [org] = await this.dataSource.query<{ slug: string }[]>(
      `SELECT slug FROM organisation WHERE id = $1`,
      [organisationId],
    );
    if (!org) throw notFound('The organisation');
    const links = {
      redirectUri: this.redirectUri,
      startUrl: `${publicBaseUrl(this.config)}${ssoStartPath(org.slug)}`,
    };
    if (!connection) {
      return {
        configured: false,
        displayName: '',
        issuer: '',
        clientId: '',
        clientSecretSet: false,
        domains: [],
        claims: { ...SSO_CLAIM_DEFAULTS },
        roleMappings: [],
        defaultRole: 'employee',
        enabled: false,
        ssoRequired: false,
        breakGlassAdminIds: [],
        providerLogout: null,
        ...links,
      };
    }
    let providerLogout: boolean | null = null;
    if (connection.enabled) {
      providerLogout = await this.oidc
        .configuration(this.providerClient(connection))
        .then((c) => Boolean(c.serverMetadata().end_session_endpoint))
        .catch(() => null);
    }
    return { configured: true, ...audited(connection), providerLogout, ...links };
  }

  /** Every rule is checked before anything is written; the change and its audit event commit together. */
  async save(auth: AuthContext, input: SaveSsoConnectionInput): Promise<SsoConnectionView> {
    const issuer = input.issuer.replace(/\/+$/, '');
    if (!this.oidc.allowsIssuer(issuer)) {
      throw unprocessable('issuer_not_https', 'The issuer URL must start with https://.', [
        { field: 'issuer', message: 'must start with https://' },
      ]);
    }
    const domains = [...new Set(input.domains)].sort();
    const breakGlass = [...new Set(input.breakGlassAdminIds)].sort();
    if (input.ssoRequired && !input.enabled) {
      throw unprocessable(
        'sso_required_needs_enabled',
        'Single sign-on must be on before it can be required.',
        [{ field: 'ssoRequired', message: 'needs single sign-on to be on' }],
      );
    }
    if (input.ssoRequired && breakGlass.length === 0) {
      throw unprocessable(
        'break_glass_needed',
        'Choose at least one break-glass administrator before requiring single sign-on, so that someone can still sign in if the provider fails.',
        [{ field: 'breakGlassAdminIds', message: 'needs at least one administrator while SSO is required' }],
      );
    }

    // Outside the transaction: a slow provider must not hold a database connection.
    await this.checkDiscovery({ key: 'check', issuer, clientId: input.clientId, clientSecret: null });

    const saved = await this.dataSource.transaction(async (tx) => {
      // One writer at a time per organisation: the row lock, or (first save) the organisation's.
      await tx.query(`SELECT 1 FROM organisation WHERE id = $1 FOR UPDATE`, [auth.organisationId]);
      const before = await this.find(tx, { organisationId: auth.organisationId });
      const secretSealed =
        input.clientSecret !== undefined
          ? this.secrets.seal(input.clientSecret, secretContext(auth.organisationId))
          : (before?.clientSecretSealed ?? null);
      if (!secretSealed) {
        throw unprocessable('client_secret_required', 'Enter the client secret the provider gave you.', [
          { field: 'clientSecret', message: 'is required' },
        ]);
      }
      await this.checkDomains(tx, auth.organisationId, domains);
      await this.checkBreakGlass(tx, auth.organisationId, breakGlass);

      await tx.query(
        `INSERT INTO sso_connection (organisation_id, display_name, issuer, client_id, client_secret_sealed,
                                     email_claim, name_claim, department_claim, groups_claim, role_mappings,
                                     default_role, enabled, sso_required)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13)
         ON CONFLICT (organisation_id) DO UPDATE SET
           display_name = EXCLUDED.display_name, issuer = EXCLUDED.issuer, client_id = EXCLUDED.client_id,
           client_secret_sealed = EXCLUDED.client_secret_sealed, email_claim = EXCLUDED.email_claim,
           name_claim = EXCLUDED.name_claim, department_claim = EXCLUDED.department_claim,
           groups_claim = EXCLUDED.groups_claim, role_mappings = EXCLUDED.role_mappings,
           default_role = EXCLUDED.default_role, enabled = EXCLUDED.enabled,
           sso_required = EXCLUDED.sso_required, updated_at = now()`,
        [
          auth.organisationId,
          input.displayName,
          issuer,
          input.clientId,
          secretSealed,
          input.claims.email,
          input.claims.name,
          input.claims.department,
          input.claims.groups,
          JSON.stringify(input.roleMappings),
          input.defaultRole,
          input.enabled,
          input.ssoRequired,
        ],
      );
      await tx.query(`DELETE FROM sso_domain WHERE organisation_id = $1 AND NOT (domain = ANY($2::text[]))`, [
        auth.organisationId,
        domains,
      ]);
      await tx.query(
        `INSERT INTO sso_domain (domain, organisation_id) SELECT unnest($2::text[]), $1 ON CONFLICT (domain) DO NOTHING`,
        [auth.organisationId, domains],
      );
      // Another organisation took one of them after the check above: refuse, as the check would.
      await this.checkDomains(tx, auth.organisationId, domains);
      await tx.query(
        `DELETE FROM sso_break_glass_admin WHERE organisation_id = $1 AND NOT (user_id = ANY($2::uuid[]))`,
        [auth.organisationId, breakGlass],
      );
      await tx.query(
        `INSERT INTO sso_break_glass_admin (organisation_id, user_id) SELECT $1, unnest($2::uuid[])
         ON CONFLICT DO NOTHING`,
        [auth.organisationId, breakGlass],
      );
      const after = (await this.find(tx, { organisationId: auth.organisationId }))!;
      await this.recordChange(tx, auth, before, after, input.clientSecret !== undefined);
      return { before, after };
    });
    if (saved.before) this.oidc.forget(cacheKey(saved.before));
    return this.view(auth.organisationId);
  }

  /** The connection by organisation or by slug, or null. */
  async find(
    manager: EntityManager,
    by: { organisationId: string } | { slug: string },
  ): Promise<SsoConnection | null> {
    const [row] = await manager.query<ConnectionRow[]>(
      'organisationId' in by
        ? `${SELECT_CONNECTION} WHERE c.organisation_id = $1`
        : `${SELECT_CONNECTION} WHERE o.slug = $1`,
      ['organisationId' in by ? by.organisationId : by.slug],
    );
    return row ? toConnection(row) : null;
  }

  /** The connection an email domain belongs to, or null. */
  async findByDomain(domain: string): Promise<SsoConnection | null> {
    const [row] = await this.dataSource.query<ConnectionRow[]>(
      `${SELECT_CONNECTION} WHERE c.organisation_id = (SELECT organisation_id FROM sso_domain WHERE domain = $1)`,
      [domain],
    );
    return row ? toConnection(row) : null;
  }

  /** What openid-client needs for this connection; the secret is opened here, in memory only. */
  providerClient(connection: SsoConnection): ProviderClient {
    return {
      key: cacheKey(connection),
      issuer: connection.issuer,
      clientId: connection.clientId,
      clientSecret: connection.clientSecretSealed
        ? this.secrets.open(connection.clientSecretSealed, secretContext(connection.organisationId))
        : null,
    };
  }

  private async checkDomains(tx: EntityManager, organisationId: string, domains: string[]): Promise<void> {
    const taken = await tx.query<{ domain: string }[]>(
      `SELECT domain FROM sso_domain WHERE domain = ANY($1::text[]) AND organisation_id <> $2 ORDER BY domain`,
      [domains, organisationId],
    );
    if (taken.length) {
      const list = taken.map((t) => t.domain).join(', ');
      throw conflict(
        'domain_taken',
        `${list} already signs in to another organisation on this Countersign. A domain belongs to one organisation only.`,
        [{ field: 'domains', message: `${list} belongs to another organisation` }],
      );
    }
  }

  private async checkBreakGlass(tx: EntityManager, organisationId: string, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    const [{ n }] = (await tx.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM app_user
        WHERE organisation_id = $1 AND id = ANY($2::uuid[]) AND role = 'admin' AND active`,
      [organisationId, userIds],
    )) as [{ n: number }];
    if (n !== userIds.length) {
      throw unprocessable(
        'break_glass_not_admin',
        'Break-glass accounts must be active administrators of this organisation.',
        [{ field: 'breakGlassAdminIds', message: 'must be active administrators of this organisation' }],
      );
    }
  }

  private async checkDiscovery(client: ProviderClient): Promise<void> {
    try {
      const found = await this.oidc.discover(client);
      const methods = found.serverMetadata().code_challenge_methods_supported;
      if (methods && !methods.includes('S256')) {
        throw unprocessable(
          'issuer_without_pkce',
          'This provider does not offer PKCE with S256, which Countersign requires. Check the provider’s settings.',
          [{ field: 'issuer', message: 'does not support PKCE (S256)' }],
        );
      }
    } catch (error) {
      if (error instanceof DomainError) throw error;
      this.logger.warn(`SSO discovery failed for ${client.issuer}: ${(error as Error).message}`);
      throw unprocessable(
        'issuer_unreachable',
        `Countersign could not read the provider’s OpenID configuration at ${client.issuer}/.well-known/openid-configuration. Check the issuer URL (copy it from the provider), and that this server can reach it.`,
        [{ field: 'issuer', message: 'did not answer OpenID Connect discovery' }],
      );
    }
  }

  private async recordChange(
    tx: EntityManager,
    auth: AuthContext,
    before: SsoConnection | null,
    after: SsoConnection,
    secretChanged: boolean,
  ): Promise<void> {
    const a = audited(after);
    const b = before ? audited(before) : null;
    const keys = (Object.keys(a) as (keyof AuditedConnection)[]).filter(
      (k) => k !== 'clientSecretSet' && (!b || JSON.stringify(b[k]) !== JSON.stringify(a[k])),
    );
    // Saving what is already there changes nothing and records nothing.
    if (b && keys.length === 0 && !secretChanged) return;
    await this.audit.record(tx, {
      organisationId: auth.organisationId,
      actorId: auth.userId,
      action: 'sso.updated',
      subjectType: 'sso_config',
      subjectId: auth.organisationId,
      details: {
        before: b ? Object.fromEntries(keys.map((k) => [k, b[k]])) : null,
        after: Object.fromEntries(keys.map((k) => [k, a[k]])),
        // That the secret changed, never what it is.
        ...(secretChanged ? { clientSecretChanged: true } : {}),
      },
    });
  }
}

/** SecretBox context: a sealed secret copied into another organisation's row does not open. */
const secretContext = (organisationId: string) => `sso:${organisationId}`;

/** A changed issuer, client or secret makes a new cache entry. */
function cacheKey(c: SsoConnection): string {
  const secret = createHash('sha256')
    .update(c.clientSecretSealed ?? '')
    .digest('base64url');
  return `${c.organisationId}|${c.issuer}|${c.clientId}|${secret}`;
}

function audited(c: SsoConnection): AuditedConnection {
  return {
    displayName: c.displayName,
    issuer: c.issuer,
    clientId: c.clientId,
    clientSecretSet: c.clientSecretSealed !== null,
    domains: c.domains,
    claims: c.claims,
    roleMappings: c.roleMappings,
    defaultRole: c.defaultRole,
    enabled: c.enabled,
    ssoRequired: c.ssoRequired,
    breakGlassAdminIds: c.breakGlassAdminIds,
  };
}

function toConnection(r: ConnectionRow): SsoConnection {
  return {
    organisationId: r.organisation_id,
    organisationSlug: r.slug,
    organisationName: r.organisation_name,
    organisationDisabled: r.disabled,
    displayName: r.display_name,
    issuer: r.issuer,
    clientId: r.client_id,
    clientSecretSealed: r.client_secret_sealed,
    domains: r.domains,
    claims: {
      email: r.email_claim,
      name: r.name_claim,
      department: r.department_claim,
      groups: r.groups_claim,
    },
    roleMappings: r.role_mappings,
    defaultRole: r.default_role,
    enabled: r.enabled,
    ssoRequired: r.sso_required,
    breakGlassAdminIds: r.break_glass,
    updatedAt: r.updated_at,
  };
}
