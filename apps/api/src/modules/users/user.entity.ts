import type { Role } from '@countersign/contracts/permissions';
import type { SensitivityTier } from '@countersign/contracts/directory';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId: string;
  @Column('text') email: string;
  @Column('text') name: string;
  @Column({ type: 'enum', enumName: 'user_role', enum: ['employee', 'officer', 'admin'] }) role: Role;
  @Column('uuid', { name: 'department_id', nullable: true }) departmentId: string | null;
  @Column('uuid', { name: 'manager_id', nullable: true }) managerId: string | null;
  @Column({
    name: 'sensitivity_tier',
    type: 'enum',
    enumName: 'sensitivity_tier',
    enum: ['standard', 'elevated', 'high'],
  })
  sensitivityTier: SensitivityTier;
  @Column('text', { name: 'password_hash', nullable: true, select: false }) passwordHash: string | null;
  @Column('boolean') active: boolean;
  @Column('text', { name: 'job_title', nullable: true }) jobTitle: string | null;
  @Column('date', { name: 'start_date', nullable: true }) startDate: string | null;
  @Column('timestamptz', { name: 'last_sign_in_at', nullable: true }) lastSignInAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
