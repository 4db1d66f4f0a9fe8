import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ApproachCheckController } from './approach-check.controller.js';
import { ApproachReportsController } from './approach-reports.controller.js';
import { ApproachReportsService } from './approach-reports.service.js';
import { ApproachRulesController } from './approach-rules.controller.js';
import { ApproachRulesService } from './approach-rules.service.js';
import { ApproachTriageController } from './approach-triage.controller.js';
import { ApproachTriageService } from './approach-triage.service.js';

@Module({
  imports: [AuditModule, NotificationsModule],
  // Order matters: ApproachReportsController's `reports/mine` routes must precede `reports/:reportId`.
  controllers: [
    ApproachCheckController,
    ApproachReportsController,
    ApproachTriageController,
    ApproachRulesController,
  ],
  providers: [ApproachRulesService, ApproachReportsService, ApproachTriageService],
  // The demo seed files and triages reports through the same services as the HTTP API.
  exports: [ApproachReportsService, ApproachTriageService],
})
export class ApproachesModule {}
