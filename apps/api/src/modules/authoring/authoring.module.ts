import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { MediaModule } from '../media/media.module.js';
import { AuthoringController } from './authoring.controller.js';
import { AuthoringService } from './authoring.service.js';

@Module({
  imports: [MediaModule, AuditModule],
  controllers: [AuthoringController],
  providers: [AuthoringService],
})
export class AuthoringModule {}
