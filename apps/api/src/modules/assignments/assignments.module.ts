import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { TrainingFeatureModule } from '../training/training.module.js';
import { AssignmentsController } from './assignments.controller.js';
import { AssignmentsService } from './assignments.service.js';

@Module({
  imports: [TrainingFeatureModule, AuditModule],
  controllers: [AssignmentsController],
  providers: [AssignmentsService],
})
export class AssignmentsModule {}
