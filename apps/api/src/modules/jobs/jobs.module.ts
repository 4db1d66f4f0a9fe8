import { Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue.service.js';

/** The durable job queue, for every module that queues or does background work. */
@Global()
@Module({
  providers: [JobQueue],
  exports: [JobQueue],
})
export class JobsModule {}
