import type { ModuleContent } from '@countersign/scenario-engine';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ModuleVersionStatus = 'draft' | 'published' | 'archived';

/** One version of a module's content. Published versions are frozen (also by a database trigger). */
@Entity('module_version')
export class ModuleVersion {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId: string;
  @Column('uuid', { name: 'module_id' }) moduleId: string;
  @Column('integer') version: number;
  @Column({ type: 'enum', enumName: 'module_version_status', enum: ['draft', 'published', 'archived'] })
  status: ModuleVersionStatus;
  @Column('jsonb') content: ModuleContent;
  @Column('integer', { name: 'pass_mark' }) passMark: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt: Date | null;
  @Column('uuid', { name: 'published_by', nullable: true }) publishedBy: string | null;
  /** What changed and why, written when publishing (frozen with the version), or null. */
  @Column('text', { name: 'change_note', nullable: true }) changeNote: string | null;
  /** Saves of a draft so far: the editor's optimistic-concurrency token. */
  @Column('integer') revision: number;
  @Column('uuid', { name: 'last_edited_by', nullable: true }) lastEditedBy: string | null;
  @Column('timestamptz', { name: 'last_edited_at', nullable: true }) lastEditedAt: Date | null;
}
