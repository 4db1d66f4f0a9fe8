import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ComplianceReportService } from './compliance-report.service.js';
import { ProgressCounters } from './progress-counters.service.js';
import { ProgressExportService } from './progress-export.service.js';
import { ProgressTrends } from './progress-trends.service.js';
import { ProgressController } from './progress.controller.js';
import { ProgressService } from './progress.service.js';

@Module({
  imports: [AuditModule],
  controllers: [ProgressController],
  providers: [
    ProgressService,
    ProgressCounters,
    ProgressTrends,
    ProgressExportService,
    ComplianceReportService,
  ],
  exports: [ProgressTrends],
})
export class ProgressModule {}
