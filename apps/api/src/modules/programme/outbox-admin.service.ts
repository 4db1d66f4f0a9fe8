import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OutboxItem, OutboxPage, OutboxStatus } from '@countersign/contracts/programme';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../common/auth-context.js';
import { conflict, notFound } from '../../common/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { OutboxSender } from '../notifications/outbox-sender.service.js';
import { escapeLike } from '../users/directory.service.js';

interface Row {
  id: string;
  to_address: string;
  recipient_id: string | null;
  recipient_name: string | null;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
  next_attempt_at: Date | null;
}

/**
 * The organisation's email outbox for administrators and officers: every email with its state and
 * the reason a failed one failed, never its body (invitation and reset links are credentials).
 * A failed email can be tried again.
 */
@Injectable()
export class OutboxAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxSender,
  ) {}

  async list(
    organisationId: string,
    query: { status?: OutboxStatus; q?: string; page: number; pageSize: number },
  ): Promise<OutboxPage> {
    const where = [`e.organisation_id = $1`];
    const params: unknown[] = [organisationId];
    if (query.status) {
      params.push(query.status);
      where.push(`e.status = $${params.length}`);
    }
    if (query.q) {
      params.push(`%${escapeLike(query.q)}%`);
      where.push(`(e.to_address ILIKE $${params.length} OR e.subject ILIKE $${params.length})`);
    }
    const [rows, [total], counts] = await Promise.all([
      this.dataSource.query<Row[]>(
        `SELECT e.id, e.to_address, e.recipient_id, u.name AS recipient_name, e.subject, e.status, e.attempts,
                e.last_error, e.created_at, e.sent_at, e.next_attempt_at
           FROM outbound_email e LEFT JOIN app_user u ON u.id = e.recipient_id
          WHERE ${where.join(' AND ')}
          ORDER BY e.created_at DESC, e.id DESC
          LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
        params,
      ),
      this.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM outbound_email e WHERE ${where.join(' AND ')}`,
        params,
      ),
      this.dataSource.query<{ status: OutboxStatus; n: number }[]>(
        `SELECT status, count(*)::int AS n FROM outbound_email WHERE organisation_id = $1 GROUP BY status`,
        [organisationId],
      ),
    ]);
    const byStatus: Record<OutboxStatus, number> = { pending: 0, sent: 0, failed: 0 };
    for (const c of counts) byStatus[c.status] = c.n;
    const page: OutboxPage = {
      items: rows.map(toItem),
      total: total?.n ?? 0,
      page: query.page,
      pageSize: query.pageSize,
      counts: byStatus,
      sending: this.outbox.enabled,
    };
    return page;
  }

  /** A failed email goes back to the queue, to be sent at once; audited. */
  async retry(auth: AuthContext, emailId: string): Promise<OutboxItem> {
    return this.dataSource.transaction(async (tx) => {
      const [row] = await tx.query<{ status: OutboxStatus }[]>(
        `SELECT status FROM outbound_email WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
        [auth.organisationId, emailId],
      );
      if (!row) throw notFound('The email');
      if (row.status !== 'failed')
        throw conflict(
          'email_not_failed',
          row.status === 'sent'
            ? 'This email was sent already.'
            : 'This email is still queued: it will be tried again by itself.',
        );
      await tx.query(
        `UPDATE outbound_email SET status = 'pending', next_attempt_at = NULL, attempts = 0 WHERE id = $1`,
        [emailId],
      );
      await this.audit.record(tx, {
        organisationId: auth.organisationId,
        actorId: auth.userId,
        action: 'email.retried',
        subjectType: 'outbound_email',
        subjectId: emailId,
        details: { before: { status: 'failed' }, after: { status: 'pending' } },
      });
      await this.outbox.wake(tx);
      const [after] = await tx.query<Row[]>(
        `SELECT e.id, e.to_address, e.recipient_id, u.name AS recipient_name, e.subject, e.status, e.attempts,
                e.last_error, e.created_at, e.sent_at, e.next_attempt_at
           FROM outbound_email e LEFT JOIN app_user u ON u.id = e.recipient_id WHERE e.id = $1`,
        [emailId],
      );
      return toItem(after!);
    });
  }
}

function toItem(r: Row): OutboxItem {
  return {
    id: r.id,
    to: r.to_address,
    recipient: r.recipient_id && r.recipient_name ? { id: r.recipient_id, name: r.recipient_name } : null,
    subject: r.subject,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at.toISOString(),
    sentAt: r.sent_at?.toISOString() ?? null,
    nextAttemptAt: r.next_attempt_at?.toISOString() ?? null,
  };
}
