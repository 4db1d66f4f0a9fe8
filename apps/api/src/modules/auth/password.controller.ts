import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import {
  changePasswordSchema,
  forgotPasswordSchema,
  setPasswordSchema,
  tokenLookupSchema,
  type ChangePasswordResponse,
  type CredentialTokenInfo,
  type ForgotPasswordResponse,
  type SetPasswordResponse,
} from '@countersign/contracts/auth';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser, Public } from '../../common/authenticated.decorator.js';
import { ZodValidationPipe } from '../../common/zod-validation.pipe.js';
import { CredentialsService } from './credentials.service.js';

/**
 * Setting, resetting and changing passwords. Tokens travel in request bodies, never in URLs, so
 * they stay out of access logs and Referer headers.
 */
@ApiTags('auth')
@Controller('auth/password')
export class PasswordController {
  constructor(private readonly credentials: CredentialsService) {}

  @Post('forgot')
  @HttpCode(202)
  @Public('Ask for a password-reset link by email; answers the same whether or not the address is known.')
  @ApiBody({ schema: z.toJSONSchema(forgotPasswordSchema, { io: 'input' }) as object })
  forgot(
    @Body(new ZodValidationPipe(forgotPasswordSchema)) body: z.infer<typeof forgotPasswordSchema>,
    @Req() req: FastifyRequest,
  ): Promise<ForgotPasswordResponse> {
    return this.credentials.forgot(body.email, req.ip || 'unknown');
  }

  @Post('token')
  @HttpCode(200)
  @Public(
    'What an invitation or reset link is for (whose account, until when); 404/410 when it cannot be used.',
  )
  @ApiBody({ schema: z.toJSONSchema(tokenLookupSchema, { io: 'input' }) as object })
  lookup(
    @Body(new ZodValidationPipe(tokenLookupSchema)) body: z.infer<typeof tokenLookupSchema>,
    @Req() req: FastifyRequest,
  ): Promise<CredentialTokenInfo> {
    return this.credentials.lookup(body.token, req.ip || 'unknown');
  }

  @Post('set')
  @HttpCode(200)
  @Public(
    'Choose a password through an invitation or reset link; the link is used up and every session ends.',
  )
  @ApiBody({ schema: z.toJSONSchema(setPasswordSchema, { io: 'input' }) as object })
  set(
    @Body(new ZodValidationPipe(setPasswordSchema)) body: z.infer<typeof setPasswordSchema>,
    @Req() req: FastifyRequest,
  ): Promise<SetPasswordResponse> {
    return this.credentials.setPassword(body.token, body.password, req.ip || 'unknown');
  }

  @Post('change')
  @HttpCode(200)
  @Authenticated({
    permission: 'account:self',
    summary: 'Change your own password (the current one is required); your other sessions end.',
  })
  @ApiBody({ schema: z.toJSONSchema(changePasswordSchema, { io: 'input' }) as object })
  change(
    @CurrentUser() auth: AuthContext,
    @Body(new ZodValidationPipe(changePasswordSchema)) body: z.infer<typeof changePasswordSchema>,
    @Req() req: FastifyRequest,
  ): Promise<ChangePasswordResponse> {
    return this.credentials.changePassword(auth, body.currentPassword, body.newPassword, req.ip || 'unknown');
  }
}
