import { Controller, Get, Header, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  auditEventsQuerySchema,
  auditExportQuerySchema,
  auditQuerySchema,
  type AuditEventsPage,
  type AuditEventView,
} from '@countersign/contracts/audit';
import type { Page } from '@countersign/contracts/common';
import type { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser } from '../../common/authenticated.decorator.js';
import { ValidatedQuery } from '../../common/validated-query.decorator.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly log: AuditLogService,
  ) {}

  @Get()
  @Authenticated({
    permission: 'approaches:triage',
    summary: 'The audit trail of one approach report (who viewed or changed it, and when), newest first.',
  })
  trail(
    @CurrentUser() auth: AuthContext,
    @ValidatedQuery(auditQuerySchema) query: z.infer<typeof auditQuerySchema>,
  ): Promise<Page<AuditEventView>> {
    return this.audit.trail(auth.organisationId, query.subjectId, query);
  }

  @Get('events')
  @Authenticated({
    permission: 'audit:read',
    summary:
      'The organisation’s audit log, newest first, filtered by actor, action, target and date range; next page by `nextCursor`.',
  })
  events(
    @CurrentUser() auth: AuthContext,
    @ValidatedQuery(auditEventsQuerySchema) query: z.infer<typeof auditEventsQuerySchema>,
  ): Promise<AuditEventsPage> {
    const { pageSize, after, ...filters } = query;
    return this.log.list(auth.organisationId, filters, { pageSize, after });
  }

  @Get('events.csv')
  @Authenticated({
    permission: 'audit:read',
    summary: 'The filtered audit log as CSV (every matching event, newest first). Recorded as an export.',
  })
  @ApiProduces('text/csv')
  @Header('Cache-Control', 'private, no-store')
  async exportCsv(
    @CurrentUser() auth: AuthContext,
    @ValidatedQuery(auditExportQuerySchema) query: z.infer<typeof auditExportQuerySchema>,
  ): Promise<StreamableFile> {
    const stream = await this.log.exportCsv(auth, query);
    const day = new Date().toISOString().slice(0, 10);
    return new StreamableFile(stream, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="audit-log-${day}.csv"`,
    });
  }
}
