import { Module } from '@nestjs/common';
import { ProgressCounters } from './progress-counters.service.js';
import { ProgressTrends } from './progress-trends.service.js';
import { ProgressController } from './progress.controller.js';
import { ProgressService } from './progress.service.js';

@Module({
  controllers: [ProgressController],
  providers: [ProgressService, ProgressCounters, ProgressTrends],
  exports: [ProgressTrends],
})
export class ProgressModule {}
