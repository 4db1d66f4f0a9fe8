import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  IMPORT_MAX_BYTES,
  IMPORT_TEMPLATE_CSV,
  importOptionsSchema,
  type ImportApplied,
  type ImportSummary,
} from '@countersign/contracts/people-import';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser } from '../../common/authenticated.decorator.js';
import { ReceivedFile, SingleFileUpload, type UploadedFile } from '../../common/file-upload.js';
import { unprocessable } from '../../common/domain-error.js';
import { UuidParamPipe } from '../../common/uuid-param.pipe.js';
import { ValidatedQuery } from '../../common/validated-query.decorator.js';
import { PeopleImportErrorsInterceptor } from './people-import-upload.interceptor.js';
import { PeopleImportService } from './people-import.service.js';

type Options = z.infer<typeof importOptionsSchema>;

const requireFile = (file: UploadedFile | undefined): UploadedFile => {
  if (!file) {
    throw unprocessable('file_missing', 'Choose a CSV file to import.', [
      { field: 'file', message: 'is required' },
    ]);
  }
  return file;
};

const csvDownload = (res: FastifyReply, fileName: string) =>
  res
    .header('Content-Type', 'text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${fileName.replace(/[^\w.-]+/g, '_')}"`)
    .header('Cache-Control', 'private, no-store');

@ApiTags('people')
@Controller('people')
export class PeopleImportController {
  constructor(private readonly imports: PeopleImportService) {}

  @Get('import/template')
  @Authenticated({
    permission: 'people:manage',
    summary: 'The CSV template: the header and an example line.',
  })
  template(@Res({ passthrough: true }) res: FastifyReply): string {
    csvDownload(res, 'people-template.csv');
    return IMPORT_TEMPLATE_CSV;
  }

  @Post('import/preview')
  @HttpCode(200)
  @Authenticated({
    permission: 'people:manage',
    summary:
      'What importing the CSV file would do, and every problem with its line and column; writes nothing.',
  })
  @SingleFileUpload(PeopleImportErrorsInterceptor, IMPORT_MAX_BYTES)
  preview(
    @CurrentUser() auth: AuthContext,
    @ReceivedFile() file: UploadedFile | undefined,
    @ValidatedQuery(importOptionsSchema) query: Options,
  ): Promise<ImportSummary> {
    return this.imports.preview(auth, requireFile(file).buffer, query.deactivateMissing);
  }

  @Post('import/apply')
  @HttpCode(200)
  @Authenticated({
    permission: 'people:manage',
    summary:
      'Import the CSV file: everything in one transaction, or nothing when any line has a problem (422).',
  })
  @SingleFileUpload(PeopleImportErrorsInterceptor, IMPORT_MAX_BYTES)
  apply(
    @CurrentUser() auth: AuthContext,
    @ReceivedFile() file: UploadedFile | undefined,
    @ValidatedQuery(importOptionsSchema) query: Options,
  ): Promise<ImportApplied> {
    const received = requireFile(file);
    return this.imports.apply(
      auth,
      received.buffer,
      received.originalname || 'people.csv',
      query.deactivateMissing,
    );
  }

  @Get('imports/:importId/result')
  @Authenticated({ permission: 'people:manage', summary: 'The line-by-line result of an import, as CSV.' })
  async result(
    @CurrentUser() auth: AuthContext,
    @Param('importId', new UuidParamPipe('importId')) importId: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<string> {
    const { csv, fileName } = await this.imports.resultCsv(auth.organisationId, importId);
    csvDownload(res, fileName);
    return csv;
  }
}
