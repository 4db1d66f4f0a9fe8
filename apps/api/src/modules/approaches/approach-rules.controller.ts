import { Body, Controller, Delete, Get, Put } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { ruleSetSchema, type RuleSet } from '@countersign/approach-checker';
import { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser } from '../../common/authenticated.decorator.js';
import { ZodValidationPipe } from '../../common/zod-validation.pipe.js';
import { ApproachRulesService, type RulesView } from './approach-rules.service.js';

@ApiTags('approaches')
@Controller('approaches/rules')
export class ApproachRulesController {
  constructor(private readonly rules: ApproachRulesService) {}

  @Get()
  @Authenticated({
    permission: 'approaches:rules',
    summary:
      "The organisation's checker rules, whether they are the defaults, and their precision and recall on the corpus.",
  })
  get(@CurrentUser() auth: AuthContext): Promise<RulesView> {
    return this.rules.view(auth.organisationId);
  }

  @Put()
  @Authenticated({
    permission: 'approaches:rules',
    summary: "Save the organisation's own checker rules; answers with their evaluation on the corpus.",
  })
  @ApiBody({ schema: z.toJSONSchema(ruleSetSchema, { io: 'input', unrepresentable: 'any' }) as object })
  save(
    @CurrentUser() auth: AuthContext,
    @Body(new ZodValidationPipe(ruleSetSchema)) body: RuleSet,
  ): Promise<RulesView> {
    return this.rules.save(auth, body);
  }

  @Delete()
  @Authenticated({
    permission: 'approaches:rules',
    summary: 'Go back to the built-in default rules.',
  })
  reset(@CurrentUser() auth: AuthContext): Promise<RulesView> {
    return this.rules.reset(auth);
  }
}
