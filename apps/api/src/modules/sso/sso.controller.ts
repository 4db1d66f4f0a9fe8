import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import {
  saveSsoConnectionSchema,
  type SaveSsoConnectionInput,
  type SsoConnectionView,
} from '@countersign/contracts/sso';
import { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser } from '../../common/authenticated.decorator.js';
import { ZodValidationPipe } from '../../common/zod-validation.pipe.js';
import { SsoConnectionService } from './sso-connection.service.js';

/** The organisation's OpenID Connect connection, as its administrators configure it. */
@ApiTags('sso')
@Controller('sso')
export class SsoController {
  constructor(private readonly connections: SsoConnectionService) {}

  @Get()
  @Authenticated({
    permission: 'identity:manage',
    summary:
      'The organisation’s single sign-on connection, the redirect URI to register at the provider, and whether a client secret is stored (never the secret).',
  })
  get(@CurrentUser() auth: AuthContext): Promise<SsoConnectionView> {
    return this.connections.view(auth.organisationId);
  }

  @Put()
  @Authenticated({
    permission: 'identity:manage',
    summary:
      'Saves the connection after checking that the issuer answers OpenID Connect discovery. Leave out clientSecret to keep the stored one. Recorded with before and after (never the secret).',
  })
  @ApiBody({ schema: z.toJSONSchema(saveSsoConnectionSchema, { io: 'input' }) as object })
  save(
    @CurrentUser() auth: AuthContext,
    @Body(new ZodValidationPipe(saveSsoConnectionSchema)) body: SaveSsoConnectionInput,
  ): Promise<SsoConnectionView> {
    return this.connections.save(auth, body);
  }
}
