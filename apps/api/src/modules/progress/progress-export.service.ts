import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PROGRESS_CSV_COLUMNS, progressCsvCells } from '@countersign/contracts/progress';
import { stringify } from 'csv-stringify';
import { pipeline, type Readable, Transform } from 'node:stream';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../common/auth-context.js';
import { defuseCell } from '../../common/csv-cell.js';
import { AuditService } from '../audit/audit.service.js';
import { coalesceWrites, openReadSnapshot } from '../../database/read-snapshot.js';
import {
  type ListFilters,
  listSql,
  type ProgressSqlRow,
  rowsSql,
  toProgressRow,
} from './progress.service.js';

/** Rows fetched from the cursor per round trip: small enough to keep memory flat, big enough to be quick. */
const BATCH_ROWS = 1000;

/**
 * The people list as CSV, streamed: the list's own SQL (`listSql` + `rowsSql`, the same filters,
 * sort and columns as the screen) read from a database cursor (pg-query-stream, 1,000 rows a
 * fetch) on a connection of its own from the TypeORM pool, turned into cells by the contracts'
 * `progressCsvCells` and written by csv-stringify, so memory stays flat whatever the size.
 */
@Injectable()
export class ProgressExportService {
  private readonly logger = new Logger(ProgressExportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Records the export (`progress.exported`, with the filters) and returns the CSV stream. The
   * audit event is committed first, in its own transaction: asking for the organisation's list is
   * the audited fact, whether or not the download then runs to its end (the row count is only
   * known at the end, so the event does not hold it; the log line at the end does).
   *
   * The connection goes back to the pool when the stream ends; on an error or when the client
   * goes away it is discarded (released with the error: a half-read cursor must not be reused).
   */
  async csv(auth: AuthContext, query: ListFilters): Promise<Readable> {
    const filters = {
      status: query.status ?? null,
      departmentId: query.departmentId ?? null,
      moduleId: query.moduleId ?? null,
      q: query.q ?? null,
      sort: query.sort,
      leavers: query.leavers,
    };
    await this.dataSource.transaction((tx) =>
      this.audit.record(tx, {
        organisationId: auth.organisationId,
        actorId: auth.userId,
        action: 'progress.exported',
        subjectType: 'progress_report',
        subjectId: null,
        details: { format: 'csv', filters },
      }),
    );

    const list = listSql(auth.organisationId, query);
    const snapshot = await openReadSnapshot(this.dataSource);
    const rows = snapshot.stream(rowsSql(list, list.filters), list.params, BATCH_ROWS);

    let count = 0;
    const started = Date.now();
    const cells = new Transform({
      objectMode: true,
      transform(row: ProgressSqlRow, _encoding, done) {
        count++;
        done(null, progressCsvCells(toProgressRow(row)));
      },
    });
    const csv = stringify({
      bom: true,
      header: true,
      columns: [...PROGRESS_CSV_COLUMNS],
      // Lines end in CRLF (RFC 4180, what Excel writes); a line break inside a cell is quoted too,
      // whichever kind it is, so no reader splits a name across two rows.
      record_delimiter: 'windows',
      quoted_match: /[\r\n]/,
      cast: { string: defuseCell },
    });
    return pipeline(rows, cells, csv, coalesceWrites(), (error) => {
      if (error) this.logger.warn(`progress export stopped after ${count} rows: ${error.message}`);
      else this.logger.log(`progress export: ${count} rows in ${Date.now() - started} ms`);
      void snapshot.finish(error ?? undefined);
    });
  }
}
