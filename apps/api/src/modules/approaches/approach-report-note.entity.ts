import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An officer's internal note on a report. Never shown to the reporter. */
@Entity('approach_report_note')
export class ApproachReportNote {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId: string;
  @Column('uuid', { name: 'report_id' }) reportId: string;
  @Column('uuid', { name: 'author_id' }) authorId: string;
  @Column('text') body: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
