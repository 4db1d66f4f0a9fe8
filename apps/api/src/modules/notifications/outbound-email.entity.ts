import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type OutboundEmailStatus = 'pending' | 'sent' | 'failed';

/** The email outbox: written with the event that causes the email, delivered later by OutboxSender. */
@Entity('outbound_email')
export class OutboundEmail {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId: string;
  @Column('uuid', { name: 'recipient_id' }) recipientId: string;
  @Column('text', { name: 'from_address' }) fromAddress: string;
  @Column('text', { name: 'to_address' }) toAddress: string;
  @Column('text') subject: string;
  @Column('text', { name: 'body_text' }) bodyText: string;
  /** Emails rendered from templates also carry HTML (values escaped). */
  @Column('text', { name: 'body_html', nullable: true }) bodyHtml: string | null;
  @Column('text') status: OutboundEmailStatus;
  @Column('integer') attempts: number;
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  /** When a pending email may next be tried; NULL means now. */
  @Column('timestamptz', { name: 'next_attempt_at', nullable: true }) nextAttemptAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt: Date | null;
}
