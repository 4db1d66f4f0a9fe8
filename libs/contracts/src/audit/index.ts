import type { z } from 'zod';
import { pageQuerySchema, uuidSchema } from '../common/index.js';

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
