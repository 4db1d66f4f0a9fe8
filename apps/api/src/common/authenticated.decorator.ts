import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiCookieAuth, ApiForbiddenResponse, ApiOperation, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Permission } from '@countersign/contracts/permissions';
import type { FastifyRequest } from 'fastify';
import type { AuthContext } from './auth-context.js';

export const PERMISSION_KEY = 'countersign:permission';
export const PUBLIC_KEY = 'countersign:public';
/** Set by @ScimAuthenticated (modules/provisioning): the route's own guard checks a SCIM token. */
export const SCIM_KEY = 'countersign:scim';

/**
 * Every endpoint carries exactly one of these. The global AuthGuard refuses a route that has
 * neither, so a forgotten decorator fails closed.
 */
export function Authenticated(options: { permission: Permission; summary?: string }) {
  return applyDecorators(
    SetMetadata(PERMISSION_KEY, options.permission),
    ApiCookieAuth('session'),
    ApiOperation({ summary: options.summary, description: `Requires permission \`${options.permission}\`.` }),
    ApiUnauthorizedResponse({ description: 'Not signed in.' }),
    ApiForbiddenResponse({ description: `Missing permission \`${options.permission}\`.` }),
  );
}

/** Marks an endpoint that needs no session (login, health, session probe). */
export function Public(summary?: string) {
  return applyDecorators(
    SetMetadata(PUBLIC_KEY, true),
    ApiOperation({ summary, description: 'No session required.' }),
  );
}

/** The authenticated caller. Only valid on @Authenticated routes. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthContext => {
  const auth = ctx.switchToHttp().getRequest<FastifyRequest>().auth;
  if (!auth) throw new Error('CurrentUser used on a route without @Authenticated');
  return auth;
});
