import { Body, Controller, Get, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import {
  createReportSchema,
  MAX_ATTACHMENT_BYTES,
  type AttachmentView,
  type MyReportView,
} from '@countersign/contracts/approaches';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser } from '../../common/authenticated.decorator.js';
import { ReceivedFile, SingleFileUpload } from '../../common/file-upload.js';
import { UuidParamPipe } from '../../common/uuid-param.pipe.js';
import { ZodValidationPipe } from '../../common/zod-validation.pipe.js';
import {
  ApproachReportsService,
  type CreateReportInput,
  type UploadedFile as UploadedAttachment,
} from './approach-reports.service.js';
import { AttachmentUploadErrorsInterceptor } from './attachment-upload.interceptor.js';
import { contentDisposition } from './attachment-type.js';

/** The reporter's side. Registered before the triage controller: `reports/mine` must win over `reports/:id`. */
@ApiTags('approaches')
@Controller('approaches')
export class ApproachReportsController {
  constructor(private readonly reports: ApproachReportsService) {}

  @Post('reports')
  @Authenticated({
    permission: 'approaches:report',
    summary:
      'Report an approach (201). The server re-runs the check; a retry with the same idempotencyKey returns the same report (200).',
  })
  @ApiBody({ schema: z.toJSONSchema(createReportSchema, { io: 'input' }) as object })
  async create(
    @CurrentUser() auth: AuthContext,
    @Body(new ZodValidationPipe(createReportSchema)) body: CreateReportInput,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<MyReportView> {
    const { report, created } = await this.reports.create(auth, body);
    res.status(created ? 201 : 200);
    return report;
  }

  @Get('reports/mine')
  @Authenticated({ permission: 'approaches:report', summary: "The caller's own reports, newest first." })
  listMine(@CurrentUser() auth: AuthContext): Promise<MyReportView[]> {
    return this.reports.listMine(auth);
  }

  @Get('reports/mine/:reportId')
  @Authenticated({
    permission: 'approaches:report',
    summary: "One of the caller's own reports, with its status history and outcome.",
  })
  mine(
    @CurrentUser() auth: AuthContext,
    @Param('reportId', new UuidParamPipe('reportId')) reportId: string,
  ): Promise<MyReportView> {
    return this.reports.mine(auth, reportId);
  }

  @Post('reports/:reportId/attachments')
  @Authenticated({
    permission: 'approaches:report',
    summary: `Attach a screenshot (PNG, JPEG or WebP, at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB) to one of the caller's reports.`,
  })
  @SingleFileUpload(AttachmentUploadErrorsInterceptor, MAX_ATTACHMENT_BYTES)
  addAttachment(
    @CurrentUser() auth: AuthContext,
    @Param('reportId', new UuidParamPipe('reportId')) reportId: string,
    @ReceivedFile() file: UploadedAttachment | undefined,
  ): Promise<AttachmentView> {
    return this.reports.addAttachment(auth, reportId, file);
  }

  @Get('attachments/:attachmentId')
  @Authenticated({
    permission: 'approaches:report',
    summary: 'A screenshot, for the reporter of its report and for security officers.',
  })
  async attachment(
    @CurrentUser() auth: AuthContext,
    @Param('attachmentId', new UuidParamPipe('attachmentId')) attachmentId: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.reports.readAttachment(auth, attachmentId);
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Cache-Control', 'private, no-store');
    return new StreamableFile(file.data, {
      type: file.contentType,
      disposition: contentDisposition('inline', file.fileName),
      length: file.data.length,
    });
  }
}
