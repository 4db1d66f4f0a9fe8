import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';

export type JobPolicy = 'standard' | 'short' | 'singleton' | 'stately';

/** One kind of background work: its queue, how it is retried and scheduled, and what it does. */
export interface JobDefinition<T extends object = object> {
  /** The queue's name, e.g. `email.send`. */
  name: string;
  /**
   * pg-boss's queue policy: `short` keeps at most one job waiting (a trigger: "there is work"),
   * `singleton` at most one running, `stately` one of each.
   */
  policy?: JobPolicy;
  /** Cron expression (UTC): the worker queues one job on this schedule, once across all replicas. */
  cron?: string;
  /** Attempts after the first failure (default 3), `retryDelay` seconds apart, doubling. */
  retryLimit?: number;
  retryDelay?: number;
  /** Queue one job whenever a worker starts (for work that must resume after a crash). */
  runOnStart?: boolean;
  /** A job running longer than this is failed (and retried), so a stuck job never holds its work. */
  expireInSeconds?: number;
  run(data: T): Promise<void>;
}

export interface SendOptions {
  /** Queue the job in this transaction: it exists exactly when the transaction commits. */
  tx?: EntityManager;
  /** With the `short` or `singleton` policies: at most one such job waiting per key. */
  singletonKey?: string;
  /** Not before this time. */
  startAfter?: Date;
}

export interface WorkerOptions {
  /** How often each queue is polled for new jobs. */
  pollingIntervalSeconds: number;
}

type Db = PgBoss.Db;

/** pg-boss's database interface over a TypeORM transaction or the pool (one statement per call). */
function dbOf(source: DataSource | EntityManager): Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      const own = source instanceof DataSource ? source.createQueryRunner() : null;
      const runner = own ?? (source as EntityManager).queryRunner;
      if (!runner) throw new Error('The job was to be queued in a transaction, but none is open.');
      try {
        const result = await runner.query(text, values, true);
        return { rows: (result.records as unknown[] | undefined) ?? [] };
      } finally {
        await own?.release();
      }
    },
  };
}

/**
 * Durable background work on pg-boss (PostgreSQL): every API replica can queue jobs, in the same
 * transaction as the change that causes them, and workers (in the API process with `npm start`,
 * or alone with `node apps/api/dist/worker.js`) run each job once, with retries, whatever the
 * number of replicas. Cron schedules are kept in the database, so N workers queue one job per tick.
 *
 * Sending needs no pg-boss connection of its own: jobs are written through the app's pool or
 * transaction. Only a started worker opens pg-boss's own small pool (for polling and maintenance).
 */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private readonly definitions = new Map<string, JobDefinition>();
  private readonly boss: PgBoss;
  private queues: Promise<void> | null = null;
  private working = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    const url = (dataSource.options as { url: string }).url;
    this.boss = new PgBoss({
      connectionString: url,
      application_name: 'countersign-worker',
      max: 3,
      migrate: false, // the schema is installed by migration CreateJobQueue
      supervise: true,
      schedule: true,
      // Finished jobs are kept a week for inspection, then deleted by pg-boss's maintenance.
      deleteAfterDays: 7,
    });
    this.boss.on('error', (error) => this.logger.error(`Job queue: ${error.message}`));
  }

  /** Registers a kind of work; modules call this from their constructor or onModuleInit. */
  define<T extends object>(definition: JobDefinition<T>): void {
    if (this.definitions.has(definition.name)) throw new Error(`Job ${definition.name} is defined twice`);
    this.definitions.set(definition.name, definition as unknown as JobDefinition);
    this.queues = null; // its queue is created at the next use
  }

  /** Queues one job; returns its id, or null when a `short`/`singleton` queue already has one waiting. */
  async send(name: string, data: object, options: SendOptions = {}): Promise<string | null> {
    this.definition(name);
    await this.ensureQueues();
    return this.boss.send(name, data, {
      db: dbOf(options.tx ?? this.dataSource),
      singletonKey: options.singletonKey,
      startAfter: options.startAfter,
    });
  }

  /** Queues many jobs of one kind in one statement. */
  async sendMany(
    name: string,
    data: readonly object[],
    options: Pick<SendOptions, 'tx'> = {},
  ): Promise<void> {
    this.definition(name);
    if (!data.length) return;
    await this.ensureQueues();
    await this.boss.insert(
      data.map((d) => ({ name, data: d })),
      { db: dbOf(options.tx ?? this.dataSource) },
    );
  }

  /**
   * Runs every job of this kind that is due now, here and to the end, then returns how many ran
   * (failures are recorded as pg-boss would and counted). For tests and operator commands: the same
   * claim (SKIP LOCKED) as the worker, so it never runs a job a worker holds.
   */
  async runDue(name: string): Promise<{ completed: number; failed: number }> {
    const definition = this.definition(name);
    await this.ensureQueues();
    const db = dbOf(this.dataSource);
    const outcome = { completed: 0, failed: 0 };
    for (;;) {
      const jobs = await this.boss.fetch<object>(name, { batchSize: 20, db });
      if (!jobs.length) return outcome;
      for (const job of jobs) {
        try {
          await definition.run(job.data);
          await this.boss.complete(name, job.id, undefined as never, { db });
          outcome.completed++;
        } catch (error) {
          await this.boss.fail(name, job.id, { message: describe(error) }, { db });
          outcome.failed++;
        }
      }
    }
  }

  /** Jobs of this kind waiting or being retried (for tests and health). */
  async waiting(name: string): Promise<number> {
    await this.ensureQueues();
    const [row] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry')`,
      [name],
    );
    return row?.n ?? 0;
  }

  /** Starts working every defined queue and keeps their cron schedules. Safe to call once per process. */
  async startWorker(options: WorkerOptions): Promise<void> {
    if (this.working) return;
    this.working = true;
    await this.ensureQueues();
    await this.boss.start();
    for (const definition of this.definitions.values()) {
      let workerId = '';
      workerId = await this.boss.work<object>(
        definition.name,
        { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds },
        async ([job]) => {
          if (!job) return;
          await definition.run(job.data);
          // A job was there, so more may be: look again at once rather than after the interval.
          this.boss.notifyWorker(workerId);
        },
      );
      if (definition.cron) await this.boss.schedule(definition.name, definition.cron, {}, { tz: 'UTC' });
      else await this.boss.unschedule(definition.name);
      if (definition.runOnStart) await this.send(definition.name, {});
    }
  }

  /** Lets running jobs finish (up to 20 s), then closes pg-boss's pool. */
  async stop(): Promise<void> {
    if (!this.working) return;
    this.working = false;
    await this.boss.stop({ graceful: true, timeout: 20_000, wait: true });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  private definition(name: string): JobDefinition {
    const definition = this.definitions.get(name);
    if (!definition) throw new Error(`No job named ${name} is defined`);
    return definition;
  }

  /** Creates every defined queue once per process (pg-boss's create_queue does nothing if it exists). */
  private ensureQueues(): Promise<void> {
    this.queues ??= (async () => {
      for (const d of this.definitions.values()) {
        await this.dataSource.query(`SELECT pgboss.create_queue($1, $2)`, [
          d.name,
          JSON.stringify({
            policy: d.policy ?? 'standard',
            retryLimit: d.retryLimit ?? 3,
            retryDelay: d.retryDelay ?? 30,
            retryBackoff: true,
            expireInSeconds: d.expireInSeconds ?? 15 * 60,
          }),
        ]);
      }
    })().catch((error: unknown) => {
      this.queues = null;
      throw error;
    });
    return this.queues;
  }
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}
