import { Module } from '@nestjs/common';
import { TrainingFeatureModule } from '../training/training.module.js';
import { OrganisationsService } from './organisations.service.js';

@Module({
  imports: [TrainingFeatureModule],
  providers: [OrganisationsService],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
