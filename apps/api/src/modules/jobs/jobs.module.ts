import { Global, Module } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { JobQueue } from './job-queue.service.js';

/**
 * The durable job queue, for every module that queues or does background work, and the one clock
 * that scheduled work and time-dependent rules read (tests move it).
 */
@Global()
@Module({
  providers: [JobQueue, Clock],
  exports: [JobQueue, Clock],
})
export class JobsModule {}
