import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AUDIT_PERSON_FIELDS,
  type AuditAction,
  type AuditEventView,
  type AuditSubjectType,
} from '@countersign/contracts/audit';
import type { Page } from '@countersign/contracts/common';
import { DataSource, type EntityManager } from 'typeorm';
import { notFound } from '../../common/domain-error.js';

export interface AuditEntry {
  organisationId: string;
  /** Null only for changes made by the system itself. */
  actorId: string | null;
  action: AuditAction;
  subjectType: AuditSubjectType;
  subjectId: string | null;
  details?: Record<string, unknown>;
}

export interface AuditRow {
  id: string;
  at: Date;
  /** `at` with the microseconds PostgreSQL keeps (UTC), for the keyset cursor. */
  at_key: string;
  subject_name: string | null;
  action: AuditAction;
  actor_id: string | null;
  actor_name: string | null;
  subject_type: AuditSubjectType;
  subject_id: string | null;
  details: Record<string, unknown>;
}

/**
 * Who viewed or changed what, and when. `record` takes the caller's transaction: the entry is
 * committed with the change it describes, or not at all.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(tx: EntityManager, entry: AuditEntry): Promise<void> {
    await tx.query(
      `INSERT INTO audit_event (organisation_id, actor_id, action, subject_type, subject_id, details)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        entry.organisationId,
        entry.actorId,
        entry.action,
        entry.subjectType,
        entry.subjectId,
        entry.details ?? {},
      ],
    );
  }

  /** One page of a subject's trail, newest first. An id with no trail here answers 404. */
  async trail(
    organisationId: string,
    subjectId: string,
    paging: { page: number; pageSize: number },
  ): Promise<Page<AuditEventView>> {
    const [rows, [count]] = await Promise.all([
      this.dataSource.query<AuditRow[]>(
        `${SELECT_EVENTS} WHERE e.organisation_id = $1 AND e.subject_id = $2
          ORDER BY e.id DESC LIMIT ${paging.pageSize} OFFSET ${(paging.page - 1) * paging.pageSize}`,
        [organisationId, subjectId],
      ),
      this.dataSource.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM audit_event WHERE organisation_id = $1 AND subject_id = $2`,
        [organisationId, subjectId],
      ),
    ]);
    if (!count?.total) throw notFound('The audit trail');
    const people = await this.people(this.dataSource.manager, organisationId, rows);
    return {
      items: rows.map((r) => toView(r, people)),
      total: count.total,
      page: paging.page,
      pageSize: paging.pageSize,
    };
  }

  /** A subject's whole trail, oldest first, read in the caller's transaction (for exports). */
  async fullTrail(tx: EntityManager, organisationId: string, subjectId: string): Promise<AuditEventView[]> {
    const rows = await tx.query<AuditRow[]>(
      `${SELECT_EVENTS} WHERE e.organisation_id = $1 AND e.subject_id = $2 ORDER BY e.id`,
      [organisationId, subjectId],
    );
    const people = await this.people(tx, organisationId, rows);
    return rows.map((r) => toView(r, people));
  }

  /** The names of the people the events' details name by id, in one statement. */
  async people(
    manager: EntityManager,
    organisationId: string,
    rows: readonly AuditRow[],
  ): Promise<Map<string, string>> {
    const ids = [...new Set(rows.flatMap(personIds))];
    if (ids.length === 0) return new Map();
    const found = await manager.query<{ id: string; name: string }[]>(
      `SELECT id, name FROM app_user WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
      [organisationId, ids],
    );
    return new Map(found.map((p) => [p.id, p.name]));
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function personIds(r: AuditRow): string[] {
  return (AUDIT_PERSON_FIELDS[r.action] ?? [])
    .map((field) => r.details[field])
    .filter((value): value is string => typeof value === 'string' && UUID.test(value))
    .map((id) => id.toLowerCase());
}

/** An event with its actor's and its target's names as they are now (all in the event's organisation). */
export const SELECT_EVENTS = `
  SELECT e.id, e.at, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_key,
         e.action, e.actor_id, u.name AS actor_name, e.subject_type, e.subject_id, e.details,
         CASE e.subject_type
           WHEN 'person' THEN (SELECT s.name FROM app_user s
                                WHERE s.organisation_id = e.organisation_id AND s.id = e.subject_id)
           WHEN 'department' THEN (SELECT s.name FROM department s
                                    WHERE s.organisation_id = e.organisation_id AND s.id = e.subject_id)
           WHEN 'training_module' THEN (SELECT s.title FROM training_module s
                                         WHERE s.organisation_id = e.organisation_id AND s.id = e.subject_id)
           WHEN 'assignment_rule' THEN (SELECT s.name FROM assignment_rule s
                                         WHERE s.organisation_id = e.organisation_id AND s.id = e.subject_id)
           WHEN 'organisation' THEN (SELECT s.name FROM organisation s WHERE s.id = e.organisation_id AND s.id = e.subject_id)
           WHEN 'organisation_settings' THEN (SELECT s.name FROM organisation s
                                               WHERE s.id = e.organisation_id AND s.id = e.subject_id)
           WHEN 'approach_rules' THEN (SELECT s.name FROM organisation s
                                        WHERE s.id = e.organisation_id AND s.id = e.subject_id)
           WHEN 'approach_report' THEN (SELECT s.reference FROM approach_report s
                                         WHERE s.organisation_id = e.organisation_id AND s.id = e.subject_id)
           WHEN 'scim_token' THEN (SELECT s.name FROM scim_token s
                                    WHERE s.organisation_id = e.organisation_id AND s.id = e.subject_id)
         END AS subject_name
    FROM audit_event e
    LEFT JOIN app_user u ON u.organisation_id = e.organisation_id AND u.id = e.actor_id`;

export function toView(r: AuditRow, names: ReadonlyMap<string, string>): AuditEventView {
  return {
    id: String(r.id),
    at: new Date(r.at).toISOString(),
    action: r.action,
    actor: r.actor_id && r.actor_name ? { id: r.actor_id, name: r.actor_name } : null,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    subjectName: r.subject_name,
    details: r.details,
    people: [...new Set(personIds(r))].flatMap((id) => {
      const name = names.get(id);
      return name === undefined ? [] : [{ id, name }];
    }),
  };
}
