import { z } from 'zod';

/**
 * The organisation's settings (GET/PUT /api/settings). For now one: how long the audit log is
 * kept. The daily `audit.retention` job deletes events older than that, so shortening it deletes
 * history for good.
 */

export const AUDIT_RETENTION_YEARS = { min: 1, max: 100, default: 7 } as const;

export interface OrganisationSettings {
  /** Audit events older than this many years are deleted by the daily retention job. */
  auditRetentionYears: number;
}

export const updateSettingsSchema = z
  .object({
    auditRetentionYears: z
      .number({ error: 'must be a whole number of years' })
      .int({ message: 'must be a whole number of years' })
      .min(AUDIT_RETENTION_YEARS.min, {
        message: `must be at least ${AUDIT_RETENTION_YEARS.min} year (auditors expect a year of records at the least)`,
      })
      .max(AUDIT_RETENTION_YEARS.max, { message: `must be at most ${AUDIT_RETENTION_YEARS.max} years` }),
  })
  .strict();
export type UpdateSettingsInput = z.input<typeof updateSettingsSchema>;
