import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import {
  checkAnswersSchema,
  QUESTIONS,
  type CheckResult,
  type ParsedCheckInput,
  type Question,
} from '@countersign/approach-checker';
import { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser } from '../../common/authenticated.decorator.js';
import { ZodValidationPipe } from '../../common/zod-validation.pipe.js';
import { ApproachRulesService } from './approach-rules.service.js';

@ApiTags('approaches')
@Controller('approaches')
export class ApproachCheckController {
  constructor(private readonly rules: ApproachRulesService) {}

  @Get('questions')
  @Authenticated({
    permission: 'approaches:report',
    summary: 'The guided questions of the approach checker.',
  })
  questions(): readonly Question[] {
    return QUESTIONS;
  }

  @Post('check')
  @HttpCode(200)
  @Authenticated({
    permission: 'approaches:report',
    summary:
      "Check a suspicious approach with the organisation's rules: red flags, rating and advice. Stores nothing.",
  })
  @ApiBody({ schema: z.toJSONSchema(checkAnswersSchema, { io: 'input', unrepresentable: 'any' }) as object })
  check(
    @CurrentUser() auth: AuthContext,
    @Body(new ZodValidationPipe(checkAnswersSchema)) body: ParsedCheckInput,
  ): Promise<CheckResult> {
    return this.rules.check(auth.organisationId, body);
  }
}
