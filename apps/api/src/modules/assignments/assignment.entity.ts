import type { AssignmentStatus } from '@countersign/contracts/learning';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('assignment')
export class Assignment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('uuid', { name: 'module_id' }) moduleId: string;
  /** Calendar date, kept as the string `YYYY-MM-DD` to avoid time-zone shifts. */
  @Column('date', { name: 'due_date' }) dueDate: string;
  @Column('uuid', { name: 'assigned_by', nullable: true }) assignedBy: string | null;
  @Column('text') source: 'manual' | 'rule' | 'seed';
  /** Kept in step with attempts and completions by LearningService, in the same transaction. */
  @Column({ type: 'enum', enumName: 'assignment_status', enum: ['not-started', 'in-progress', 'completed'] })
  status: AssignmentStatus;
  @Column('timestamptz', { name: 'completed_at', nullable: true }) completedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
