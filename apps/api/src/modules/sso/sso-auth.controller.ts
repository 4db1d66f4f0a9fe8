import { Body, Controller, Get, HttpCode, Inject, Logger, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { SESSION_COOKIE } from '@countersign/contracts/auth';
import {
  ssoCallbackQuerySchema,
  ssoDiscoverSchema,
  ssoStartQuerySchema,
  type SsoCallbackQuery,
  type SsoDiscoverResponse,
  type SsoErrorCode,
  type SsoStartQuery,
} from '@countersign/contracts/sso';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Public } from '../../common/authenticated.decorator.js';
import { ValidatedQuery } from '../../common/validated-query.decorator.js';
import { ZodValidationPipe } from '../../common/zod-validation.pipe.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { SsoSignInService } from './sso-sign-in.service.js';
import { SsoSignInError } from './sso.errors.js';

/** Binds a started sign-in to the browser that started it (login CSRF). */
const BROWSER_COOKIE = 'countersign_sso';
const BROWSER_COOKIE_PATH = '/api/auth/sso';

/**
 * The public steps of signing in through an organisation's identity provider. Browsers arrive
 * here by navigation, so start and callback answer with redirects: to the provider, into the app,
 * or back to the login page with an error code the page explains in words.
 */
@ApiTags('auth')
@Controller('auth/sso')
export class SsoAuthController {
  private readonly logger = new Logger(SsoAuthController.name);

  constructor(
    private readonly signIn: SsoSignInService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('discover')
  @HttpCode(200)
  @Public(
    'Where an address signs in: with a password, or through its organisation’s provider (by the domain alone, the same for every address of it).',
  )
  @ApiBody({ schema: z.toJSONSchema(ssoDiscoverSchema, { io: 'input' }) as object })
  discover(
    @Body(new ZodValidationPipe(ssoDiscoverSchema)) body: z.output<typeof ssoDiscoverSchema>,
  ): Promise<SsoDiscoverResponse> {
    return this.signIn.discover(body.email);
  }

  @Get(':slug/start')
  @Public('Starts signing in through the organisation’s provider: redirects the browser there.')
  async start(
    @Param('slug') slug: string,
    @ValidatedQuery(ssoStartQuerySchema) query: SsoStartQuery,
    @Res() res: FastifyReply,
  ): Promise<void> {
    try {
      const started = await this.signIn.start(slug.slice(0, 200), query);
      res.setCookie(BROWSER_COOKIE, started.browserToken, {
        httpOnly: true,
        sameSite: 'lax',
        secure: this.config.COOKIE_SECURE,
        path: BROWSER_COOKIE_PATH,
        maxAge: 15 * 60,
      });
      await res.redirect(started.redirectTo, 302);
    } catch (error) {
      await this.failed(res, error, null);
    }
  }

  @Get('callback')
  @Public(
    'Where the provider sends the browser back: signs the person in and opens the app, or shows why not.',
  )
  async callback(
    @ValidatedQuery(ssoCallbackQuerySchema) parsed: SsoCallbackQuery,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ) {
    const query = Object.fromEntries(
      Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    const browserToken = req.cookies?.[BROWSER_COOKIE];
    res.clearCookie(BROWSER_COOKIE, { path: BROWSER_COOKIE_PATH });
    try {
      const done = await this.signIn.callback(query, browserToken, req.headers['user-agent']);
      res.setCookie(SESSION_COOKIE, done.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: this.config.COOKIE_SECURE,
        path: '/',
      });
      await res.redirect(done.returnTo, 302);
    } catch (error) {
      await this.failed(res, error, null);
    }
  }

  /** To the login page with a code it explains; the reason goes to the log, not to the browser. */
  private async failed(res: FastifyReply, error: unknown, slug: string | null): Promise<void> {
    let code: SsoErrorCode = 'sign_in_failed';
    if (error instanceof SsoSignInError) {
      code = error.code;
      slug = error.slug ?? slug;
      this.logger.warn(`SSO sign-in stopped (${error.code}): ${error.reason}`);
    } else {
      this.logger.error(error, 'SSO sign-in failed');
    }
    const params = new URLSearchParams({ sso_error: code });
    if (slug) params.set('sso', slug);
    await res.redirect(`/login?${params.toString()}`, 302);
  }
}
