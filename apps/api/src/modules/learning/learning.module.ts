import { Module } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { TrainingFeatureModule } from '../training/training.module.js';
import { LearningController } from './learning.controller.js';
import { LearningService } from './learning.service.js';

@Module({
  imports: [TrainingFeatureModule, NotificationsModule],
  controllers: [LearningController],
  providers: [LearningService, Clock],
  exports: [LearningService],
})
export class LearningModule {}
