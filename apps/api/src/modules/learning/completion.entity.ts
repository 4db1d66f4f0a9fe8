import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One per fulfilled assignment; records the version completed. */
@Entity('completion')
export class Completion {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId: string;
  @Column('uuid', { name: 'assignment_id' }) assignmentId: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('uuid', { name: 'module_id' }) moduleId: string;
  @Column('uuid', { name: 'module_version_id' }) moduleVersionId: string;
  @Column('uuid', { name: 'attempt_id' }) attemptId: string;
  @Column('integer') score: number;
  @Column('boolean') passed: boolean;
  @Column('timestamptz', { name: 'completed_at' }) completedAt: Date;
}
