import { z } from 'zod';
import { storableText, textSchema } from '../common/index.js';
import type { Permission, Role } from '../permissions/index.js';

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
}

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
