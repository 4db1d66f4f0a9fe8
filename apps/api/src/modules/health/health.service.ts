import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource } from 'typeorm';

/** Each check answers within this, whatever the database does. */
const CHECK_TIMEOUT_MS = 1000;

export interface HealthReport {
  status: 'ok' | 'failing';
  checks: {
    database: { status: 'up' | 'down'; latencyMs: number; error?: string };
    /** The application's connection pool: how many connections are open, idle and waited for. */
    pool: { status: 'ok' | 'saturated'; size: number; max: number; idle: number; waiting: number };
  };
}

/**
 * Health checks on a connection of their own (a pool of one, separate from the application's):
 * when every application connection is busy, the probe still says whether the database is up,
 * and reports the saturation rather than queuing behind it.
 */
@Injectable()
export class HealthService implements OnModuleDestroy {
  private probe: pg.Pool | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async check(): Promise<HealthReport> {
    const started = performance.now();
    let database: HealthReport['checks']['database'];
    try {
      await withTimeout(this.probePool().query('SELECT 1'), CHECK_TIMEOUT_MS);
      database = { status: 'up', latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      database = {
        status: 'down',
        latencyMs: Math.round(performance.now() - started),
        error: describe(error),
      };
    }
    const pool = this.poolStats();
    return { status: database.status === 'up' ? 'ok' : 'failing', checks: { database, pool } };
  }

  async onModuleDestroy(): Promise<void> {
    await this.probe?.end().catch(() => undefined);
  }

  private probePool(): pg.Pool {
    if (!this.probe) {
      this.probe = new pg.Pool({
        connectionString: (this.dataSource.options as { url: string }).url,
        max: 1,
        connectionTimeoutMillis: CHECK_TIMEOUT_MS,
        query_timeout: CHECK_TIMEOUT_MS,
        statement_timeout: CHECK_TIMEOUT_MS,
        idleTimeoutMillis: 30_000,
        application_name: 'countersign-health',
      });
      this.probe.on('error', () => undefined); // a dropped idle connection is reported by the next check
    }
    return this.probe;
  }

  private poolStats(): HealthReport['checks']['pool'] {
    const driver = this.dataSource.driver as unknown as {
      master?: { totalCount: number; idleCount: number; waitingCount: number; options: { max: number } };
    };
    const p = driver.master;
    if (!p) return { status: 'ok', size: 0, max: 0, idle: 0, waiting: 0 };
    return {
      status: p.idleCount === 0 && (p.waitingCount > 0 || p.totalCount >= p.options.max) ? 'saturated' : 'ok',
      size: p.totalCount,
      max: p.options.max,
      idle: p.idleCount,
      waiting: p.waitingCount,
    };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** A short reason for operators; never a stack or connection string. */
function describe(error: unknown): string {
  const e = error as { code?: string; message?: string };
  if (e?.code === 'ECONNREFUSED') return 'connection refused';
  if (e?.code === '57P03') return 'the database is starting up or shutting down';
  const message = String(e?.message ?? error);
  if (/timeout/i.test(message)) return `no answer within ${CHECK_TIMEOUT_MS} ms`;
  return message.slice(0, 200);
}
