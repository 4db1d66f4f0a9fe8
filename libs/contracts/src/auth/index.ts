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
