import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import {
  createScimTokenSchema,
  type ScimTokenCreated,
  type ScimTokenList,
  type ScimTokenView,
} from '@countersign/contracts/provisioning';
import { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser } from '../../common/authenticated.decorator.js';
import { UuidParamPipe } from '../../common/uuid-param.pipe.js';
import { ZodValidationPipe } from '../../common/zod-validation.pipe.js';
import { ScimTokensService } from './scim-tokens.service.js';

/** The SCIM tokens of the organisation, as administrators manage them. */
@ApiTags('provisioning')
@Controller('provisioning/tokens')
export class ProvisioningController {
  constructor(private readonly tokens: ScimTokensService) {}

  @Get()
  @Authenticated({
    permission: 'identity:manage',
    summary: 'The organisation’s SCIM tokens (never the tokens themselves) and the SCIM base URL.',
  })
  list(@CurrentUser() auth: AuthContext): Promise<ScimTokenList> {
    return this.tokens.list(auth.organisationId);
  }

  @Post()
  @Authenticated({
    permission: 'identity:manage',
    summary: 'Makes a SCIM token. The answer is the only time the token is shown. Audited.',
  })
  @ApiBody({ schema: z.toJSONSchema(createScimTokenSchema, { io: 'input' }) as object })
  create(
    @CurrentUser() auth: AuthContext,
    @Body(new ZodValidationPipe(createScimTokenSchema)) body: z.infer<typeof createScimTokenSchema>,
  ): Promise<ScimTokenCreated> {
    return this.tokens.create(auth, body.name);
  }

  @Post(':tokenId/revoke')
  @HttpCode(200)
  @Authenticated({
    permission: 'identity:manage',
    summary: 'Revokes a SCIM token: the identity provider’s next request with it answers 401. Audited.',
  })
  revoke(
    @CurrentUser() auth: AuthContext,
    @Param('tokenId', new UuidParamPipe('tokenId')) tokenId: string,
  ): Promise<ScimTokenView> {
    return this.tokens.revoke(auth, tokenId);
  }
}
