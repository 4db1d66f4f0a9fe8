import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import {
  addNoteSchema,
  assignReportSchema,
  changeStatusSchema,
  triageListQuerySchema,
  type ApproachStats,
  type ReportExport,
  type ReportNote,
  type TriageListItem,
  type TriageReportView,
} from '@countersign/contracts/approaches';
import type { Page } from '@countersign/contracts/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser } from '../../common/authenticated.decorator.js';
import { UuidParamPipe } from '../../common/uuid-param.pipe.js';
import { ValidatedQuery } from '../../common/validated-query.decorator.js';
import { ZodValidationPipe } from '../../common/zod-validation.pipe.js';
import { contentDisposition } from './attachment-type.js';
import {
  ApproachTriageService,
  type ChangeStatusInput,
  type TriageListQuery,
} from './approach-triage.service.js';

@ApiTags('approaches')
@Controller('approaches')
export class ApproachTriageController {
  constructor(private readonly triage: ApproachTriageService) {}

  @Get('reports')
  @Authenticated({
    permission: 'approaches:triage',
    summary: 'The triage queue, newest first: open reports unless `status` or `open=false` says otherwise.',
  })
  list(
    @CurrentUser() auth: AuthContext,
    @ValidatedQuery(triageListQuerySchema) query: TriageListQuery,
  ): Promise<Page<TriageListItem>> {
    return this.triage.list(auth, query);
  }

  @Get('stats')
  @Authenticated({
    permission: 'approaches:triage',
    summary: 'Open reports and the median time to first review, for the officer dashboard.',
  })
  stats(@CurrentUser() auth: AuthContext): Promise<ApproachStats> {
    return this.triage.stats(auth);
  }

  @Get('reports/:reportId')
  @Authenticated({
    permission: 'approaches:triage',
    summary: 'One report in full, with notes and linked reports. Recorded in the audit trail.',
  })
  get(
    @CurrentUser() auth: AuthContext,
    @Param('reportId', new UuidParamPipe('reportId')) reportId: string,
  ): Promise<TriageReportView> {
    return this.triage.get(auth, reportId);
  }

  @Post('reports/:reportId/assign')
  @HttpCode(200)
  @Authenticated({
    permission: 'approaches:triage',
    summary: 'Assign the report to an officer or administrator (or unassign it with null).',
  })
  @ApiBody({ schema: z.toJSONSchema(assignReportSchema, { io: 'input' }) as object })
  assign(
    @CurrentUser() auth: AuthContext,
    @Param('reportId', new UuidParamPipe('reportId')) reportId: string,
    @Body(new ZodValidationPipe(assignReportSchema)) body: z.output<typeof assignReportSchema>,
  ): Promise<TriageReportView> {
    return this.triage.assign(auth, reportId, body.assigneeId);
  }

  @Post('reports/:reportId/status')
  @HttpCode(200)
  @Authenticated({
    permission: 'approaches:triage',
    summary: 'Move the report to another status (closing needs an outcome for the reporter).',
  })
  @ApiBody({ schema: z.toJSONSchema(changeStatusSchema, { io: 'input' }) as object })
  changeStatus(
    @CurrentUser() auth: AuthContext,
    @Param('reportId', new UuidParamPipe('reportId')) reportId: string,
    @Body(new ZodValidationPipe(changeStatusSchema)) body: ChangeStatusInput,
  ): Promise<TriageReportView> {
    return this.triage.changeStatus(auth, reportId, body);
  }

  @Post('reports/:reportId/notes')
  @Authenticated({
    permission: 'approaches:triage',
    summary: 'Add an internal note (never shown to the reporter).',
  })
  @ApiBody({ schema: z.toJSONSchema(addNoteSchema, { io: 'input' }) as object })
  addNote(
    @CurrentUser() auth: AuthContext,
    @Param('reportId', new UuidParamPipe('reportId')) reportId: string,
    @Body(new ZodValidationPipe(addNoteSchema)) body: z.output<typeof addNoteSchema>,
  ): Promise<ReportNote> {
    return this.triage.addNote(auth, reportId, body.body);
  }

  @Get('reports/:reportId/export')
  @Authenticated({
    permission: 'approaches:triage',
    summary: 'The report as a JSON document for the authorities (download). Recorded in the audit trail.',
  })
  async export(
    @CurrentUser() auth: AuthContext,
    @Param('reportId', new UuidParamPipe('reportId')) reportId: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<ReportExport> {
    const document = await this.triage.export(auth, reportId);
    res.header('Content-Disposition', contentDisposition('attachment', `${document.report.reference}.json`));
    res.header('Cache-Control', 'private, no-store');
    return document;
  }
}
