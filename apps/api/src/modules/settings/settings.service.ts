import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrganisationSettings, UpdateSettingsInput } from '@countersign/contracts/settings';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthContext } from '../../common/auth-context.js';
import { notFound } from '../../common/domain-error.js';
import { AuditService } from '../audit/audit.service.js';

/** The organisation's settings; each change recorded with what it was and what it became. */
@Injectable()
export class SettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  get(
    organisationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OrganisationSettings> {
    return this.read(manager, organisationId, false);
  }

  async update(auth: AuthContext, input: UpdateSettingsInput): Promise<OrganisationSettings> {
    return this.dataSource.transaction(async (tx) => {
      const before = await this.read(tx, auth.organisationId, true);
      const after: OrganisationSettings = {
        auditRetentionYears: input.auditRetentionYears,
        requireSecondFactor: input.requireSecondFactor ?? before.requireSecondFactor,
      };
      const changed = (Object.keys(after) as (keyof OrganisationSettings)[]).filter(
        (k) => before[k] !== after[k],
      );
      // Saving what is already there changes nothing and records nothing.
      if (changed.length === 0) return before;
      await tx.query(
        `UPDATE organisation SET audit_retention_years = $2, require_second_factor = $3 WHERE id = $1`,
        [auth.organisationId, after.auditRetentionYears, after.requireSecondFactor],
      );
      await this.audit.record(tx, {
        organisationId: auth.organisationId,
        actorId: auth.userId,
        action: 'settings.updated',
        subjectType: 'organisation_settings',
        subjectId: auth.organisationId,
        details: {
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
        },
      });
      return after;
    });
  }

  private async read(
    manager: EntityManager,
    organisationId: string,
    lock: boolean,
  ): Promise<OrganisationSettings> {
    const [row] = await manager.query<{ audit_retention_years: number; require_second_factor: boolean }[]>(
      `SELECT audit_retention_years, require_second_factor FROM organisation WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [organisationId],
    );
    if (!row) throw notFound('The organisation');
    return {
      auditRetentionYears: row.audit_retention_years,
      requireSecondFactor: row.require_second_factor,
    };
  }
}
