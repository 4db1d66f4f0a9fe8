import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ScimError } from './scim-error.js';
import { ScimThrottle } from './scim-throttle.service.js';
import { ScimTokensService } from './scim-tokens.service.js';

/**
 * `Authorization: Bearer cs_scim_…` on every /scim/v2 request: an unknown, revoked or missing token
 * answers 401 in SCIM shape; a known one is counted against its rate limit and becomes the
 * request's caller, whose organisation scopes everything the route does.
 */
@Injectable()
export class ScimTokenGuard implements CanActivate {
  constructor(
    private readonly tokens: ScimTokensService,
    private readonly throttle: ScimThrottle,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    const caller = match ? await this.tokens.authenticate(match[1]!) : null;
    if (!caller) {
      void context
        .switchToHttp()
        .getResponse<FastifyReply>()
        .header('WWW-Authenticate', 'Bearer realm="scim"');
      throw new ScimError(
        401,
        undefined,
        match
          ? 'The bearer token is not valid: it is unknown or has been revoked.'
          : 'Send the SCIM token as Authorization: Bearer <token>.',
      );
    }
    await this.throttle.consume(caller.tokenId);
    request.scim = caller;
    return true;
  }
}
