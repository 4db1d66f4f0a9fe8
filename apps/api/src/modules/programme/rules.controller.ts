import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import {
  ruleInputSchema,
  type RuleList,
  type RulePreview,
  type RuleSaved,
  type RuleView,
} from '@countersign/contracts/programme';
import { uuidSchema } from '@countersign/contracts/common';
import { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser } from '../../common/authenticated.decorator.js';
import { UuidParamPipe } from '../../common/uuid-param.pipe.js';
import { ZodValidationPipe } from '../../common/zod-validation.pipe.js';
import { RulesService } from './rules.service.js';

const previewSchema = z.object({
  /** The rule being edited, if any (its own assignments count as "already assigned"). */
  ruleId: uuidSchema.nullable().default(null),
  rule: ruleInputSchema,
});

@ApiTags('programme')
@Controller('programme/rules')
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  @Get()
  @Authenticated({ permission: 'progress:read', summary: "The organisation's assignment rules." })
  list(@CurrentUser() auth: AuthContext): Promise<RuleList> {
    return this.rules.list(auth.organisationId);
  }

  @Get(':ruleId')
  @Authenticated({ permission: 'progress:read', summary: 'One assignment rule.' })
  get(
    @CurrentUser() auth: AuthContext,
    @Param('ruleId', new UuidParamPipe('ruleId')) ruleId: string,
  ): Promise<RuleView> {
    return this.rules.get(auth.organisationId, ruleId);
  }

  @Post('preview')
  @HttpCode(200)
  @Authenticated({
    permission: 'assignments:manage',
    summary: 'What saving this rule would do now: people matched, to assign, to withdraw. Writes nothing.',
  })
  @ApiBody({ schema: z.toJSONSchema(previewSchema, { io: 'input' }) as object })
  preview(
    @CurrentUser() auth: AuthContext,
    @Body(new ZodValidationPipe(previewSchema)) body: z.infer<typeof previewSchema>,
  ): Promise<RulePreview> {
    return this.rules.preview(auth, body.rule, body.ruleId);
  }

  @Post()
  @Authenticated({
    permission: 'assignments:manage',
    summary: 'Create an assignment rule; everyone it matches is assigned at once.',
  })
  @ApiBody({ schema: z.toJSONSchema(ruleInputSchema, { io: 'input' }) as object })
  create(
    @CurrentUser() auth: AuthContext,
    @Body(new ZodValidationPipe(ruleInputSchema)) body: z.infer<typeof ruleInputSchema>,
  ): Promise<RuleSaved> {
    return this.rules.create(auth, body);
  }

  @Put(':ruleId')
  @Authenticated({
    permission: 'assignments:manage',
    summary: 'Change an assignment rule; new matches are assigned and, if it says so, lost ones withdrawn.',
  })
  @ApiBody({ schema: z.toJSONSchema(ruleInputSchema, { io: 'input' }) as object })
  update(
    @CurrentUser() auth: AuthContext,
    @Param('ruleId', new UuidParamPipe('ruleId')) ruleId: string,
    @Body(new ZodValidationPipe(ruleInputSchema)) body: z.infer<typeof ruleInputSchema>,
  ): Promise<RuleSaved> {
    return this.rules.update(auth, ruleId, body);
  }

  @Delete(':ruleId')
  @Authenticated({
    permission: 'assignments:manage',
    summary: 'Delete an assignment rule (its not-started assignments go if it says so; completions stay).',
  })
  remove(
    @CurrentUser() auth: AuthContext,
    @Param('ruleId', new UuidParamPipe('ruleId')) ruleId: string,
  ): Promise<{ withdrawn: number }> {
    return this.rules.remove(auth, ruleId);
  }
}
