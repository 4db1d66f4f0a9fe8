import { Module } from '@nestjs/common';
import { ApproachesModule } from '../modules/approaches/approaches.module.js';
import { LearningModule } from '../modules/learning/learning.module.js';
import { OrganisationsModule } from '../modules/organisations/organisations.module.js';
import { ProgressModule } from '../modules/progress/progress.module.js';
import { TrainingFeatureModule } from '../modules/training/training.module.js';
import { DemoApproachSeedService } from './demo-approach-seed.service.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({
  imports: [OrganisationsModule, TrainingFeatureModule, LearningModule, ApproachesModule, ProgressModule],
  providers: [DemoSeedService, DemoApproachSeedService],
  exports: [DemoSeedService],
})
export class DemoModule {}
