import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  REPORT_PATHS,
  REPORT_TRANSITIONS,
  type ApproachStats,
  type changeStatusSchema,
  type ReportExport,
  type ReportNote,
  type ReportStatus,
  type TriageListItem,
  type TriageReportView,
  type triageListQuerySchema,
} from '@countersign/contracts/approaches';
import type { Page } from '@countersign/contracts/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { invalidAssignee, invalidTransition, reportNotFound } from './approaches.errors.js';
import { ApproachReportsService, TRIAGE_ROLES } from './approach-reports.service.js';
import {
  iso,
  isoOrNull,
  REPORT_COLUMNS,
  toAttachmentMetadata,
  toNote,
  toStatusHistory,
  toTriageListItem,
  toTriageView,
  type LinkedRow,
  type NoteRow,
  type ReportRow,
  type TriageListRow,
} from './report-views.js';

export type TriageListQuery = z.output<typeof triageListQuerySchema>;
export type ChangeStatusInput = z.output<typeof changeStatusSchema>;

const STATUS_LABELS: Record<ReportStatus, string> = {
  new: 'new',
  'in-review': 'in review',
  escalated: 'escalated',
  closed: 'closed',
};

/**
 * The officers' side: the queue, one report in full, assignment, status, notes, export and the
 * dashboard figures. Every view and change is written to the audit trail in the same transaction.
 * A report of another organisation is never found: every query starts from the caller's.
 */
