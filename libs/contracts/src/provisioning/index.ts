import { z } from 'zod';
import { textSchema } from '../common/index.js';

/**
 * Directory sync (SCIM 2.0): the bearer tokens an identity provider uses on /scim/v2, as
 * administrators manage them (GET/POST /api/provisioning/tokens, POST …/{tokenId}/revoke).
 * A token is shown once, when it is made; afterwards only its name, prefix and dates.
 */

/** Every token starts with this, so a leaked one is recognisable (and secret scanners can match it). */
export const SCIM_TOKEN_PREFIX = 'cs_scim_';

/** Where SCIM lives, under the installation's public URL. */
export const SCIM_BASE_PATH = '/scim/v2';

export interface ScimTokenView {
  id: string;
  name: string;
  /** The token's first characters (`cs_scim_` and four more), to tell tokens apart. */
  prefix: string;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
  /** Within a minute: the guard writes it at most once a minute. */
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ScimTokenList {
  items: ScimTokenView[];
  /** The URL to give the identity provider (PUBLIC_URL + /scim/v2). */
  baseUrl: string;
}

/** POST /api/provisioning/tokens: the only answer that carries the token itself. */
export interface ScimTokenCreated {
  token: ScimTokenView;
  secret: string;
}

export const createScimTokenSchema = z
  .object({
    name: textSchema
      .trim()
      .min(1, { message: 'is required' })
      .max(100, { message: 'must be at most 100 characters' })
      .describe('What the token is for, e.g. "Entra ID production".'),
  })
  .strict();
export type CreateScimTokenRequest = z.input<typeof createScimTokenSchema>;
