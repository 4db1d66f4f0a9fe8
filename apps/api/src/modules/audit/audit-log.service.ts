import { pipeline, Transform, type Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_SUBJECT_LABELS,
  auditRange,
  type AuditAction,
  type AuditEventsPage,
  type AuditSubjectType,
  systemActorLabel,
} from '@countersign/contracts/audit';
import { stringify } from 'csv-stringify';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../common/auth-context.js';
import { coalesceWrites, openReadSnapshot } from '../../database/read-snapshot.js';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor.js';
import { defuseCell } from '../../common/csv-cell.js';
import { SELECT_EVENTS, toView, type AuditRow, AuditService } from './audit.service.js';

/** The audit page's filters, parsed (see auditFiltersSchema). */
export interface AuditFilters {
  actorId?: string;
  action?: AuditAction[];
  subjectType?: AuditSubjectType;
  subjectId?: string;
  from?: string;
  to?: string;
}

/** The CSV's columns, in order: one line per event, newest first, as the page lists them. */
export const AUDIT_CSV_COLUMNS = [
  'time',
  'actor_id',
  'actor',
  'action',
  'action_label',
  'target_type',
  'target_id',
  'target',
  'details',
] as const;

/**
 * The organisation's whole audit log, filtered: pages by keyset on (at, id) newest first, and the
 * same list as CSV streamed from a database cursor. Every read is scoped to the caller's
 * organisation; the filters come from the query, the organisation from the session.
 */
@Injectable()
export class AuditLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(
    organisationId: string,
    filters: AuditFilters,
    paging: { pageSize: number; after?: string },
  ): Promise<AuditEventsPage> {
    const where = whereOf(organisationId, filters);
    if (paging.after) {
      const cursor = decodeAuditCursor(paging.after);
      where.clauses.push(
        `(e.at, e.id) < (${where.p(cursor.at)}::timestamptz, ${where.p(cursor.id)}::bigint)`,
      );
    }
    const rows = await this.dataSource.query<AuditRow[]>(
      `${SELECT_EVENTS} WHERE ${where.sql()} ORDER BY e.at DESC, e.id DESC LIMIT ${paging.pageSize + 1}`,
      where.params,
    );
    const page = rows.slice(0, paging.pageSize);
    const people = await this.audit.people(this.dataSource.manager, organisationId, page);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => toView(r, people)),
      nextCursor:
        rows.length > paging.pageSize && last
          ? encodeAuditCursor({ at: last.at_key, id: String(last.id) })
          : null,
    };
  }

  /**
   * The filtered log as CSV, streamed: rows come from a server-side cursor (pg-query-stream) a
   * batch at a time and go through csv-stringify, so memory stays flat whatever the size. The
   * export is recorded (committed) before the first row is read, so even an interrupted export
   * leaves its trace; when it matches the filters it is the first line of its own file.
   */
  async exportCsv(auth: AuthContext, filters: AuditFilters): Promise<Readable> {
    await this.dataSource.transaction((tx) =>
      this.audit.record(tx, {
        organisationId: auth.organisationId,
        actorId: auth.userId,
        action: 'audit.exported',
        subjectType: 'audit_log',
        subjectId: null,
        details: { filters },
      }),
    );
    const where = whereOf(auth.organisationId, filters);
    // One read-only snapshot for the whole file, with the export's own time limits.
    const snapshot = await openReadSnapshot(this.dataSource);
    const rows = snapshot.stream(
      `${SELECT_EVENTS} WHERE ${where.sql()} ORDER BY e.at DESC, e.id DESC`,
      where.params,
      500,
    );
    const toCells = new Transform({
      objectMode: true,
      transform(row: AuditRow, _encoding, done) {
        done(null, csvLine(row));
      },
    });
    const out = coalesceWrites();
    pipeline(rows, toCells, stringify({ header: true, columns: [...AUDIT_CSV_COLUMNS] }), out, (error) => {
      void snapshot.finish(error ?? undefined);
    });
    return out;
  }
}

function csvLine(r: AuditRow): string[] {
  const cells = [
    new Date(r.at).toISOString(),
    r.actor_id ?? '',
    r.actor_name ?? (r.actor_id ? '' : systemActorLabel(r.details)),
    r.action,
    AUDIT_ACTION_LABELS[r.action] ?? r.action,
    AUDIT_SUBJECT_LABELS[r.subject_type] ?? r.subject_type,
    r.subject_id ?? '',
    r.subject_name ?? '',
    JSON.stringify(r.details),
  ];
  return cells.map(defuseCell);
}

/** The WHERE clause of the filters, with numbered parameters ($1 is the organisation). */
function whereOf(organisationId: string, filters: AuditFilters) {
  const params: unknown[] = [organisationId];
  const clauses = ['e.organisation_id = $1'];
  /** Adds a parameter and answers its placeholder. */
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filters.actorId) clauses.push(`e.actor_id = ${p(filters.actorId)}`);
  if (filters.action?.length) clauses.push(`e.action = ANY(${p(filters.action)}::text[])`);
  if (filters.subjectType) clauses.push(`e.subject_type = ${p(filters.subjectType)}`);
  if (filters.subjectId) clauses.push(`e.subject_id = ${p(filters.subjectId)}`);
  const { from, to } = auditRange(filters);
  if (from) clauses.push(`e.at >= ${p(from)}`);
  if (to) clauses.push(`e.at < ${p(to)}`);
  return { params, clauses, p, sql: () => clauses.join(' AND ') };
}
