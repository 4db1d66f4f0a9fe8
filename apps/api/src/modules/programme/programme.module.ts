import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OutboxAdminService } from './outbox-admin.service.js';
import { ProgrammeAdminController } from './programme-admin.controller.js';
import { ProgrammeRunner } from './programme-runner.service.js';
import { RemedialService } from './remedial.service.js';
import { RulesController } from './rules.controller.js';
import { RulesService } from './rules.service.js';
import { TemplatesService } from './templates.service.js';

/** Assignment rules, recurrence, reminders and escalation: the programme that runs itself. */
@Module({
  imports: [AuditModule, NotificationsModule],
  controllers: [RulesController, ProgrammeAdminController],
  providers: [RulesService, ProgrammeRunner, TemplatesService, OutboxAdminService, RemedialService],
  exports: [ProgrammeRunner, RemedialService],
})
export class ProgrammeModule {}
