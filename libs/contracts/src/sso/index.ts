import { z } from 'zod';
import { storableText, textSchema, uuidSchema } from '../common/index.js';
import { ROLES, type Role } from '../permissions/index.js';

export * from '../sso-protocol/index.js';

/**
 * OpenID Connect single sign-on, one connection per organisation (GET/PUT /api/sso), and the
 * public steps of signing in through it (POST /api/auth/sso/discover, GET /api/auth/sso/{slug}/start,
 * GET /api/auth/sso/callback).
 */

/** Where the provider sends people back: register `<PUBLIC_URL>` + this at the provider. */
export const SSO_CALLBACK_PATH = '/api/auth/sso/callback';
/** The scopes Countersign asks for. Providers that send groups only when asked get `groups` too. */
export const SSO_SCOPES = ['openid', 'email', 'profile'] as const;

export const SSO_CLAIM_DEFAULTS = { email: 'email', name: 'name', department: null, groups: null } as const;

export interface SsoRoleMapping {
  /** A value of the groups claim (a group name, or an id as Entra ID sends them). */
  group: string;
  role: Role;
}

export interface SsoClaimMapping {
  email: string;
  name: string;
  /** Claim holding the person's department name; null: departments are not taken from the provider. */
  department: string | null;
  /** Claim holding the person's groups (an array of strings); null: roles are not taken from the provider. */
  groups: string | null;
}

/** GET /api/sso: the organisation's connection. The client secret is never returned. */
export interface SsoConnectionView {
  /** False until the connection is first saved: the other fields are then the defaults. */
  configured: boolean;
  displayName: string;
  issuer: string;
  clientId: string;
  /** Whether a client secret is stored (it is write-only). */
  clientSecretSet: boolean;
  domains: string[];
  claims: SsoClaimMapping;
  /** Evaluated in order: the most privileged role among the person's mapped groups wins. */
  roleMappings: SsoRoleMapping[];
  /** The role of a person none of whose groups is mapped (and of everyone, without a groups claim). */
  defaultRole: Role;
  enabled: boolean;
  /** Password sign-in is refused for everyone but the break-glass administrators. */
  ssoRequired: boolean;
  /** Administrators who may still sign in with a password while SSO is required. */
  breakGlassAdminIds: string[];
  /** The redirect URI to register at the provider. */
  redirectUri: string;
  /** A link that starts sign-in through this connection (share it, or bookmark it). */
  startUrl: string;
  /** Whether the provider offers RP-initiated logout (end_session_endpoint); null when not known. */
  providerLogout: boolean | null;
}

const claimName = textSchema
  .trim()
  .min(1, { message: 'is required' })
  .max(100)
  .regex(/^[\w.:/@-]+$/, { message: 'must be a claim name (letters, digits and . _ : / @ -)' });

/** example.org, sub.example.co.uk: lower case, no scheme, no @. */
export const emailDomainSchema = textSchema
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    message: 'must be a domain such as example.org (no @, no https://)',
  });

/** PUT /api/sso. `clientSecret` omitted keeps the stored one; an empty string is refused. */
export const saveSsoConnectionSchema = z
  .object({
    displayName: textSchema.trim().min(1, { message: 'is required' }).max(100),
    issuer: z
      .url({
        protocol: /^https?$/,
        error: 'must be the provider’s issuer URL, such as https://login.example.org',
      })
      .max(500)
      .check(storableText),
    clientId: textSchema.trim().min(1, { message: 'is required' }).max(500),
    clientSecret: textSchema
      .min(1, { message: 'must not be empty (leave it out to keep the stored one)' })
      .max(2000)
      .optional(),
    domains: z
      .array(emailDomainSchema)
      .min(1, { message: 'needs at least one email domain' })
      .max(50, { message: 'must have at most 50 domains' }),
    claims: z
      .object({
        email: claimName.default(SSO_CLAIM_DEFAULTS.email),
        name: claimName.default(SSO_CLAIM_DEFAULTS.name),
        department: claimName.nullable().default(null),
        groups: claimName.nullable().default(null),
      })
      .strict(),
    roleMappings: z
      .array(
        z
          .object({
            group: textSchema.trim().min(1, { message: 'is required' }).max(256),
            role: z.enum(ROLES),
          })
          .strict(),
      )
      .max(100, { message: 'must have at most 100 mappings' })
      .default([]),
    defaultRole: z.enum(ROLES).default('employee'),
    enabled: z.boolean(),
    ssoRequired: z.boolean().default(false),
    breakGlassAdminIds: z.array(uuidSchema).max(20).default([]),
  })
  .strict();
export type SaveSsoConnectionRequest = z.input<typeof saveSsoConnectionSchema>;
export type SaveSsoConnectionInput = z.output<typeof saveSsoConnectionSchema>;

/** POST /api/auth/sso/discover: where does this address sign in? */
export const ssoDiscoverSchema = z
  .object({
    email: z
      .email({ message: 'must be an email address' })
      .max(254)
      .check(storableText)
      .transform((e) => e.toLowerCase()),
  })
  .strict();
export type SsoDiscoverRequest = z.input<typeof ssoDiscoverSchema>;

/**
 * The answer depends on the address's domain only, never on whether such a person exists: every
 * address of an SSO domain gets the same answer.
 */
export type SsoDiscoverResponse =
  | { method: 'password' }
  | {
      method: 'sso';
      organisation: string;
      provider: string;
      /** Relative URL: navigate the browser here. */
      startUrl: string;
      /** False when the organisation requires SSO (only break-glass administrators use a password). */
      passwordAllowed: boolean;
    };

/** GET /api/auth/sso/{slug}/start?returnTo=/path: the page to land on afterwards, within the app. */
export const ssoStartQuerySchema = z.object({
  returnTo: textSchema
    .max(500)
    .regex(/^\/(?![/\\])[^\s]*$/, { message: 'must be a path within Countersign, starting with /' })
    .optional()
    .describe('The page to open after signing in (a path within Countersign).'),
  loginHint: z
    .email({ message: 'must be an email address' })
    .max(254)
    .check(storableText)
    .optional()
    .describe('The address the person typed, passed to the provider as login_hint.'),
});
export type SsoStartQuery = z.infer<typeof ssoStartQuerySchema>;

/**
 * The parameters the provider sends back to GET /api/auth/sso/callback. Text the database could
 * not hold is refused (422); anything else, however wrong, ends on the login page with a reason.
 */
export const ssoCallbackQuerySchema = z.object({
  code: textSchema.max(8192).optional().describe('The authorization code.'),
  state: textSchema.max(2048).optional().describe('The state Countersign sent.'),
  error: textSchema.max(256).optional().describe('The provider’s error code, when it refused.'),
  error_description: textSchema.max(4096).optional(),
  iss: textSchema.max(2048).optional().describe('The issuer (RFC 9207).'),
});
export type SsoCallbackQuery = z.infer<typeof ssoCallbackQuerySchema>;

/** POST /api/auth/logout: where to send the browser afterwards (the provider's logout), if anywhere. */
export interface LogoutResponse {
  redirectTo: string | null;
}

/** `details` of the 403 `sso_required` answer to a password sign-in. */
export interface SsoRequiredDetails {
  startUrl: string;
  provider: string;
}
