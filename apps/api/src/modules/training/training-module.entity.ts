import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('training_module')
export class TrainingModule {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId: string;
  @Column('text') slug: string;
  @Column('text') title: string;
  @Column('text') summary: string;
  @Column('integer', { name: 'estimated_minutes' }) estimatedMinutes: number;
  @Column('boolean', { name: 'built_in' }) builtIn: boolean;
  /** Position in the library: built-in modules keep their track order. */
  @Column('integer', { name: 'sort_order' }) sortOrder: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  /** Archived modules stay in the library and in reports but can't be newly assigned. */
  @Column('timestamptz', { name: 'archived_at', nullable: true }) archivedAt: Date | null;
}
