import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { OutboxSender } from './outbox-sender.service.js';

@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, OutboxSender],
  exports: [NotificationsService, OutboxSender],
})
export class NotificationsModule {}
