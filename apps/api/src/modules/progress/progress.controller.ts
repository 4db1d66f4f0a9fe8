import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  complianceReportQuerySchema,
  progressExportQuerySchema,
  progressListQuerySchema,
  progressTrendQuerySchema,
  type ProgressTrend,
  type PersonDetail,
  type ProgressOverview,
  type ProgressPage,
} from '@countersign/contracts/progress';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser } from '../../common/authenticated.decorator.js';
import { UuidParamPipe } from '../../common/uuid-param.pipe.js';
import { ValidatedQuery } from '../../common/validated-query.decorator.js';
import { ProgressTrends } from './progress-trends.service.js';
import { ComplianceReportService } from './compliance-report.service.js';
import { ProgressExportService } from './progress-export.service.js';
import { ProgressService } from './progress.service.js';

@ApiTags('progress')
@Controller('progress')
export class ProgressController {
  constructor(
    private readonly progress: ProgressService,
    private readonly trends: ProgressTrends,
    private readonly exports: ProgressExportService,
    private readonly compliance: ComplianceReportService,
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

  @Get('export.csv')
  @Authenticated({
    permission: 'progress:read',
    summary:
      'The people list as CSV (UTF-8 with BOM): the same filters, sort and columns as the list, every page, streamed. Audited.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      'CSV, UTF-8 with a byte-order mark, CRLF lines, a header row (PROGRESS_CSV_COLUMNS); cells that would start a spreadsheet formula are prefixed with an apostrophe.',
  })
  async exportCsv(
    @CurrentUser() auth: AuthContext,
    @ValidatedQuery(progressExportQuerySchema) query: z.infer<typeof progressExportQuerySchema>,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    const stream = await this.exports.csv(auth, query);
    res.header('Cache-Control', 'private, no-store');
    return new StreamableFile(stream, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="progress-${new Date().toISOString().slice(0, 10)}.csv"`,
    });
  }

  @Get('compliance-report.pdf')
  @Authenticated({
    permission: 'progress:read',
    summary:
      'Compliance report (PDF) of a department, or the whole organisation, as of a day: who was required, who completed which version when, who was overdue. Audited.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'A PDF (A4 landscape): header, figures, and the table of required assignments.',
  })
  async complianceReport(
    @CurrentUser() auth: AuthContext,
    @ValidatedQuery(complianceReportQuerySchema) query: z.infer<typeof complianceReportQuerySchema>,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    const { stream, fileName } = await this.compliance.pdf(auth, query);
    res.header('Cache-Control', 'private, no-store');
    return new StreamableFile(stream, {
      type: 'application/pdf',
      disposition: `attachment; filename="${fileName.replace(/[^\w.-]+/g, '_')}"`,
    });
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
