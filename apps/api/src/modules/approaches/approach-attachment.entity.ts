import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A screenshot attached to a report: metadata only; the bytes are in ApproachAttachmentContent. */
@Entity('approach_attachment')
export class ApproachAttachment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId: string;
  @Column('uuid', { name: 'report_id' }) reportId: string;
  @Column('text', { name: 'file_name' }) fileName: string;
  /** The type found in the file's first bytes, not the one the browser declared. */
  @Column('text', { name: 'content_type' }) contentType: string;
  @Column('integer', { name: 'size_bytes' }) sizeBytes: number;
  @Column('text') sha256: string;
  @Column('uuid', { name: 'uploaded_by' }) uploadedBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** The bytes of a screenshot, in PostgreSQL (never on the server's disk). */
@Entity('approach_attachment_content')
export class ApproachAttachmentContent {
  @PrimaryColumn('uuid', { name: 'attachment_id' }) attachmentId: string;
  @Column('bytea') data: Buffer;
}
