import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';

/** A cell: NULL as null, text, a number, a boolean, or an object/array written as JSON (jsonb). */
export type CopyCell = string | number | boolean | null | undefined | object;

/**
 * Writes many rows into a table inside the caller's transaction with PostgreSQL's COPY, streamed
 * (pg-copy-streams; rows encoded as CSV by csv-stringify, not by hand). For bulk writes such as a
 * 100,000-person import, where INSERT … unnest() must first build and send one huge parameter
 * array per column: COPY parses rows as they arrive and nothing is held twice.
 *
 * `table` and `columns` are trusted identifiers from the code, never input. In CSV, an empty
 * unquoted field is NULL and `""` an empty string, so empty strings survive.
 */
export async function copyRows(
  tx: EntityManager,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyCell[]>,
): Promise<void> {
  const runner = tx.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('copyRows needs an open transaction');
  const client = (await runner.connect()) as PoolClient;
  const sink = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
  await pipeline(
    Readable.from(rows, { objectMode: true }),
    stringify({
      // Every string quoted, so "" (empty text) differs from an empty field (NULL).
      quoted_string: true,
      cast: {
        boolean: (value) => (value ? 'true' : 'false'),
        object: (value) => JSON.stringify(value),
        date: (value) => value.toISOString(),
      },
    }),
    sink,
  );
}
