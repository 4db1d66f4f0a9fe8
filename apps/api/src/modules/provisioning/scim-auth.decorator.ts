import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOperation,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { SCIM_KEY } from '../../common/authenticated.decorator.js';
import type { ScimCaller } from './scim-tokens.service.js';
import { ScimTokenGuard } from './scim-token.guard.js';

/** How the OpenAPI document (and the permissions test) tells SCIM routes from session routes. */
export const SCIM_DESCRIPTION = 'Requires a SCIM bearer token.';

declare module 'fastify' {
  interface FastifyRequest {
    scim?: ScimCaller;
  }
}

/**
 * A /scim/v2 route: no session, no CSRF token, no permission — the caller is an organisation's
 * directory, known by its bearer token, and everything it reads or changes is that organisation's.
 * The global AuthGuard lets these through to ScimTokenGuard, so they too fail closed.
 */
export function ScimAuthenticated(summary: string) {
  return applyDecorators(
    SetMetadata(SCIM_KEY, true),
    UseGuards(ScimTokenGuard),
    ApiBearerAuth('scim'),
    ApiOperation({ summary, description: SCIM_DESCRIPTION }),
    ApiUnauthorizedResponse({ description: 'No token, or an unknown or revoked one.' }),
    ApiTooManyRequestsResponse({ description: 'Over the token’s rate limit: see Retry-After.' }),
  );
}

/** The directory calling. Only valid on @ScimAuthenticated routes. */
export const CurrentScimCaller = createParamDecorator((_data: unknown, ctx: ExecutionContext): ScimCaller => {
  const caller = ctx.switchToHttp().getRequest<FastifyRequest>().scim;
  if (!caller) throw new Error('CurrentScimCaller used on a route without @ScimAuthenticated');
  return caller;
});
