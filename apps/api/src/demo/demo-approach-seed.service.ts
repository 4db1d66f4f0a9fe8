import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addNoteSchema, changeStatusSchema, createReportSchema } from '@countersign/contracts/approaches';
import type { Role } from '@countersign/contracts/permissions';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../common/auth-context.js';
import { ApproachReportsService } from '../modules/approaches/approach-reports.service.js';
import { ApproachTriageService } from '../modules/approaches/approach-triage.service.js';
import {
  DEMO_APPROACHES,
  HOUR,
  reportedAt,
  type DemoTriageStep,
  type OfficerKey,
} from './demo-approaches.js';

const OFFICERS: Record<OfficerKey, string> = { priya: 'Priya Natarajan', rhys: 'Rhys Price' };

/**
 * Gives Demo Ltd's security team a lived-in triage queue: DEMO_APPROACHES are reported and
 * triaged through the real approach services, exactly as the HTTP API would do it, then each
 * row those calls wrote is moved back to the time the story gives it. The audit trail keeps its
 * real times: it is append-only.
 */
@Injectable()
export class DemoApproachSeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ApproachReportsService,
    private readonly triage: ApproachTriageService,
  ) {}

  /** Files the demo reports for the organisation; `people` maps a demo person's name to their id. */
  async seed(organisationId: string, people: ReadonlyMap<string, string>): Promise<number> {
    const { reports, triage } = this;
    const [{ now: started }] = await this.dataSource.query<[{ now: Date }]>(`SELECT now() AS now`);
    const as = (name: string, role: Role): AuthContext => {
      const userId = people.get(name);
      if (!userId) throw new Error(`Demo approaches: nobody called ${name} in Demo Ltd`);
      return { userId, organisationId, role, sessionId: 'seed', csrfToken: '' };
    };

    // Oldest first, so that the AR-YYYY-NNNN numbers follow the dates.
    const today = Date.UTC(started.getUTCFullYear(), started.getUTCMonth(), started.getUTCDate());
    const stories = DEMO_APPROACHES.map((story) => ({ ...story, reportedAt: reportedAt(story, today) })).sort(
      (a, b) => a.reportedAt - b.reportedAt,
    );
    for (const [index, { reportedAt, ...story }] of stories.entries()) {
      const { report } = await reports.create(
        as(story.reporter, 'employee'),
        createReportSchema.parse({
          ...story.report,
          occurredOn: new Date(reportedAt - story.occurredDaysBefore * 24 * HOUR).toISOString().slice(0, 10),
          idempotencyKey: `demo-approach-${index + 1}`,
        }),
      );
      await this.backdate(organisationId, report.id, reportedAt, started);

      for (const [stepIndex, step] of story.triage.entries()) {
        const officer = as(OFFICERS[step.by], 'officer');
        // An officer opens a report before acting on it (recorded as its first review).
        if (stepIndex === 0) await triage.get(officer, report.id);
        await this.play(triage, officer, report.id, step);
        await this.backdate(organisationId, report.id, reportedAt + step.afterHours * HOUR, started);
      }
    }

    await this.dataSource.query(
      `UPDATE notification n SET read_at = n.created_at + interval '1 hour'
        WHERE n.organisation_id = $1 AND n.read_at IS NULL
          AND (n.kind = 'report-status-changed'
               OR EXISTS (SELECT 1 FROM approach_report r
                           WHERE r.organisation_id = n.organisation_id AND r.id = n.subject_id
                             AND r.first_reviewed_at IS NOT NULL))`,
      [organisationId],
    );
    // The backstory sends no email, even where mail is configured: these people do not exist.
    await this.dataSource.query(
      `DELETE FROM outbound_email WHERE organisation_id = $1 AND created_at >= $2`,
      [organisationId, started],
    );
    return stories.length;
  }

  private async play(
    triage: ApproachTriageService,
    officer: AuthContext,
    reportId: string,
    step: DemoTriageStep,
  ): Promise<void> {
    switch (step.do) {
      case 'assign':
        await triage.assign(officer, reportId, officer.userId);
        return;
      case 'status':
        await triage.changeStatus(
          officer,
          reportId,
          changeStatusSchema.parse({ status: step.status, outcome: step.outcome }),
        );
        return;
      case 'note':
        await triage.addNote(officer, reportId, addNoteSchema.parse({ body: step.body }).body);
        return;
    }
  }

  /**
   * Moves what the services just wrote for a report (everything stamped since the seed `started`)
   * to `at`: the report's own times, its status history, notes and notifications.
   */
  private async backdate(organisationId: string, reportId: string, at: number, started: Date): Promise<void> {
    await this.dataSource.query(
      `WITH report AS (
         UPDATE approach_report
            SET created_at = CASE WHEN created_at >= $4 THEN $3 ELSE created_at END,
                first_reviewed_at = CASE WHEN first_reviewed_at >= $4 THEN $3 ELSE first_reviewed_at END,
                closed_at = CASE WHEN closed_at >= $4 THEN $3 ELSE closed_at END,
                updated_at = $3
          WHERE organisation_id = $1 AND id = $2
       ), history AS (
         UPDATE approach_report_status_change SET at = $3
          WHERE organisation_id = $1 AND report_id = $2 AND at >= $4
       ), notes AS (
         UPDATE approach_report_note SET created_at = $3
          WHERE organisation_id = $1 AND report_id = $2 AND created_at >= $4
       )
       UPDATE notification SET created_at = $3
        WHERE organisation_id = $1 AND subject_id = $2 AND created_at >= $4`,
      [organisationId, reportId, new Date(at), started],
    );
  }
}
