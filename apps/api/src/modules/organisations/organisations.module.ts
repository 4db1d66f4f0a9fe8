import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { TrainingFeatureModule } from '../training/training.module.js';
import { OrganisationsService } from './organisations.service.js';

@Module({
  imports: [TrainingFeatureModule, AuthModule, AuditModule],
  providers: [OrganisationsService],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
