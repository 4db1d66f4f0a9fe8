import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  progressListQuerySchema,
  progressTrendQuerySchema,
  type ProgressTrend,
  type PersonDetail,
  type ProgressOverview,
  type ProgressPage,
} from '@countersign/contracts/progress';
import type { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser } from '../../common/authenticated.decorator.js';
import { UuidParamPipe } from '../../common/uuid-param.pipe.js';
import { ValidatedQuery } from '../../common/validated-query.decorator.js';
import { ProgressTrends } from './progress-trends.service.js';
import { ProgressService } from './progress.service.js';

@ApiTags('progress')
@Controller('progress')
export class ProgressController {
  constructor(
    private readonly progress: ProgressService,
    private readonly trends: ProgressTrends,
  ) {}

  @Get('overview')
  @Authenticated({
    permission: 'progress:read',
    summary: 'Completion totals for the organisation, by department and by module.',
  })
  overview(@CurrentUser() auth: AuthContext): Promise<ProgressOverview> {
    return this.progress.overview(auth.organisationId);
  }

  @Get('trends')
  @Authenticated({
    permission: 'progress:read',
    summary:
      'Completion and overdue rates week by week for the last year (computed from the records), and this week so far; for the organisation or one department.',
  })
  trend(
    @CurrentUser() auth: AuthContext,
    @ValidatedQuery(progressTrendQuerySchema) query: z.infer<typeof progressTrendQuerySchema>,
  ): Promise<ProgressTrend> {
    return this.trends.trend(auth.organisationId, query.departmentId);
  }

  @Get()
  @Authenticated({
    permission: 'progress:read',
    summary:
      'People × module with status, filterable and paginated (by page, or by the `after` cursor of the previous page).',
  })
  list(
    @CurrentUser() auth: AuthContext,
    @ValidatedQuery(progressListQuerySchema) query: z.infer<typeof progressListQuerySchema>,
  ): Promise<ProgressPage> {
    return this.progress.list(auth.organisationId, query);
  }

  @Get('people/:userId')
  @Authenticated({ permission: 'progress:read', summary: "One person's assignments and attempts." })
  person(
    @CurrentUser() auth: AuthContext,
    @Param('userId', new UuidParamPipe('userId')) userId: string,
  ): Promise<PersonDetail> {
    return this.progress.person(auth.organisationId, userId);
  }
}
