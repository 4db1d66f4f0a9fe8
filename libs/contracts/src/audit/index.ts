import { z } from 'zod';
import { pageQuerySchema, textSchema, uuidSchema } from '../common/index.js';

/**
 * The audit trail: who viewed or changed what, and when. Events are append-only; the trail of an
 * approach report has every view and change of it (subjectType `approach_report`).
 */

export const AUDIT_ACTIONS = [
  'report.created',
  'report.viewed',
  'report.assigned',
  'report.status-changed',
  'report.note-added',
  'report.exported',
  'attachment.added',
  'attachment.viewed',
  'rules.updated',
  'person.created',
  'person.updated',
  'person.deactivated',
  'person.reactivated',
  'person.invited',
  'person.password-reset-requested',
  'person.password-set',
  'person.password-changed',
  'people.imported',
  'department.created',
  'department.renamed',
  'department.linked',
  'department.merged',
  'department.deleted',
  'organisation.created',
  'organisation.disabled',
  'organisation.enabled',
  'assignments.created',
  'module.published',
  'rule.created',
  'rule.updated',
  'rule.deleted',
  'template.updated',
  'template.reset',
  'email.retried',
  'certificate.revoked',
  'certificate.reinstated',
  'certificates.exported',
  'progress.exported',
  'compliance.report-exported',
  'audit.exported',
  'settings.updated',
  'module.archived',
  'module.unarchived',
  'module.created',
  'module.draft-created',
  'audit.retention-applied',
  'media.uploaded',
  'sso.updated',
  'scim-token.created',
  'scim-token.revoked',
  'factor.enrolled',
  'factor.reset',
  'factor.recovery-code-used',
  'factor.recovery-codes-regenerated',
  'factor.removed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_SUBJECT_TYPES = [
  'approach_report',
  'approach_rules',
  'person',
  'department',
  'people_import',
  'organisation',
  'assignment_rule',
  'training_module',
  'email_template',
  'outbound_email',
  'certificate',
  'audit_log',
  'progress_report',
  'organisation_settings',
  'media_asset',
  'sso_config',
  'scim_token',
] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];

/**
 * The detail fields that hold a person's id, by action: the server answers each with the person's
 * name (`people`), so that no one reads "to: 4b8df2f4-…".
 */
export const AUDIT_PERSON_FIELDS: Readonly<Partial<Record<AuditAction, readonly string[]>>> = {
  'report.assigned': ['from', 'to'],
};

export interface AuditEventView {
  id: string;
  at: string;
  action: AuditAction;
  actor: { id: string; name: string } | null;
  subjectType: AuditSubjectType;
  subjectId: string | null;
  /**
   * The target's name as it is now (a person's or department's name, a module's title, a rule's
   * name, a report's reference); null when it has none or is gone (then see `details`).
   */
  subjectName: string | null;
  /** Action-specific facts, e.g. `{ from, to }` of a status change or `{ attachmentId, fileName }`. */
  details: Record<string, unknown>;
  /**
   * The people the details name by id (see AUDIT_PERSON_FIELDS), with their names as they are
   * now. An id missing here belongs to no one in the organisation any more.
   */
  people: { id: string; name: string }[];
}

