import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AttemptEventType =
  | 'started'
  | 'choice'
  | 'scenario-ended'
  | 'quiz-submitted'
  | 'passed'
  /** The learner opened the debrief again before a quiz retry (payload: the round then open). */
  | 'debrief-reviewed';

/** Append-only record of everything a learner did in an attempt (a trigger forbids updates). */
@Entity('attempt_event')
export class AttemptEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId: string;
  @Column('uuid', { name: 'attempt_id' }) attemptId: string;
  @Column('integer') seq: number;
  @Column('text') type: AttemptEventType;
  @Column('jsonb') payload: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
