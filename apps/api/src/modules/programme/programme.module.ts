import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ProgrammeRunner } from './programme-runner.service.js';
import { RulesController } from './rules.controller.js';
import { RulesService } from './rules.service.js';

/** Assignment rules, recurrence, reminders and escalation: the programme that runs itself. */
@Module({
  imports: [AuditModule, NotificationsModule],
  controllers: [RulesController],
  providers: [RulesService, ProgrammeRunner],
  exports: [ProgrammeRunner],
})
export class ProgrammeModule {}
