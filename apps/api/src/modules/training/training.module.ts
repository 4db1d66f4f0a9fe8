import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ModuleVersion } from './module-version.entity.js';
import { TrainingController } from './training.controller.js';
import { TrainingService } from './training.service.js';
import { TrainingModule as TrainingModuleEntity } from './training-module.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([TrainingModuleEntity, ModuleVersion])],
  controllers: [TrainingController],
  providers: [TrainingService],
  exports: [TrainingService],
})
export class TrainingFeatureModule {}