/** GET /api/audit: the trail of one subject, newest first. */
export const auditQuerySchema = pageQuerySchema.extend({
  subjectId: uuidSchema.describe('The report (or rule set) whose trail to list.'),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;

/** Each action in plain words, for the audit page and its CSV ("Published a module"). */
export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  'report.created': 'Reported an approach',
  'report.viewed': 'Viewed an approach report',
  'report.assigned': 'Assigned an approach report',
  'report.status-changed': 'Changed the status of an approach report',
  'report.note-added': 'Added a note to an approach report',
  'report.exported': 'Exported an approach report',
  'attachment.added': 'Attached a screenshot to a report',
  'attachment.viewed': 'Viewed a report’s screenshot',
  'rules.updated': 'Changed the approach checker’s rules',
  'person.created': 'Added a person',
  'person.updated': 'Changed a person’s details',
  'person.deactivated': 'Deactivated a person',
  'person.reactivated': 'Reactivated a person',
  'person.invited': 'Invited a person',
  'person.password-reset-requested': 'Requested a password reset',
  'person.password-set': 'Set a password',
  'person.password-changed': 'Changed their password',
  'people.imported': 'Imported people from a file',
  'department.created': 'Created a department',
  'department.renamed': 'Renamed a department',
  'department.linked': 'Linked a department to a directory group',
  'department.merged': 'Merged departments',
  'department.deleted': 'Deleted a department',
  'organisation.created': 'Created the organisation',
  'organisation.disabled': 'Disabled the organisation',
  'organisation.enabled': 'Enabled the organisation',
  'assignments.created': 'Assigned training',
  'module.published': 'Published a module',
  'rule.created': 'Created an assignment rule',
  'rule.updated': 'Changed an assignment rule',
  'rule.deleted': 'Deleted an assignment rule',
  'template.updated': 'Changed an email template',
  'template.reset': 'Reset an email template',
  'email.retried': 'Retried a failed email',
  'certificate.revoked': 'Revoked a certificate',
  'certificate.reinstated': 'Reinstated a certificate',
  'certificates.exported': 'Exported certificates',
  'progress.exported': 'Exported the progress list',
  'compliance.report-exported': 'Exported a compliance report',
  'audit.exported': 'Exported the audit log',
  'settings.updated': 'Changed the organisation’s settings',
  'module.archived': 'Archived a module',
  'module.unarchived': 'Unarchived a module',
  'module.created': 'Created a module',
  'module.draft-created': 'Started a new draft of a module',
  'audit.retention-applied': 'Deleted audit events past the retention period',
  'media.uploaded': 'Uploaded an image for a module',
  'sso.updated': 'Changed single sign-on settings',
  'scim-token.created': 'Created a SCIM provisioning token',
  'scim-token.revoked': 'Revoked a SCIM provisioning token',
  'factor.enrolled': 'Enrolled an authenticator app',
  'factor.reset': 'Reset a person’s second factor',
  'factor.recovery-code-used': 'Signed in with a recovery code',
  'factor.recovery-codes-regenerated': 'Made new recovery codes',
  'factor.removed': 'Removed their authenticator app',
};

/** Each subject type in plain words. */
export const AUDIT_SUBJECT_LABELS: Readonly<Record<AuditSubjectType, string>> = {
  approach_report: 'Approach report',
  approach_rules: 'Approach checker rules',
  person: 'Person',
  department: 'Department',
  people_import: 'People import',
  organisation: 'Organisation',
  assignment_rule: 'Assignment rule',
  training_module: 'Module',
  email_template: 'Email template',
  outbound_email: 'Email',
  certificate: 'Certificate',
  audit_log: 'Audit log',
  progress_report: 'Progress report',
  organisation_settings: 'Settings',
  media_asset: 'Image',
  sso_config: 'Single sign-on',
  scim_token: 'SCIM token',
};

/**
 * A bound of the audit page's date range: a date (`2026-03-01`, a whole day in UTC) or an instant
 * with its offset (`2026-03-01T09:00:00+01:00`). `from` is inclusive, `to` inclusive of its day
 * when a date, else exclusive.
 */
const rangeBoundSchema = textSchema
  .trim()
  .refine((v) => z.iso.date().safeParse(v).success || z.iso.datetime({ offset: true }).safeParse(v).success, {
    message: 'must be a date (YYYY-MM-DD) or a date and time with its offset (ISO 8601)',
  });

/** `action=a&action=b`, `action=a,b` or one `action=a`: any of these actions. */
const KNOWN_ACTIONS: ReadonlySet<string> = new Set(AUDIT_ACTIONS);
const actionsSchema = z
  .preprocess(
    (v) => (typeof v === 'string' ? v.split(',').map((a) => a.trim()) : v),
    z
      .array(z.string(), { error: 'must be one or more audit actions' })
      .min(1)
      .max(AUDIT_ACTIONS.length)
      .refine((actions) => actions.every((a) => KNOWN_ACTIONS.has(a)), {
        message: 'must be one or more audit actions (see AUDIT_ACTIONS)',
      }),
  )
  .transform((v) => [...new Set(v)] as AuditAction[]);

/** The audit page's filters, shared by the list and its CSV export. */
export const auditFiltersSchema = z
  .object({
    actorId: uuidSchema.optional().describe('Only what this person did.'),
    action: actionsSchema.optional().describe('Only these actions (repeat the parameter for several).'),
    subjectType: z.enum(AUDIT_SUBJECT_TYPES).optional().describe('Only events about this kind of target.'),
    subjectId: uuidSchema.optional().describe('Only events about this target.'),
    from: rangeBoundSchema.optional().describe('From this date (inclusive) or instant.'),
    to: rangeBoundSchema.optional().describe('Up to this date (inclusive) or instant (exclusive).'),
  })
  .strict();

/** The instants a filter's `from`/`to` stand for: from inclusive, to exclusive. */
/**
 * Who made a change, in words, when no person did: the organisation's directory (a change over
 * SCIM names its token in `details.via`), else the system itself.
 */
export function systemActorLabel(details: Record<string, unknown> | null | undefined): string {
  const token = (details?.via as { scimToken?: { name?: unknown } } | undefined)?.scimToken;
  return token && typeof token.name === 'string' ? `Directory sync (SCIM token “${token.name}”)` : 'System';
}

export function auditRange(filters: { from?: string; to?: string }): { from: Date | null; to: Date | null } {
  const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
  const from = filters.from
    ? new Date(isDate(filters.from) ? `${filters.from}T00:00:00Z` : filters.from)
    : null;
  let to: Date | null = null;
  if (filters.to) {
    to = new Date(isDate(filters.to) ? `${filters.to}T00:00:00Z` : filters.to);
    if (isDate(filters.to)) to = new Date(to.getTime() + 86_400_000);
  }
  return { from, to };
}

const withRangeCheck = <T extends z.ZodObject>(schema: T) =>
  schema.superRefine((value, ctx) => {
    const { from, to } = auditRange(value as { from?: string; to?: string });
    if (from && to && from.getTime() >= to.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    }
  });

/** GET /api/audit/events.csv: the filters only (the whole filtered log, newest first). */
export const auditExportQuerySchema = withRangeCheck(auditFiltersSchema);
export type AuditExportQuery = z.input<typeof auditFiltersSchema>;

/** GET /api/audit/events: the filters, a page size, and the cursor of the page before. */
export const auditEventsQuerySchema = withRangeCheck(
  auditFiltersSchema.extend({
    pageSize: z.coerce.number().int().min(1).max(200).default(50).describe('Events per page (at most 200).'),
    after: textSchema
      .trim()
      .min(1)
      .max(500)
      .optional()
      .describe('The `nextCursor` of the page before: the page starts right after its last event.'),
  }),
);
export type AuditEventsQuery = z.input<typeof auditEventsQuerySchema>;

/** A page of the audit log, newest first. */
export interface AuditEventsPage {
  items: AuditEventView[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}
