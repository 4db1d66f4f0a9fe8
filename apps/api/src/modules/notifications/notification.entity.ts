import type { NotificationView } from '@countersign/contracts/notifications';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One in-app notification for one person. */
@Entity('notification')
export class Notification {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text') kind: NotificationView['kind'];
  @Column('text') title: string;
  @Column('text') body: string;
  @Column('text') link: string;
  @Column('uuid', { name: 'subject_id', nullable: true }) subjectId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'read_at', nullable: true }) readAt: Date | null;
}
