import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ModuleSummary, RedFlagView } from '@countersign/contracts/training';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser } from '../../common/authenticated.decorator.js';
import { TrainingService } from './training.service.js';

@ApiTags('training')
@Controller()
export class TrainingController {
  constructor(private readonly training: TrainingService) {}

  @Get('modules')
  @Authenticated({
    permission: 'modules:read',
    summary: "The organisation's modules with their latest published version.",
  })
  modules(@CurrentUser() auth: AuthContext): Promise<ModuleSummary[]> {
    return this.training.list(auth.organisationId);
  }

  @Get('red-flags')
  @Authenticated({
    permission: 'modules:read',
    summary: 'The red-flag catalogue cited by scenarios and quizzes.',
  })
  redFlags(): RedFlagView[] {
    return this.training.redFlags();
  }
}
