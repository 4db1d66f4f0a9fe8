import type { RuleSet } from '@countersign/approach-checker';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An organisation's own checker rules; without a row, the built-in DEFAULT_RULES apply. */
@Entity('approach_rule_set')
export class ApproachRuleSet {
  @PrimaryColumn('uuid', { name: 'organisation_id' }) organisationId: string;
  @Column('jsonb') rules: RuleSet;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy: string | null;
}
