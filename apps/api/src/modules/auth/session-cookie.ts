import { SESSION_COOKIE } from '@countersign/contracts/auth';
import type { FastifyReply } from 'fastify';
import type { AppConfig } from '../../config/config.js';

/**
 * Sets the session cookie of a sign-in: httpOnly (scripts never see the token), SameSite=Lax,
 * Secure when COOKIE_SECURE. Every sign-in path (password, second factor, single sign-on) uses it.
 */
export function setSessionCookie(res: FastifyReply, token: string, config: AppConfig): void {
  res.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.COOKIE_SECURE,
    path: '/',
  });
}
