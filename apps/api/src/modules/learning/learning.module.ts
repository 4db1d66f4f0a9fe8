import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ProgrammeModule } from '../programme/programme.module.js';
import { TrainingFeatureModule } from '../training/training.module.js';
import { LearningController } from './learning.controller.js';
import { LearningService } from './learning.service.js';

@Module({
  imports: [TrainingFeatureModule, NotificationsModule, ProgrammeModule],
  controllers: [LearningController],
  providers: [LearningService],
  exports: [LearningService],
})
export class LearningModule {}
