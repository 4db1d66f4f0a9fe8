import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkAnswersSchema, checkApproach, type CheckResult } from '@countersign/approach-checker';
import {
  MAX_ATTACHMENTS_PER_REPORT,
  REPORT_PATHS,
  type AttachmentView,
  type createReportSchema,
  type MyReportView,
} from '@countersign/contracts/approaches';
import type { FieldIssue } from '@countersign/contracts/common';
import { hasPermission, ROLES } from '@countersign/contracts/permissions';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { AuthContext } from '../../common/auth-context.js';
import type { UploadedFile } from '../../common/file-upload.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import {
  attachmentNotFound,
  emptyFile,
  invalidCheckAnswers,
  missingFile,
  occurredInFuture,
  reportClosed,
  reportNotFound,
  tooManyAttachments,
  unsupportedAttachmentType,
} from './approaches.errors.js';
import { ApproachRulesService } from './approach-rules.service.js';
import { safeFileName, sniffType } from './attachment-type.js';
import { nameKey, profileKey } from './report-keys.js';
import {
  REPORT_COLUMNS,
  toAttachmentView,
  toMyReportView,
  toReportFlags,
  type AttachmentRow,
  type ReportRow,
  type StatusChangeRow,
} from './report-views.js';

export type CreateReportInput = z.output<typeof createReportSchema>;

/** What multer hands over for the `file` field (memory storage: the bytes, never a path on disk). */
export type { UploadedFile };

/** Roles whose holders triage reports: they are notified of high-rated ones and may be assigned. */
export const TRIAGE_ROLES = ROLES.filter((role) => hasPermission(role, 'approaches:triage'));

/**
 * The reporter's side: turning a check into a report, their own reports, and screenshots. The
 * rating and flags are always computed here from what was reported, never taken from the browser.
 * Every query is scoped to the caller's organisation, and the reporter's own queries to the caller.
 */
