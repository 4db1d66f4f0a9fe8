import type { AuditAction, AuditSubjectType } from '@countersign/contracts/audit';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One recorded view or change. Append-only: a trigger refuses updates and deletes. */
@Entity('audit_event')
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId: string;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId: string | null;
  @Column('text') action: AuditAction;
  @Column('text', { name: 'subject_type' }) subjectType: AuditSubjectType;
  @Column('uuid', { name: 'subject_id', nullable: true }) subjectId: string | null;
  @Column('timestamptz') at: Date;
  @Column('jsonb') details: Record<string, unknown>;
}
