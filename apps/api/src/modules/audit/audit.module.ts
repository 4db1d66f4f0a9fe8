import { Module } from '@nestjs/common';
import { AuditLogService } from './audit-log.service.js';
import { AuditRetentionService } from './audit-retention.service.js';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';

@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditLogService, AuditRetentionService],
  exports: [AuditService],
})
export class AuditModule {}
