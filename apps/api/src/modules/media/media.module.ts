import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { MediaController } from './media.controller.js';
import { MediaService } from './media.service.js';

/** Images for authored modules. Authoring depends on this module, never the other way round. */
@Module({
  imports: [AuditModule],
  controllers: [MediaController],
  providers: [MediaService],
  exports: [MediaService],
})
export class MediaModule {}
