import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { AuditService } from './audit.service.js';

/** The daily job that deletes audit events past their organisation's retention period. */
export const AUDIT_RETENTION_JOB = 'audit.retention';

export interface RetentionResult {
  deleted: number;
  /** Events before this instant were deleted (ISO). */
  cutoff: string;
  retentionYears: number;
}

/**
 * Retention of the audit log: once a day (02:23 UTC), each organisation's events older than its
 * `audit_retention_years` are deleted, in one transaction per organisation, and the deletion is
 * itself recorded (`audit.retention-applied`, by the system, with the count and cut-off).
 *
 * The DELETE runs with `SET LOCAL countersign.audit_retention = 'on'`, the one path through the
 * append-only trigger, which checks each row's age itself by the database's clock. The cut-off is
 * the earlier of the app clock's and the database's, so an API replica whose clock runs ahead
 * deletes nothing early (and is not refused by the trigger).
 */
@Injectable()
export class AuditRetentionService {
  private readonly logger = new Logger(AuditRetentionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    jobs: JobQueue,
  ) {
    jobs.define({
      name: AUDIT_RETENTION_JOB,
      policy: 'short',
      cron: '23 2 * * *',
      expireInSeconds: 60 * 60,
      run: () => this.applyAll(),
    });
  }

  async applyAll(): Promise<void> {
    const organisations = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM organisation ORDER BY id`,
    );
    for (const { id } of organisations) {
      const result = await this.apply(id);
      if (result.deleted) this.logger.log(`Audit retention for ${id}: ${JSON.stringify(result)}`);
    }
  }

  /** Deletes one organisation's events past its retention; records the deletion when there was one. */
  apply(organisationId: string): Promise<RetentionResult> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SET LOCAL statement_timeout = '30min'`); // the first run may meet years of events
      await tx.query(`SET LOCAL countersign.audit_retention = 'on'`);
      const [row] = await tx.query<{ deleted: number; cutoff: Date; years: number }[]>(
        `WITH policy AS (
           SELECT o.audit_retention_years AS years,
                  least($2::timestamptz, now()) - make_interval(years => o.audit_retention_years) AS cutoff
             FROM organisation o WHERE o.id = $1
         ), gone AS (
           DELETE FROM audit_event e USING policy
            WHERE e.organisation_id = $1 AND e.at < policy.cutoff
           RETURNING 1
         )
         SELECT (SELECT count(*) FROM gone)::int AS deleted, policy.cutoff, policy.years FROM policy`,
        [organisationId, this.clock.now()],
      );
      // The bypass ends with the statement that needed it, not only with the transaction.
      await tx.query(`SET LOCAL countersign.audit_retention = 'off'`);
      if (!row) return { deleted: 0, cutoff: this.clock.now().toISOString(), retentionYears: 0 };
      const result = {
        deleted: row.deleted,
        cutoff: new Date(row.cutoff).toISOString(),
        retentionYears: row.years,
      };
      if (result.deleted > 0) {
        await this.audit.record(tx, {
          organisationId,
          actorId: null,
          action: 'audit.retention-applied',
          subjectType: 'audit_log',
          subjectId: null,
          details: result,
        });
      }
      return result;
    });
  }
}
