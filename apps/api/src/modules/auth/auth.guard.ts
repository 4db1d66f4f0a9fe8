import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CSRF_HEADER, SESSION_COOKIE } from '@countersign/contracts/auth';
import { hasPermission, type Permission } from '@countersign/contracts/permissions';
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { PERMISSION_KEY, PUBLIC_KEY, SCIM_KEY } from '../../common/authenticated.decorator.js';
import { DomainError } from '../../common/domain-error.js';
import { AuthService } from './auth.service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global guard. A route must be @Public, @Authenticated({ permission }) or @ScimAuthenticated
 * (whose own guard checks the bearer token); anything else is refused, so a forgotten decorator
 * fails closed. For authenticated routes it resolves the session cookie, checks the CSRF header
 * on state-changing methods, then the permission.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    // SCIM routes carry their own guard (ScimTokenGuard): a bearer token, not a session.
    if (this.reflector.getAllAndOverride<boolean>(SCIM_KEY, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission>(PERMISSION_KEY, targets);
    if (!permission) throw new DomainError(403, 'forbidden', 'This endpoint is not available.');

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = request.cookies?.[SESSION_COOKIE];
    const auth = token ? await this.auth.authenticate(token) : null;
    if (!auth) throw new DomainError(401, 'unauthenticated', 'Please sign in to continue.');

    if (!SAFE_METHODS.has(request.method) && !sameToken(headerOf(request, CSRF_HEADER), auth.csrfToken)) {
      throw new DomainError(
        403,
        'csrf_failed',
        'The request is missing a valid CSRF token. Reload the page and try again.',
      );
    }
    if (!hasPermission(auth.role, permission)) {
      throw new DomainError(403, 'forbidden', `You do not have permission to do this (needs ${permission}).`);
    }
    request.auth = auth;
    return true;
  }
}

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