@Injectable()
export class ApproachTriageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ApproachReportsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** The queue, newest first. Without `status` or `open`, only open reports (not closed). */
  async list(auth: AuthContext, query: TriageListQuery): Promise<Page<TriageListItem>> {
    const params: unknown[] = [auth.organisationId];
    const where = ['r.organisation_id = $1'];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (query.status) add((p) => `r.status = ${p}`, query.status);
    const openOnly = query.open ?? !query.status;
    if (openOnly) where.push(`r.status <> 'closed'`);
    if (query.rating) add((p) => `r.rating = ${p}`, query.rating);
    if (query.departmentId) add((p) => `u.department_id = ${p}`, query.departmentId);
    if (query.olderThanDays !== undefined)
      add((p) => `r.created_at < now() - make_interval(days => ${p})`, query.olderThanDays);
    if (query.assignee === 'none') where.push('r.assignee_id IS NULL');
    else if (query.assignee)
      add((p) => `r.assignee_id = ${p}`, query.assignee === 'me' ? auth.userId : query.assignee);

    const from = `FROM approach_report r JOIN app_user u ON u.id = r.reporter_id WHERE ${where.join(' AND ')}`;
    const [rows, [count]] = await Promise.all([
      this.dataSource.query<TriageListRow[]>(
        `WITH p AS (
           SELECT r.id, r.organisation_id, r.reference, r.created_at, r.platform, r.name_used, r.rating, r.status,
                  r.flags, r.profile_key, r.name_key, r.reporter_id, u.name AS reporter_name, u.department_id,
                  r.assignee_id
             ${from}
            ORDER BY r.created_at DESC, r.id DESC
            LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}
         )
         SELECT p.id, p.reference, p.created_at, p.platform, p.name_used, p.rating, p.status, p.reporter_id,
                p.reporter_name, d.name AS dept_name, p.assignee_id, a.name AS assignee_name,
                jsonb_array_length(p.flags) AS flag_count,
                (SELECT count(*)::int FROM approach_report o
                  WHERE o.organisation_id = p.organisation_id AND o.id <> p.id
                    AND (o.profile_key = p.profile_key OR o.name_key = p.name_key)) AS linked_count
           FROM p
           LEFT JOIN department d ON d.id = p.department_id
           LEFT JOIN app_user a ON a.id = p.assignee_id
          ORDER BY p.created_at DESC, p.id DESC`,
        params,
      ),
      this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total ${from}`, params),
    ]);
    return {
      items: rows.map(toTriageListItem),
      total: count?.total ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * One report in full. Recorded as a view; the first view by an officer other than the reporter
   * is the report's first review (for time-to-first-review).
   */
  async get(auth: AuthContext, reportId: string): Promise<TriageReportView> {
    return this.dataSource.transaction(async (tx) => {
      const report = await this.findReport(tx, auth, reportId);
      await tx.query(
        `UPDATE approach_report SET first_reviewed_at = now()
          WHERE organisation_id = $1 AND id = $2 AND first_reviewed_at IS NULL AND reporter_id <> $3`,
        [auth.organisationId, reportId, auth.userId],
      );
      await this.record(tx, auth, 'report.viewed', reportId, { reference: report.reference });
      return this.view(tx, auth.organisationId, reportId);
    });
  }

  async assign(auth: AuthContext, reportId: string, assigneeId: string | null): Promise<TriageReportView> {
    return this.dataSource.transaction(async (tx) => {
      const report = await this.findReport(tx, auth, reportId, true);
      if (assigneeId) {
        const [officer] = await tx.query<{ id: string }[]>(
          `SELECT id FROM app_user
            WHERE organisation_id = $1 AND id = $2 AND active AND role = ANY($3::user_role[])`,
          [auth.organisationId, assigneeId, TRIAGE_ROLES],
        );
        if (!officer) throw invalidAssignee();
      }
      if (report.assignee_id !== assigneeId) {
        await tx.query(
          `UPDATE approach_report SET assignee_id = $3, updated_at = now() WHERE organisation_id = $1 AND id = $2`,
          [auth.organisationId, reportId, assigneeId],
        );
        await this.record(tx, auth, 'report.assigned', reportId, {
          from: report.assignee_id,
          to: assigneeId,
        });
      }
      return this.view(tx, auth.organisationId, reportId);
    });
  }

  /**
   * Moves a report along REPORT_TRANSITIONS. Closing stores the outcome the reporter is told;
   * reopening clears it (the history keeps it). The reporter is notified.
   */
  async changeStatus(
    auth: AuthContext,
    reportId: string,
    input: ChangeStatusInput,
  ): Promise<TriageReportView> {
    return this.dataSource.transaction(async (tx) => {
      const report = await this.findReport(tx, auth, reportId, true);
      const allowed = REPORT_TRANSITIONS[report.status];
      if (!allowed.includes(input.status)) throw invalidTransition(report.status, input.status, allowed);
      const closing = input.status === 'closed';
      const outcome = closing ? input.outcome! : null;
      await tx.query(
        `UPDATE approach_report
            SET status = $3, outcome = $4, closed_at = CASE WHEN $6::boolean THEN now() END, updated_at = now(),
                first_reviewed_at = COALESCE(first_reviewed_at, CASE WHEN reporter_id <> $5::uuid THEN now() END)
          WHERE organisation_id = $1 AND id = $2`,
        [auth.organisationId, reportId, input.status, outcome, auth.userId, closing],
      );
      await tx.query(
        `INSERT INTO approach_report_status_change (organisation_id, report_id, from_status, to_status, outcome, changed_by)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [auth.organisationId, reportId, report.status, input.status, outcome, auth.userId],
      );
      await this.record(tx, auth, 'report.status-changed', reportId, {
        from: report.status,
        to: input.status,
        ...(outcome ? { outcome } : {}),
      });
      if (report.reporter_id !== auth.userId) {
        await this.notifications.notify(tx, {
          organisationId: auth.organisationId,
          userIds: [report.reporter_id],
          kind: 'report-status-changed',
          title: `Your report ${report.reference} is ${STATUS_LABELS[input.status]}`,
          body: closing
            ? `The security team closed your report. ${outcome}`
            : `The security team moved your report from ${STATUS_LABELS[report.status]} to ${STATUS_LABELS[input.status]}.`,
          link: REPORT_PATHS.mine(reportId),
          subjectId: reportId,
        });
      }
      return this.view(tx, auth.organisationId, reportId);
    });
  }

  async addNote(auth: AuthContext, reportId: string, body: string): Promise<ReportNote> {
    return this.dataSource.transaction(async (tx) => {
      await this.findReport(tx, auth, reportId, true);
      const [note] = await tx.query<NoteRow[]>(
        `WITH n AS (
           INSERT INTO approach_report_note (organisation_id, report_id, author_id, body) VALUES ($1, $2, $3, $4)
           RETURNING id, body, created_at, author_id
         )
         SELECT n.id, n.body, n.created_at, n.author_id, u.name AS author_name FROM n JOIN app_user u ON u.id = n.author_id`,
        [auth.organisationId, reportId, auth.userId, body],
      );
      await tx.query(`UPDATE approach_report SET updated_at = now() WHERE organisation_id = $1 AND id = $2`, [
        auth.organisationId,
        reportId,
      ]);
      await this.record(tx, auth, 'report.note-added', reportId, { noteId: note!.id });
      return toNote(note!);
    });
  }

  /**
   * The report as one document for the authorities: the report, its flags, status history,
   * attachments as metadata with SHA-256, and its audit trail (this export included). Internal
   * notes and the assignee are left out.
   */
  async export(auth: AuthContext, reportId: string): Promise<ReportExport> {
    return this.dataSource.transaction(async (tx) => {
      const report = await this.findReport(tx, auth, reportId);
      await this.record(tx, auth, 'report.exported', reportId, { reference: report.reference });
      // Sequential reads: a transaction has one connection.
      const [organisation] = await tx.query<{ id: string; name: string }[]>(
        `SELECT id, name FROM organisation WHERE id = $1`,
        [auth.organisationId],
      );
      const [exporter] = await tx.query<{ id: string; name: string; email: string }[]>(
        `SELECT id, name, email FROM app_user WHERE id = $1`,
        [auth.userId],
      );
      const people = await this.people(tx, report);
      const history = await this.reports.history(tx, auth.organisationId, [reportId]);
      const attachments = await this.reports.attachments(tx, auth.organisationId, [reportId]);
      const trail = await this.audit.fullTrail(tx, auth.organisationId, reportId);
      return {
        format: 'countersign.approach-report/v1',
        exportedAt: new Date().toISOString(),
        exportedBy: exporter!,
        organisation: organisation!,
        report: {
          id: report.id,
          reference: report.reference,
          createdAt: iso(report.created_at),
          platform: report.platform,
          profileUrl: report.profile_url,
          nameUsed: report.name_used,
          offered: report.offered,
          messageText: report.message_text,
          occurredOn: report.occurred_on,
          replied: report.replied,
          rating: report.rating,
          rulesVersion: report.rules_version,
          status: report.status,
          outcome: report.outcome,
          firstReviewedAt: isoOrNull(report.first_reviewed_at),
          closedAt: isoOrNull(report.closed_at),
          reporter: people.reporter,
        },
        flags: report.flags,
        statusHistory: toStatusHistory(history),
        attachments: attachments.map(toAttachmentMetadata),
        auditTrail: trail,
      };
    });
  }

  /** Open reports and the median hours to first review (reports of the last 90 days). */
  async stats(auth: AuthContext): Promise<ApproachStats> {
    const [row] = await this.dataSource.query<
      { open: number; new: number; high_open: number; median_hours: number | null }[]
    >(
      `SELECT count(*) FILTER (WHERE status <> 'closed')::int AS open,
              count(*) FILTER (WHERE status = 'new')::int AS new,
              count(*) FILTER (WHERE status <> 'closed' AND rating = 'high')::int AS high_open,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_reviewed_at - created_at) / 3600)
                FILTER (WHERE first_reviewed_at IS NOT NULL AND created_at >= now() - interval '90 days') AS median_hours
         FROM approach_report WHERE organisation_id = $1`,
      [auth.organisationId],
    );
    return {
      open: row?.open ?? 0,
      new: row?.new ?? 0,
      highOpen: row?.high_open ?? 0,
      medianHoursToFirstReview:
        row?.median_hours === null || row?.median_hours === undefined
          ? null
          : Math.round(Number(row.median_hours) * 10) / 10,
    };
  }

  /** The report in full, read in the caller's transaction (after its change, if any). */
  private async view(tx: EntityManager, organisationId: string, reportId: string): Promise<TriageReportView> {
    const [report] = await tx.query<ReportRow[]>(
      `SELECT ${REPORT_COLUMNS} FROM approach_report r WHERE r.organisation_id = $1 AND r.id = $2`,
      [organisationId, reportId],
    );
    if (!report) throw reportNotFound();
    // Sequential reads: a transaction has one connection.
    const [base] = await this.reports.decorate(tx, organisationId, [report], 'triage');
    const people = await this.people(tx, report);
    const notes = await tx.query<NoteRow[]>(
      `SELECT n.id, n.body, n.created_at, n.author_id, u.name AS author_name
           FROM approach_report_note n JOIN app_user u ON u.id = n.author_id
          WHERE n.organisation_id = $1 AND n.report_id = $2
          ORDER BY n.created_at, n.id`,
      [organisationId, reportId],
    );
    const linked = await tx.query<LinkedRow[]>(
      `SELECT o.id, o.reference, o.created_at, o.status, o.rating,
                CASE WHEN o.profile_key = $3 THEN 'same-profile' ELSE 'same-name' END AS reason
           FROM approach_report o
          WHERE o.organisation_id = $1 AND o.id <> $2 AND (o.profile_key = $3 OR o.name_key = $4)
          ORDER BY o.created_at DESC, o.id DESC
          LIMIT 50`,
      [organisationId, reportId, report.profile_key, report.name_key],
    );
    return toTriageView(base!, report, people, notes, linked);
  }

  private async people(
    tx: EntityManager,
    report: ReportRow,
  ): Promise<Pick<TriageReportView, 'reporter' | 'assignee'>> {
    const [row] = await tx.query<
      {
        reporter_name: string;
        reporter_email: string;
        dept_name: string | null;
        assignee_name: string | null;
      }[]
    >(
      `SELECT u.name AS reporter_name, u.email AS reporter_email, d.name AS dept_name, a.name AS assignee_name
         FROM app_user u
         LEFT JOIN department d ON d.id = u.department_id
         LEFT JOIN app_user a ON a.id = $2
        WHERE u.id = $1`,
      [report.reporter_id, report.assignee_id],
    );
    return {
      reporter: {
        id: report.reporter_id,
        name: row!.reporter_name,
        email: row!.reporter_email,
        department: row!.dept_name,
      },
      assignee:
        report.assignee_id && row?.assignee_name ? { id: report.assignee_id, name: row.assignee_name } : null,
    };
  }

  private async findReport(
    tx: EntityManager,
    auth: AuthContext,
    reportId: string,
    lock = false,
  ): Promise<ReportRow> {
    const [report] = await tx.query<ReportRow[]>(
      `SELECT ${REPORT_COLUMNS} FROM approach_report r WHERE r.organisation_id = $1 AND r.id = $2${lock ? ' FOR UPDATE' : ''}`,
      [auth.organisationId, reportId],
    );
    if (!report) throw reportNotFound();
    return report;
  }

  private record(
    tx: EntityManager,
    auth: AuthContext,
    action:
      'report.viewed' | 'report.assigned' | 'report.status-changed' | 'report.note-added' | 'report.exported',
    reportId: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(tx, {
      organisationId: auth.organisationId,
      actorId: auth.userId,
      action,
      subjectType: 'approach_report',
      subjectId: reportId,
      details,
    });
  }
}
