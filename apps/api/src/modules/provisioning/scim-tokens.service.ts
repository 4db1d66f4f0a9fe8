import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  SCIM_BASE_PATH,
  SCIM_TOKEN_PREFIX,
  type ScimTokenCreated,
  type ScimTokenList,
  type ScimTokenView,
} from '@countersign/contracts/provisioning';
import { LRUCache } from 'lru-cache';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthContext } from '../../common/auth-context.js';
import { conflict, notFound } from '../../common/domain-error.js';
import { APP_CONFIG, publicBaseUrl, type AppConfig } from '../../config/config.js';
import { AuditService } from '../audit/audit.service.js';

/** Who calls /scim/v2: an organisation's directory, through one of its tokens. */
export interface ScimCaller {
  tokenId: string;
  tokenName: string;
  organisationId: string;
}

/** `last_used_at` is written at most this often per token (the guard reads it on every call). */
const TOUCH_EVERY_MS = 60_000;
/** How much of a token the list shows: the fixed prefix and four characters of the secret. */
const SHOWN_PREFIX_LENGTH = SCIM_TOKEN_PREFIX.length + 4;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  created_by_id: string | null;
  created_by_name: string | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const SELECT_TOKENS = `
  SELECT t.id, t.name, t.prefix, t.created_at, t.last_used_at, t.revoked_at,
         u.id AS created_by_id, u.name AS created_by_name
    FROM scim_token t
    LEFT JOIN app_user u ON u.organisation_id = t.organisation_id AND u.id = t.created_by`;

/**
 * The bearer tokens an organisation's identity provider presents on /scim/v2. A token is 256
 * random bits behind a recognisable prefix; only its SHA-256 is stored (like credential tokens:
 * for a secret this long a slow hash adds nothing), and it is shown once, when it is made.
 */
@Injectable()
export class ScimTokensService {
  /** When this replica last wrote each token's last_used_at (bounded; evicts one at a time). */
  private readonly touched = new LRUCache<string, number>({ max: 10_000 });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  baseUrl(): string {
    return `${publicBaseUrl(this.config)}${SCIM_BASE_PATH}`;
  }

  async list(organisationId: string): Promise<ScimTokenList> {
    const rows = await this.dataSource.query<TokenRow[]>(
      `${SELECT_TOKENS} WHERE t.organisation_id = $1 ORDER BY t.revoked_at IS NOT NULL, t.created_at DESC, t.id`,
      [organisationId],
    );
    return { items: rows.map(toView), baseUrl: this.baseUrl() };
  }

  create(auth: AuthContext, name: string): Promise<ScimTokenCreated> {
    return this.dataSource.transaction(async (tx) => {
      const secret = `${SCIM_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
      const prefix = secret.slice(0, SHOWN_PREFIX_LENGTH);
      const [row] = await tx.query<{ id: string }[]>(
        `INSERT INTO scim_token (organisation_id, name, prefix, token_hash, created_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [auth.organisationId, name, prefix, sha256(secret), auth.userId],
      );
      await this.audit.record(tx, {
        organisationId: auth.organisationId,
        actorId: auth.userId,
        action: 'scim-token.created',
        subjectType: 'scim_token',
        subjectId: row!.id,
        // Never the token itself, nor its hash.
        details: { before: null, after: { name, prefix } },
      });
      return { token: await this.view(tx, auth.organisationId, row!.id), secret };
    });
  }

  /** From the next request on, the token answers 401. Revoking twice is a 409. */
  revoke(auth: AuthContext, tokenId: string): Promise<ScimTokenView> {
    return this.dataSource.transaction(async (tx) => {
      const [before] = await tx.query<{ name: string; revoked_at: Date | null }[]>(
        `SELECT name, revoked_at FROM scim_token WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
        [auth.organisationId, tokenId],
      );
      if (!before) throw notFound('The token');
      if (before.revoked_at) throw conflict('token_revoked', 'This token has already been revoked.');
      await tx.query(
        `UPDATE scim_token SET revoked_at = now(), revoked_by = $3 WHERE organisation_id = $1 AND id = $2`,
        [auth.organisationId, tokenId, auth.userId],
      );
      await this.audit.record(tx, {
        organisationId: auth.organisationId,
        actorId: auth.userId,
        action: 'scim-token.revoked',
        subjectType: 'scim_token',
        subjectId: tokenId,
        details: {
          before: { name: before.name, revoked: false },
          after: { name: before.name, revoked: true },
        },
      });
      return this.view(tx, auth.organisationId, tokenId);
    });
  }

  /**
   * The caller a bearer token stands for, or null for an unknown or revoked one (or one whose
   * organisation is disabled). Notes the use at most once a minute per token, across replicas.
   */
  async authenticate(secret: string): Promise<ScimCaller | null> {
    if (!secret.startsWith(SCIM_TOKEN_PREFIX) || secret.length > 200) return null;
    const [row] = await this.dataSource.query<{ id: string; name: string; organisation_id: string }[]>(
      `SELECT t.id, t.name, t.organisation_id FROM scim_token t JOIN organisation o ON o.id = t.organisation_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND o.disabled_at IS NULL`,
      [sha256(secret)],
    );
    if (!row) return null;
    const now = Date.now();
    if (now - (this.touched.get(row.id) ?? 0) >= TOUCH_EVERY_MS) {
      this.touched.set(row.id, now);
      await this.dataSource.query(
        `UPDATE scim_token SET last_used_at = now()
          WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
        [row.id],
      );
    }
    return { tokenId: row.id, tokenName: row.name, organisationId: row.organisation_id };
  }

  private async view(tx: EntityManager, organisationId: string, tokenId: string): Promise<ScimTokenView> {
    const [row] = await tx.query<TokenRow[]>(`${SELECT_TOKENS} WHERE t.organisation_id = $1 AND t.id = $2`, [
      organisationId,
      tokenId,
    ]);
    return toView(row!);
  }
}

function toView(r: TokenRow): ScimTokenView {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: new Date(r.created_at).toISOString(),
    createdBy: r.created_by_id && r.created_by_name ? { id: r.created_by_id, name: r.created_by_name } : null,
    lastUsedAt: r.last_used_at ? new Date(r.last_used_at).toISOString() : null,
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
  };
}
