import {
  REPORT_RATINGS,
  REPORT_STATUSES,
  type ReportFlag,
  type ReportRating,
  type ReportStatus,
} from '@countersign/contracts/approaches';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An employee's report of an approach, with the checker's rating and flags as they were when it
 * was reported (re-computed by the server, never taken from the browser) and its triage state.
 */
@Entity('approach_report')
export class ApproachReport {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId: string;
  /** `AR-<year>-<number>`, numbered per organisation and year. */
  @Column('text') reference: string;
  @Column('uuid', { name: 'reporter_id' }) reporterId: string;
  @Column('text', { name: 'idempotency_key' }) idempotencyKey: string;
  @Column('text') platform: string;
  @Column('text', { name: 'profile_url', nullable: true }) profileUrl: string | null;
  /** The profile URL normalised for finding other reports of the same profile. */
  @Column('text', { name: 'profile_key', nullable: true }) profileKey: string | null;
  @Column('text', { name: 'name_used', nullable: true }) nameUsed: string | null;
  /** The name normalised for finding other reports using the same name. */
  @Column('text', { name: 'name_key', nullable: true }) nameKey: string | null;
  @Column('text', { nullable: true }) offered: string | null;
  @Column('text', { name: 'message_text', nullable: true }) messageText: string | null;
  /** Calendar date `YYYY-MM-DD`. */
  @Column('date', { name: 'occurred_on', nullable: true }) occurredOn: string | null;
  @Column('boolean') replied: boolean;
  @Column('jsonb', { name: 'check_answers', nullable: true }) checkAnswers: Record<string, unknown> | null;
  @Column({ type: 'enum', enumName: 'approach_rating', enum: REPORT_RATINGS }) rating: ReportRating;
  @Column('double precision') score: number;
  @Column('jsonb') flags: ReportFlag[];
  @Column('integer', { name: 'rules_version' }) rulesVersion: number;
  @Column({ type: 'enum', enumName: 'approach_report_status', enum: REPORT_STATUSES }) status: ReportStatus;
  /** What the reporter is told when the report is closed. */
  @Column('text', { nullable: true }) outcome: string | null;
  @Column('uuid', { name: 'assignee_id', nullable: true }) assigneeId: string | null;
  @Column('timestamptz', { name: 'first_reviewed_at', nullable: true }) firstReviewedAt: Date | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
