import { z } from 'zod';

/**
 * The organisation's settings (GET/PUT /api/settings): how long the audit log is kept (the daily
 * `audit.retention` job deletes events older than that, so shortening it deletes history for
 * good), and whether officers and administrators must use a second factor.
 */

export const AUDIT_RETENTION_YEARS = { min: 1, max: 100, default: 7 } as const;

export interface OrganisationSettings {
  /** Audit events older than this many years are deleted by the daily retention job. */
  auditRetentionYears: number;
  /**
   * Security officers and administrators must sign in with an authenticator app: one without is
   * led through adding it before getting a session. Employees are never asked; single sign-on
   * relies on the identity provider's MFA.
   */
  requireSecondFactor: boolean;
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
    /** Left out: unchanged. */
    requireSecondFactor: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .strict();
export type UpdateSettingsInput = z.input<typeof updateSettingsSchema>;
