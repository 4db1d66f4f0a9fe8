import { z } from 'zod';
import { storableText, textSchema } from '../common/index.js';
import type { Permission, Role } from '../permissions/index.js';
import type { SecondFactorStep } from '../second-factor/index.js';

export const loginRequestSchema = z.object({
  email: z
    .email({ message: 'must be an email address' })
    .max(254)
    .check(storableText)
    .transform((e) => e.toLowerCase()),
  password: textSchema.min(1, 'is required').max(1024),
});
export type LoginRequest = z.input<typeof loginRequestSchema>;

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  organisation: { id: string; name: string };
}

/** Answer of `POST /api/auth/login` and `GET /api/auth/session`. */
export interface SessionResponse {
  user: SessionUser;
  permissions: Permission[];
  /** Send back in the `X-CSRF-Token` header on every state-changing request. */
  csrfToken: string;
  /** Whether the person has an authenticator app, and whether their organisation requires one of them. */
  secondFactor: { enrolled: boolean; required: boolean };
}

/**
 * Answer of `POST /api/auth/login`: a session, or (right password, second factor to come) the
 * next step with its challenge. Tell them apart with `'step' in answer`.
 */
export type LoginResponse = SessionResponse | SecondFactorStep;

export { CSRF_HEADER, SESSION_COOKIE } from '../auth-protocol/index.js';

/** `details` of the 401 `invalid_credentials` answer: what the person may be told. */
export interface SignInFailureDetails {
  /** Further wrong passwords from this address before sign-in is locked for `lockoutMinutes`. */
  attemptsLeft: number;
  lockoutMinutes: number;
  /** Set when the account is being slowed after many failures: the wait before the next try. */
  retryAfterSeconds?: number;
}

/**
 * `details` of a 429: `too_many_attempts` (locked out) or `sign_in_delayed` (the account must
 * wait between attempts). The Retry-After header says the same.
 */
export interface SignInWaitDetails {
  retryAfterSeconds: number;
}

/**
 * Passwords, per OWASP ASVS V2: at least 12 characters (up to 256, so passphrases fit), checked
 * on the server for strength with zxcvbn-ts and against the person's own name and email.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
export const newPasswordSchema = textSchema
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

/** The one-time token of an invitation or reset link: 32 random bytes, base64url. */
export const credentialTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, { message: 'is not a link token (copy the whole link from the email)' });

export const CREDENTIAL_PURPOSES = ['invitation', 'reset'] as const;
export type CredentialPurpose = (typeof CREDENTIAL_PURPOSES)[number];

/** POST /api/auth/password/forgot. The answer is the same whether or not the address is known. */
export const forgotPasswordSchema = z.object({ email: loginRequestSchema.shape.email }).strict();
export type ForgotPasswordRequest = z.input<typeof forgotPasswordSchema>;
export interface ForgotPasswordResponse {
  message: string;
}

/** POST /api/auth/password/token: what a link is for, before the person chooses a password. */
export const tokenLookupSchema = z.object({ token: credentialTokenSchema }).strict();
export interface CredentialTokenInfo {
  purpose: CredentialPurpose;
  name: string;
  email: string;
  organisation: string;
  expiresAt: string;
}

/** POST /api/auth/password/set: choose a password through an invitation or reset link. */
export const setPasswordSchema = z
  .object({ token: credentialTokenSchema, password: newPasswordSchema })
  .strict();
export type SetPasswordRequest = z.input<typeof setPasswordSchema>;
export interface SetPasswordResponse {
  /** The address to sign in with. */
  email: string;
}

/** POST /api/auth/password/change: the signed-in person changes their own password. */
export const changePasswordSchema = z
  .object({ currentPassword: textSchema.min(1, 'is required').max(1024), newPassword: newPasswordSchema })
  .strict();
export type ChangePasswordRequest = z.input<typeof changePasswordSchema>;
export interface ChangePasswordResponse {
  /** Other sessions of the person that were ended (this one stays). */
  otherSessionsEnded: number;
}

/** `details` of the 422 `weak_password` answer. */
export type WeakPasswordDetails = { field: string; message: string }[];
