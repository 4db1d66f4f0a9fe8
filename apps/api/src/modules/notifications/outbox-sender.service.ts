import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, type Mail } from 'nodemailer';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { JobQueue } from '../jobs/job-queue.service.js';

/** The job that delivers the outbox: queued with each email, and every minute for retries. */
export const EMAIL_SEND_JOB = 'email.send';

/** Attempts before an email is given up on and marked 'failed'. */
export const OUTBOX_MAX_ATTEMPTS = 8;
/** Wait after the 1st, 2nd, … failed attempt (the last entry repeats). */
export const OUTBOX_BACKOFF_SECONDS = [60, 5 * 60, 30 * 60, 2 * 3600, 6 * 3600, 12 * 3600, 24 * 3600];
const LAST_ERROR_MAX = 1000;

interface DueEmail {
  id: string;
  from_address: string;
  to_address: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  attempts: number;
}

export interface SendResult {
  sent: number;
  retrying: number;
  failed: number;
}

/** Seconds to wait after the given number of failed attempts (1-based). */
export function backoffSeconds(attempts: number): number {
  const i = Math.min(Math.max(attempts, 1), OUTBOX_BACKOFF_SECONDS.length) - 1;
  return OUTBOX_BACKOFF_SECONDS[i]!;
}

/**
 * Delivers the `outbound_email` outbox over SMTP (SMTP_URL), as the `email.send` job. Whoever
 * queues an email also queues that job in the same transaction (`wake`), so it goes out within
 * seconds; a cron tick every minute picks up retries whose backoff has passed. The job's queue
 * keeps at most one job waiting, however many emails are queued.
 *
 * Rows are claimed with `FOR UPDATE SKIP LOCKED` inside a transaction that also records the
 * outcome, so any number of workers can run this side by side without sending a row twice, and a
 * restart loses nothing: unsent rows simply stay 'pending'. (A crash between the SMTP server
 * accepting a message and the commit means that one message is sent again: delivery is at least
 * once.)
 */
@Injectable()
export class OutboxSender implements OnApplicationShutdown {
  private readonly logger = new Logger(OutboxSender.name);
  private readonly transporter: Mail | null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly jobs: JobQueue,
  ) {
    this.transporter = config.SMTP_URL
      ? createTransport({
          // Bounded waits: a claimed batch holds its row locks while it is being sent.
          connectionTimeout: 30_000,
          greetingTimeout: 30_000,
          socketTimeout: 60_000,
          url: config.SMTP_URL, // its options (and query string) win over the defaults above
        })
      : null;
    jobs.define({
      name: EMAIL_SEND_JOB,
      policy: 'short',
      cron: '* * * * *',
      expireInSeconds: 10 * 60,
      runOnStart: true, // a worker that died mid-run left its job active: start afresh
      run: () => this.drain(),
    });
  }

  /**
   * Queues a delivery run in the transaction that queued emails. Also without SMTP_URL here: the
   * worker that runs it may be another process, configured with one.
   */
  async wake(tx: EntityManager): Promise<void> {
    await this.jobs.send(EMAIL_SEND_JOB, {}, { tx });
  }

  get enabled(): boolean {
    return this.transporter !== null;
  }

  /**
   * Sends up to `limit` due emails, each claimed, sent and recorded in a transaction of its own:
   * a worker killed mid-run leaves at most the one email it was sending to be sent again. Does
   * nothing when SMTP_URL is unset.
   */
  async sendDue(limit = 20): Promise<SendResult> {
    const result: SendResult = { sent: 0, retrying: 0, failed: 0 };
    const transporter = this.transporter;
    if (!transporter) return result;
    for (let i = 0; i < limit; i++) {
      const outcome = await this.dataSource.transaction(async (tx) => {
        const [email] = await tx.query<DueEmail[]>(
          `SELECT id, from_address, to_address, subject, body_text, body_html, attempts
             FROM outbound_email
            WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= now())
            ORDER BY created_at
            LIMIT 1
              FOR UPDATE SKIP LOCKED`,
        );
        if (!email) return null;
        return this.deliver(tx, transporter, email);
      });
      if (!outcome) break;
      result[outcome]++;
    }
    return result;
  }

  private async deliver(tx: EntityManager, transporter: Mail, email: DueEmail): Promise<keyof SendResult> {
    try {
      await transporter.sendMail({
        from: email.from_address,
        to: email.to_address,
        subject: email.subject,
        text: email.body_text,
        ...(email.body_html ? { html: email.body_html } : {}),
      });
      await tx.query(
        `UPDATE outbound_email
            SET status = 'sent', sent_at = clock_timestamp(), attempts = attempts + 1,
                last_error = NULL, next_attempt_at = NULL
          WHERE id = $1`,
        [email.id],
      );
      return 'sent';
    } catch (error: unknown) {
      const attempts = email.attempts + 1;
      const failed = attempts >= OUTBOX_MAX_ATTEMPTS;
      await tx.query(
        `UPDATE outbound_email
            SET attempts = $2, last_error = $3, status = $4,
                next_attempt_at = CASE WHEN $4 = 'pending'
                  THEN clock_timestamp() + make_interval(secs => $5) END
          WHERE id = $1`,
        [email.id, attempts, describe(error), failed ? 'failed' : 'pending', backoffSeconds(attempts)],
      );
      if (failed)
        this.logger.warn(`Gave up on email ${email.id} after ${attempts} attempts: ${describe(error)}`);
      return failed ? 'failed' : 'retrying';
    }
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }

  /** Sends until no full batch comes back, so a backlog goes out in one run. */
  async drain(limit = 20): Promise<void> {
    for (;;) {
      const r = await this.sendDue(limit);
      if (r.sent + r.retrying + r.failed < limit) return;
    }
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim().slice(0, LAST_ERROR_MAX) || 'unknown error';
}
