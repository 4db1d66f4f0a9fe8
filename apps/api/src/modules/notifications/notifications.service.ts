import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  MarkAllReadResult,
  NotificationList,
  NotificationView,
} from '@countersign/contracts/notifications';
import { DataSource, type EntityManager } from 'typeorm';
import { notFound } from '../../common/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { OutboxSender } from './outbox-sender.service.js';

export interface NewNotification {
  organisationId: string;
  userIds: readonly string[];
  kind: NotificationView['kind'];
  title: string;
  body: string;
  link: string;
  subjectId: string | null;
}

export interface NewEmail {
  organisationId: string;
  recipientIds: readonly string[];
  subject: string;
  bodyText: string;
}

interface NotificationRow {
  id: string;
  kind: NotificationView['kind'];
  title: string;
  body: string;
  link: string;
  created_at: Date;
  read_at: Date | null;
}

/**
 * In-app notifications and the email outbox. Both are written in the caller's transaction, so a
 * notification exists exactly when the change it announces does. Emails are only queued when
 * MAIL_FROM is configured; OutboxSender delivers them when SMTP_URL is set.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxSender,
  ) {}

  /** One notification per recipient; recipients outside the organisation are skipped. */
  async notify(tx: EntityManager, n: NewNotification): Promise<void> {
    if (!n.userIds.length) return;
    await tx.query(
      `INSERT INTO notification (organisation_id, user_id, kind, title, body, link, subject_id)
       SELECT $1, u.id, $3, $4, $5, $6, $7
         FROM app_user u WHERE u.organisation_id = $1 AND u.id = ANY($2::uuid[])`,
      [
        n.organisationId,
        n.userIds,
        n.kind,
        n.title.slice(0, 200),
        n.body.slice(0, 2000),
        n.link,
        n.subjectId,
      ],
    );
  }

  /** Queues an email to each active recipient when mail is configured; returns how many were queued. */
  async queueEmail(tx: EntityManager, email: NewEmail): Promise<number> {
    const from = this.config.MAIL_FROM;
    if (!from || !email.recipientIds.length) return 0;
    const rows = await tx.query<{ id: string }[]>(
      `INSERT INTO outbound_email (organisation_id, recipient_id, from_address, to_address, subject, body_text)
       SELECT $1, u.id, $3, u.email, $4, $5
         FROM app_user u WHERE u.organisation_id = $1 AND u.active AND u.id = ANY($2::uuid[])
       RETURNING id`,
      [email.organisationId, email.recipientIds, from, email.subject, email.bodyText],
    );
    if (rows.length) await this.outbox.wake(tx);
    return rows.length;
  }

  async mine(
    organisationId: string,
    userId: string,
    paging: { page: number; pageSize: number },
  ): Promise<NotificationList> {
    const [rows, [counts]] = await Promise.all([
      this.dataSource.query<NotificationRow[]>(
        `SELECT id, kind, title, body, link, created_at, read_at FROM notification
          WHERE organisation_id = $1 AND user_id = $2
          ORDER BY created_at DESC, id DESC
          LIMIT ${paging.pageSize} OFFSET ${(paging.page - 1) * paging.pageSize}`,
        [organisationId, userId],
      ),
      this.dataSource.query<{ total: number; unread: number }[]>(
        `SELECT count(*)::int AS total, (count(*) FILTER (WHERE read_at IS NULL))::int AS unread
           FROM notification WHERE organisation_id = $1 AND user_id = $2`,
        [organisationId, userId],
      ),
    ]);
    return {
      items: rows.map(toView),
      total: counts?.total ?? 0,
      page: paging.page,
      pageSize: paging.pageSize,
      unread: counts?.unread ?? 0,
    };
  }

  /** Marks one of the caller's notifications read; reading it again changes nothing. */
  async markRead(organisationId: string, userId: string, id: string): Promise<NotificationView> {
    const [rows] = await this.dataSource.query<[NotificationRow[], number]>(
      `UPDATE notification SET read_at = COALESCE(read_at, now())
        WHERE organisation_id = $1 AND user_id = $2 AND id = $3
        RETURNING id, kind, title, body, link, created_at, read_at`,
      [organisationId, userId, id],
    );
    const row = rows[0];
    if (!row) throw notFound('The notification');
    return toView(row);
  }

  /**
   * "Mark all as read": the caller's unread notifications, only up to `upTo` (the newest they have
   * seen) when given, so one that arrives meanwhile stays unread. One statement; the counts are
   * those after it. `upTo` comes from an ISO string (milliseconds), so created_at is compared at
   * that precision, or the newest one seen would count as newer than itself.
   */
  async markAllRead(organisationId: string, userId: string, upTo?: string): Promise<MarkAllReadResult> {
    const [row] = await this.dataSource.query<MarkAllReadResult[]>(
      `WITH marked AS (
         UPDATE notification SET read_at = now()
          WHERE organisation_id = $1 AND user_id = $2 AND read_at IS NULL
            AND ($3::timestamptz IS NULL OR date_trunc('milliseconds', created_at) <= $3::timestamptz)
          RETURNING id
       )
       SELECT (SELECT count(*) FROM marked)::int AS marked,
              (SELECT count(*) FROM notification n
                WHERE n.organisation_id = $1 AND n.user_id = $2 AND n.read_at IS NULL
                  AND n.id NOT IN (SELECT id FROM marked))::int AS unread`,
      [organisationId, userId, upTo ?? null],
    );
    return row ?? { marked: 0, unread: 0 };
  }
}

function toView(r: NotificationRow): NotificationView {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    createdAt: new Date(r.created_at).toISOString(),
    read: r.read_at !== null,
  };
}