@Injectable()
export class ApproachReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: ApproachRulesService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Creates a report, or returns the one this reporter already made with the same idempotency
   * key (`created: false`): a retried submission never makes a second report.
   */
  async create(
    auth: AuthContext,
    input: CreateReportInput,
  ): Promise<{ report: MyReportView; created: boolean }> {
    const earlier = await this.findByKey(auth, input.idempotencyKey);
    if (earlier) return { report: await this.mine(auth, earlier), created: false };

    if (input.occurredOn && input.occurredOn > dayAfterTodayUtc()) throw occurredInFuture();
    const checkInput = parseCheckInput(input.checkAnswers, input.messageText);
    const current = await this.rules.current(auth.organisationId);
    const result = checkApproach(checkInput, current.rules);

    let id: string;
    try {
      id = await this.dataSource.transaction((tx) =>
        this.insert(tx, auth, input, checkInput.answers, result, current.rules.version),
      );
    } catch (error) {
      // The same submission raced itself: the first one made the report.
      const winner = isUniqueViolation(error) ? await this.findByKey(auth, input.idempotencyKey) : undefined;
      if (winner) return { report: await this.mine(auth, winner), created: false };
      throw error;
    }
    return { report: await this.mine(auth, id), created: true };
  }

  private async insert(
    tx: EntityManager,
    auth: AuthContext,
    input: CreateReportInput,
    answers: Record<string, unknown>,
    result: CheckResult,
    rulesVersion: number,
  ): Promise<string> {
    const year = new Date().getUTCFullYear();
    // The upsert holds the counter row's lock until commit: concurrent reports get distinct
    // numbers, and a rolled-back report gives its number back.
    const [counter] = await tx.query<{ last_number: number }[]>(
      `INSERT INTO approach_report_counter (organisation_id, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (organisation_id, year) DO UPDATE SET last_number = approach_report_counter.last_number + 1
       RETURNING last_number`,
      [auth.organisationId, year],
    );
    const reference = `AR-${year}-${String(counter!.last_number).padStart(4, '0')}`;
    const flags = toReportFlags(result.flags);
    const [row] = await tx.query<{ id: string }[]>(
      `INSERT INTO approach_report (organisation_id, reference, reporter_id, idempotency_key, platform, profile_url,
              profile_key, name_used, name_key, offered, message_text, occurred_on, replied, check_answers, rating,
              score, flags, rules_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15, $16, $17::jsonb, $18)
       RETURNING id`,
      [
        auth.organisationId,
        reference,
        auth.userId,
        input.idempotencyKey,
        input.platform,
        input.profileUrl ?? null,
        profileKey(input.profileUrl),
        input.nameUsed ?? null,
        nameKey(input.nameUsed),
        input.offered ?? null,
        input.messageText ?? null,
        input.occurredOn ?? null,
        input.replied,
        input.checkAnswers ? JSON.stringify(answers) : null,
        result.rating,
        result.score,
        JSON.stringify(flags),
        rulesVersion,
      ],
    );
    const id = row!.id;
    await tx.query(
      `INSERT INTO approach_report_status_change (organisation_id, report_id, from_status, to_status, changed_by)
       VALUES ($1, $2, NULL, 'new', $3)`,
      [auth.organisationId, id, auth.userId],
    );
    await this.audit.record(tx, {
      organisationId: auth.organisationId,
      actorId: auth.userId,
      action: 'report.created',
      subjectType: 'approach_report',
      subjectId: id,
      details: { reference, rating: result.rating, score: result.score, rulesVersion },
    });
    if (result.rating === 'high')
      await this.announceHighReport(tx, auth, id, reference, input.platform, flags);
    return id;
  }

  /** Officers hear of a high-rated report at once: in the app, and by email when mail is set up. */
  private async announceHighReport(
    tx: EntityManager,
    auth: AuthContext,
    reportId: string,
    reference: string,
    platform: string,
    flags: { title: string }[],
  ): Promise<void> {
    const officers = await tx.query<{ id: string }[]>(
      `SELECT id FROM app_user
        WHERE organisation_id = $1 AND active AND role = ANY($2::user_role[]) AND id <> $3`,
      [auth.organisationId, TRIAGE_ROLES, auth.userId],
    );
    const ids = officers.map((o) => o.id);
    const link = REPORT_PATHS.triage(reportId);
    await this.notifications.notify(tx, {
      organisationId: auth.organisationId,
      userIds: ids,
      kind: 'report-new-high',
      title: `New high-rated approach report ${reference}`,
      body: `${platform}. Red flags: ${flags.map((f) => f.title).join('; ') || 'none'}.`,
      link,
      subjectId: reportId,
    });
    // The email says only that there is something to look at: report details stay in the app.
    await this.notifications.queueEmail(tx, {
      organisationId: auth.organisationId,
      recipientIds: ids,
      subject: `[Countersign] New high-rated approach report ${reference}`,
      bodyText:
        `A new approach report, ${reference}, was rated high by the approach checker.\n\n` +
        `Sign in to Countersign and open ${link} to triage it.\n`,
    });
  }

  async listMine(auth: AuthContext): Promise<MyReportView[]> {
    const rows = await this.dataSource.query<ReportRow[]>(
      `SELECT ${REPORT_COLUMNS} FROM approach_report r
        WHERE r.organisation_id = $1 AND r.reporter_id = $2
        ORDER BY r.created_at DESC, r.id DESC`,
      [auth.organisationId, auth.userId],
    );
    return this.decorate(this.dataSource.manager, auth.organisationId, rows, 'reporter');
  }

  /** One of the caller's own reports; anyone else's answers 404. */
  async mine(auth: AuthContext, reportId: string): Promise<MyReportView> {
    const [row] = await this.dataSource.query<ReportRow[]>(
      `SELECT ${REPORT_COLUMNS} FROM approach_report r
        WHERE r.organisation_id = $1 AND r.reporter_id = $2 AND r.id = $3`,
      [auth.organisationId, auth.userId, reportId],
    );
    if (!row) throw reportNotFound();
    const [view] = await this.decorate(this.dataSource.manager, auth.organisationId, [row], 'reporter');
    return view!;
  }

  /** Adds status history and attachments to report rows, as the given audience may see them. */
  async decorate(
    manager: EntityManager,
    organisationId: string,
    rows: ReportRow[],
    audience: 'reporter' | 'triage',
  ): Promise<MyReportView[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    // One after the other: the manager may be a transaction's, with a single connection.
    const history = await this.history(manager, organisationId, ids);
    const attachments = await this.attachments(manager, organisationId, ids);
    return rows.map((r) =>
      toMyReportView(
        r,
        history.filter((h) => h.report_id === r.id),
        attachments.filter((a) => a.report_id === r.id),
        audience,
      ),
    );
  }

  history(manager: EntityManager, organisationId: string, reportIds: string[]): Promise<StatusChangeRow[]> {
    return manager.query<StatusChangeRow[]>(
      `SELECT c.report_id, c.from_status, c.to_status, c.at, c.changed_by, u.name AS changed_by_name
         FROM approach_report_status_change c LEFT JOIN app_user u ON u.id = c.changed_by
        WHERE c.organisation_id = $1 AND c.report_id = ANY($2::uuid[])
        ORDER BY c.id`,
      [organisationId, reportIds],
    );
  }

  attachments(manager: EntityManager, organisationId: string, reportIds: string[]): Promise<AttachmentRow[]> {
    return manager.query<AttachmentRow[]>(
      `SELECT id, report_id, file_name, content_type, size_bytes, sha256, created_at
         FROM approach_attachment
        WHERE organisation_id = $1 AND report_id = ANY($2::uuid[])
        ORDER BY created_at, id`,
      [organisationId, reportIds],
    );
  }

  /**
   * Adds a screenshot to one of the caller's open reports. The type is decided by the file's
   * first bytes; the bytes go into PostgreSQL with their SHA-256, in the same transaction as the
   * audit entry. The report row is locked, so concurrent uploads cannot pass the limit together.
   */
  async addAttachment(
    auth: AuthContext,
    reportId: string,
    file: UploadedFile | undefined,
  ): Promise<AttachmentView> {
    if (!file) throw missingFile();
    if (!file.size || !file.buffer?.length) throw emptyFile();
    const sniffed = sniffType(file.buffer);
    if (!sniffed.accepted) throw unsupportedAttachmentType(sniffed.type, file.mimetype || 'unknown');
    const contentType = sniffed.accepted;
    const fileName = safeFileName(file.originalname, contentType);
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');

    const row = await this.dataSource.transaction(async (tx) => {
      const [report] = await tx.query<{ id: string; status: string }[]>(
        `SELECT r.id, r.status FROM approach_report r
          WHERE r.organisation_id = $1 AND r.reporter_id = $2 AND r.id = $3
          FOR UPDATE`,
        [auth.organisationId, auth.userId, reportId],
      );
      if (!report) throw reportNotFound();
      if (report.status === 'closed') throw reportClosed();
      const [{ n }] = await tx.query<[{ n: number }]>(
        `SELECT count(*)::int AS n FROM approach_attachment WHERE organisation_id = $1 AND report_id = $2`,
        [auth.organisationId, reportId],
      );
      if (n >= MAX_ATTACHMENTS_PER_REPORT) throw tooManyAttachments();
      const [attachment] = await tx.query<AttachmentRow[]>(
        `INSERT INTO approach_attachment (organisation_id, report_id, file_name, content_type, size_bytes, sha256, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         RETURNING id, report_id, file_name, content_type, size_bytes, sha256, created_at`,
        [auth.organisationId, reportId, fileName, contentType, file.buffer.length, sha256, auth.userId],
      );
      await tx.query(`INSERT INTO approach_attachment_content (attachment_id, data) VALUES ($1, $2)`, [
        attachment!.id,
        file.buffer,
      ]);
      await tx.query(`UPDATE approach_report SET updated_at = now() WHERE id = $1`, [reportId]);
      await this.audit.record(tx, {
        organisationId: auth.organisationId,
        actorId: auth.userId,
        action: 'attachment.added',
        subjectType: 'approach_report',
        subjectId: reportId,
        details: {
          attachmentId: attachment!.id,
          fileName,
          contentType,
          sizeBytes: file.buffer.length,
          sha256,
          declaredType: file.mimetype || null,
        },
      });
      return attachment!;
    });
    return toAttachmentView(row);
  }

  /**
   * A screenshot, for the reporter of its report or for a triage officer of the same
   * organisation; anyone else gets 404. An officer's view is recorded in the audit trail.
   */
  async readAttachment(
    auth: AuthContext,
    attachmentId: string,
  ): Promise<{ fileName: string; contentType: string; data: Buffer }> {
    const mayTriage = hasPermission(auth.role, 'approaches:triage');
    return this.dataSource.transaction(async (tx) => {
      const [row] = await tx.query<
        { report_id: string; reporter_id: string; file_name: string; content_type: string; data: Buffer }[]
      >(
        `SELECT a.report_id, r.reporter_id, a.file_name, a.content_type, c.data
           FROM approach_attachment a
           JOIN approach_report r ON r.organisation_id = a.organisation_id AND r.id = a.report_id
           JOIN approach_attachment_content c ON c.attachment_id = a.id
          WHERE a.organisation_id = $1 AND a.id = $2 AND (r.reporter_id = $3 OR $4::boolean)`,
        [auth.organisationId, attachmentId, auth.userId, mayTriage],
      );
      if (!row) throw attachmentNotFound();
      if (row.reporter_id !== auth.userId) {
        await this.audit.record(tx, {
          organisationId: auth.organisationId,
          actorId: auth.userId,
          action: 'attachment.viewed',
          subjectType: 'approach_report',
          subjectId: row.report_id,
          details: { attachmentId, fileName: row.file_name },
        });
      }
      return { fileName: row.file_name, contentType: row.content_type, data: row.data };
    });
  }

  private async findByKey(auth: AuthContext, key: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM approach_report WHERE organisation_id = $1 AND reporter_id = $2 AND idempotency_key = $3`,
      [auth.organisationId, auth.userId, key],
    );
    return row?.id;
  }
}

/**
 * The check input of a report: its answers (validated like a check's, errors naming
 * `checkAnswers.<question>`) with the message text, or the message text alone.
 */
function parseCheckInput(
  checkAnswers: Record<string, unknown> | undefined,
  messageText: string | undefined,
): { answers: Record<string, unknown>; messageText?: string } {
  const parsed = checkAnswersSchema.safeParse({
    answers: checkAnswers ?? {},
    ...(messageText !== undefined ? { messageText } : {}),
  });
  if (parsed.success) return parsed.data;
  const details: FieldIssue[] = parsed.error.issues.map((issue) => {
    const [first, ...rest] = issue.path.map(String);
    const field = first === 'answers' ? ['checkAnswers', ...rest].join('.') : [first, ...rest].join('.');
    return { field: field || 'checkAnswers', message: issue.message };
  });
  throw invalidCheckAnswers(details);
}

/** Tomorrow in UTC, `YYYY-MM-DD`: a day of slack for reporters east of Greenwich. */
function dayAfterTodayUtc(): string {
  return new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
}

function isUniqueViolation(error: unknown): boolean {
  return (
    (error as { code?: string })?.code === '23505' ||
    (error as { driverError?: { code?: string } })?.driverError?.code === '23505'
  );
}
