import { Transform } from 'node:stream';
import type { Pool, PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import type { DataSource } from 'typeorm';

/**
 * A whole export is one statement read through a cursor: the API's per-statement limit (sized for
 * requests) would cut a large one, and a slow client leaves the transaction idle between
 * batches; the export's transaction gets limits of its own, still bounded.
 */
const EXPORT_STATEMENT_TIMEOUT = '30min';
const EXPORT_IDLE_TIMEOUT = '10min';
/**
 * An export sorts its whole result before the first row (no LIMIT lets an index order it): with
 * PostgreSQL's default 4 MB, 100,000 rows of the people list are sorted on disk. Bounded per
 * export, for the export's transaction only.
 */
const EXPORT_WORK_MEM = '64MB';

/** A connection held for a streamed export (CSV, PDF), in one read-only snapshot. */
export interface ReadSnapshot {
  /** A statement's rows, all at once (for small reads: counts, names). */
  query<T>(sql: string, params: unknown[]): Promise<T[]>;
  /** Rows of a statement from a cursor (pg-query-stream), `batchSize` at a time. */
  stream(sql: string, params: unknown[], batchSize: number): QueryStream;
  /**
   * Commits and gives the connection back to the pool; after an error (or an abandoned download)
   * discards it instead: a half-read cursor must not be reused. Never throws; only the first call
   * counts.
   */
  finish(error?: Error): Promise<void>;
}

/**
 * A connection of the application's pool (the one TypeORM queries through), in a read-only
 * repeatable-read transaction with the export's own statement limit: every cursor of one export
 * sees the same data.
 */
export async function openReadSnapshot(dataSource: DataSource): Promise<ReadSnapshot> {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const client: PoolClient = await pool.connect();
  try {
    await client.query(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`);
    await client.query(`SET LOCAL statement_timeout = '${EXPORT_STATEMENT_TIMEOUT}'`);
    await client.query(`SET LOCAL idle_in_transaction_session_timeout = '${EXPORT_IDLE_TIMEOUT}'`);
    await client.query(`SET LOCAL work_mem = '${EXPORT_WORK_MEM}'`);
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
  let finished = false;
  return {
    query: async <T>(sql: string, params: unknown[]) => (await client.query(sql, params)).rows as T[],
    stream: (sql, params, batchSize) => client.query(new QueryStream(sql, params, { batchSize })),
    async finish(error) {
      if (finished) return;
      finished = true;
      if (error) return client.release(error);
      try {
        await client.query('COMMIT');
        client.release();
      } catch (commitError) {
        client.release(commitError as Error);
      }
    },
  };
}

/**
 * Gathers a stream's small chunks (csv-stringify emits one per row) into writes of about `bytes`:
 * 100,000 rows become a few hundred writes to the socket instead of 100,000.
 */
export function coalesceWrites(bytes = 64 * 1024): Transform {
  let pending: Buffer[] = [];
  let size = 0;
  return new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      pending.push(buffer);
      size += buffer.length;
      if (size < bytes) return done();
      const out = Buffer.concat(pending, size);
      pending = [];
      size = 0;
      done(null, out);
    },
    flush(done) {
      done(null, size ? Buffer.concat(pending, size) : null);
    },
  });
}
