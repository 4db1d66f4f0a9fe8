import { Module } from '@nestjs/common';
import { LearningModule } from '../modules/learning/learning.module.js';
import { OrganisationsModule } from '../modules/organisations/organisations.module.js';
import { TrainingFeatureModule } from '../modules/training/training.module.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({
  imports: [OrganisationsModule, TrainingFeatureModule, LearningModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class DemoModule {}
