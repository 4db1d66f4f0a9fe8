import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { auditQuerySchema, type AuditEventView } from '@countersign/contracts/audit';
import type { Page } from '@countersign/contracts/common';
import type { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import { Authenticated, CurrentUser } from '../../common/authenticated.decorator.js';
import { ValidatedQuery } from '../../common/validated-query.decorator.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

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
}
