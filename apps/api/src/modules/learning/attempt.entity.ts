import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One play of a module version. Its current state is derived from, and kept in step with, attempt_event. */
@Entity('attempt')
export class Attempt {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId: string;
  @Column('uuid', { name: 'assignment_id' }) assignmentId: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('uuid', { name: 'module_version_id' }) moduleVersionId: string;
  @Column({ type: 'enum', enumName: 'attempt_status', enum: ['in-progress', 'passed'] }) status:
    'in-progress' | 'passed';
  @Column('text', { name: 'current_step_id' }) currentStepId: string;
  @Column('integer', { name: 'choices_made' }) choicesMade: number;
  @Column('text', { name: 'scenario_outcome', nullable: true }) scenarioOutcome:
    'safe' | 'compromised' | null;
  @Column('integer', { name: 'quiz_round' }) quizRound: number;
  @Column('integer', { name: 'last_score', nullable: true }) lastScore: number | null;
  @Column('integer', { name: 'progress_percent' }) progressPercent: number;
  @Column('timestamptz', { name: 'started_at' }) startedAt: Date;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt: Date | null;
}
