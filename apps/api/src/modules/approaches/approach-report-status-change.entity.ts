import { REPORT_STATUSES, type ReportStatus } from '@countersign/contracts/approaches';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One move of a report's status; the first row (from null) is its creation. */
@Entity('approach_report_status_change')
export class ApproachReportStatusChange {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId: string;
  @Column('uuid', { name: 'report_id' }) reportId: string;
  @Column({
    name: 'from_status',
    type: 'enum',
    enumName: 'approach_report_status',
    enum: REPORT_STATUSES,
    nullable: true,
  })
  fromStatus: ReportStatus | null;
  @Column({ name: 'to_status', type: 'enum', enumName: 'approach_report_status', enum: REPORT_STATUSES })
  toStatus: ReportStatus;
  @Column('text', { nullable: true }) outcome: string | null;
  @Column('uuid', { name: 'changed_by', nullable: true }) changedBy: string | null;
  @Column('timestamptz') at: Date;
}
