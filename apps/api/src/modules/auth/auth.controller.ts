import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import {
  loginRequestSchema,
  SESSION_COOKIE,
  type LoginResponse,
  type SessionResponse,
} from '@countersign/contracts/auth';
import type { LogoutResponse } from '@countersign/contracts/sso';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser, Public } from '../../common/authenticated.decorator.js';
import { DomainError } from '../../common/domain-error.js';
import { ZodValidationPipe } from '../../common/zod-validation.pipe.js';
import { AuthService } from './auth.service.js';
import { setSessionCookie } from './session-cookie.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public(
    'Sign in with email and password; sets the session cookie, or answers with the second-factor step (no session yet) when the person has an authenticator app or must add one.',
  )
  @ApiBody({ schema: z.toJSONSchema(loginRequestSchema, { io: 'input' }) as object })
  async login(
    @Body(new ZodValidationPipe(loginRequestSchema)) body: z.infer<typeof loginRequestSchema>,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<LoginResponse> {
    const result = await this.auth.login(body, req.ip || 'unknown', req.headers['user-agent']);
    if ('step' in result) return result.step;
    setSessionCookie(res, result.token, this.config);
    return result.session;
  }

  @Get('session')
  @Public('The signed-in user, their permissions and the CSRF token; 401 when signed out.')
  async session(@Req() req: FastifyRequest): Promise<SessionResponse> {
    const token = req.cookies?.[SESSION_COOKIE];
    const auth = token ? await this.auth.authenticate(token) : null;
    if (!auth) throw new DomainError(401, 'unauthenticated', 'Not signed in.');
    return this.auth.session(auth);
  }

  @Post('logout')
  @HttpCode(200)
  @Authenticated({
    permission: 'account:self',
    summary:
      'End the session. For a session opened by single sign-on, `redirectTo` is the provider’s logout page (RP-initiated logout) when it has one.',
  })
  async logout(
    @CurrentUser() auth: AuthContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<LogoutResponse> {
    const redirectTo = await this.auth.logout(auth);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    return { redirectTo };
  }
}
