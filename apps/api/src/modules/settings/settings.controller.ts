import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import {
  updateSettingsSchema,
  type OrganisationSettings,
  type UpdateSettingsInput,
} from '@countersign/contracts/settings';
import { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser } from '../../common/authenticated.decorator.js';
import { ZodValidationPipe } from '../../common/zod-validation.pipe.js';
import { SettingsService } from './settings.service.js';

@ApiTags('settings')
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @Authenticated({
    permission: 'audit:read',
    summary: 'The organisation’s settings, such as how many years the audit log is kept.',
  })
  get(@CurrentUser() auth: AuthContext): Promise<OrganisationSettings> {
    return this.settings.get(auth.organisationId);
  }

  @Put()
  @Authenticated({
    permission: 'settings:manage',
    summary:
      'Changes the organisation’s settings. A shorter audit retention deletes older events at the next daily run. Recorded with before and after.',
  })
  @ApiBody({ schema: z.toJSONSchema(updateSettingsSchema, { io: 'input' }) as object })
  update(
    @CurrentUser() auth: AuthContext,
    @Body(new ZodValidationPipe(updateSettingsSchema)) body: UpdateSettingsInput,
  ): Promise<OrganisationSettings> {
    return this.settings.update(auth, body);
  }
}
