import { z } from 'zod';
import {
  pageQuerySchema,
  storableJsonSchema,
  storableText,
  textSchema,
  uuidSchema,
} from '../common/index.js';
import type { AuditEventView } from '../audit/index.js';
import type { RedFlagView } from '../training/index.js';

/**
 * Approach checker, approach reports and officer triage. The checker itself is the rules engine
 * in @countersign/approach-checker; its request (`checkAnswersSchema`) and result (`CheckResult`)
 * types come from there.
 */

export const REPORT_STATUSES = ['new', 'in-review', 'escalated', 'closed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Allowed status moves; anything else is refused with 409. Closing needs an outcome. */
export const REPORT_TRANSITIONS: Readonly<Record<ReportStatus, readonly ReportStatus[]>> = {
  new: ['in-review', 'escalated', 'closed'],
  'in-review': ['escalated', 'closed'],
  escalated: ['in-review', 'closed'],
  closed: ['in-review'],
};

export const REPORT_RATINGS = ['low', 'medium', 'high'] as const;
export type ReportRating = (typeof REPORT_RATINGS)[number];

export const PLATFORMS = [
  'LinkedIn',
  'Other professional network',
  'Email',
  'Messaging app',
  'Phone',
  'In person',
  'Other',
] as const;

/** Attachments: screenshots only. */
export const ATTACHMENT_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_REPORT = 5;

/** The longest text each field of a report may hold; the form counts towards these. */
export const REPORT_TEXT_LIMITS = {
  profileUrl: 500,
  nameUsed: 200,
  offered: 2000,
  messageText: 10_000,
} as const;

const optionalText = (max: number) =>
  textSchema
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const createReportSchema = z.object({
  platform: z.enum(PLATFORMS),
  profileUrl: z
    .url({ message: 'must be a web address starting with http:// or https://', protocol: /^https?$/ })
    .max(REPORT_TEXT_LIMITS.profileUrl)
    .check(storableText)
    .optional(),
  nameUsed: optionalText(REPORT_TEXT_LIMITS.nameUsed),
  offered: optionalText(REPORT_TEXT_LIMITS.offered),
  messageText: optionalText(REPORT_TEXT_LIMITS.messageText),
  /** When the approach happened (date, `YYYY-MM-DD`). */
  occurredOn: z.iso.date({ message: 'must be a date in the form YYYY-MM-DD' }).optional(),
  replied: z.boolean(),
  /** The checker's answers, when the report comes from a check; the API re-runs the check itself. */
  checkAnswers: z.record(textSchema.max(64), storableJsonSchema).optional(),
  /** Makes a retried submission harmless: the same key returns the report already made. */
  idempotencyKey: textSchema.min(8).max(100),
});
export type CreateReportRequest = z.input<typeof createReportSchema>;

export interface ReportFlag extends RedFlagView {
  weight: number;
  /** `note`: why this answer or passage points to the flag (the rule's explanation). */
  evidence: { source: 'answer' | 'text'; excerpt?: string; note?: string }[];
}

export interface AttachmentView {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  /** GET this URL (same session) to see the image. */
  url: string;
}

export interface StatusChange {
  from: ReportStatus | null;
  to: ReportStatus;
  at: string;
  by: { id: string; name: string } | null;
}

/** What the reporter sees of their own report: never officers' notes or assignee. */
export interface MyReportView {
  id: string;
  reference: string;
  createdAt: string;
  platform: string;
  profileUrl: string | null;
  nameUsed: string | null;
  offered: string | null;
  messageText: string | null;
  occurredOn: string | null;
  replied: boolean;
  rating: ReportRating;
  flags: ReportFlag[];
  status: ReportStatus;
  /** Message from the security team when the report was closed. */
  outcome: string | null;
  statusHistory: StatusChange[];
  attachments: AttachmentView[];
}

export interface ReportNote {
  id: string;
  body: string;
  at: string;
  by: { id: string; name: string };
}

/** The officer's view: everything, with notes, assignee and linked reports. */
export interface TriageReportView extends MyReportView {
  reporter: { id: string; name: string; email: string; department: string | null };
  assignee: { id: string; name: string } | null;
  firstReviewedAt: string | null;
  notes: ReportNote[];
  /** Other reports naming the same profile URL or the same name. */
  linked: {
    id: string;
    reference: string;
    createdAt: string;
    status: ReportStatus;
    rating: ReportRating;
    reason: 'same-profile' | 'same-name';
  }[];
}

export interface TriageListItem {
  id: string;
  reference: string;
  createdAt: string;
  platform: string;
  nameUsed: string | null;
  rating: ReportRating;
  status: ReportStatus;
  reporter: { id: string; name: string; department: string | null };
  assignee: { id: string; name: string } | null;
  flagCount: number;
  linkedCount: number;
}

export const triageListQuerySchema = pageQuerySchema.extend({
  status: z.enum(REPORT_STATUSES).optional(),
  /**
   * `open` = every status but closed (the default queue, when neither `status` nor `open` is
   * given); `open=false` = every status.
   */
  open: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('`true`: every status but closed (the default without `status`); `false`: every status.'),
  rating: z.enum(REPORT_RATINGS).optional(),
  departmentId: uuidSchema.optional(),
  /** Only reports older than this many days (stale queue). */
  olderThanDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(3650)
    .optional()
    .describe('Only reports older than this many days.'),
  assignee: z
    .union([uuidSchema, z.literal('me'), z.literal('none')])
    .optional()
    .describe('A person’s id, `me` or `none` (unassigned).'),
});
export type TriageListQuery = z.input<typeof triageListQuerySchema>;

export const changeStatusSchema = z
  .object({
    status: z.enum(REPORT_STATUSES),
    /** Required when closing: what the reporter is told. */
    outcome: textSchema.trim().min(1).max(2000).optional(),
  })
  .refine((v) => v.status !== 'closed' || v.outcome, {
    message: 'is required when closing a report',
    path: ['outcome'],
  });
export type ChangeStatusRequest = z.input<typeof changeStatusSchema>;

export const assignReportSchema = z.object({ assigneeId: uuidSchema.nullable() });
export type AssignReportRequest = z.input<typeof assignReportSchema>;

export const addNoteSchema = z.object({ body: textSchema.trim().min(1, 'is required').max(5000) });
export type AddNoteRequest = z.input<typeof addNoteSchema>;

export interface ApproachStats {
  open: number;
  new: number;
  highOpen: number;
  /** Median hours from report to first officer review, over the last 90 days; null if none. */
  medianHoursToFirstReview: number | null;
}

/** Notifications are their own feature now; the name stays importable from here. */
export type { NotificationView } from '../notifications/index.js';

/** Where notifications point in the web app: the reporter's view and the officer's view of a report. */
export const REPORT_PATHS = {
  mine: (reportId: string) => `/approaches/mine/${reportId}`,
  triage: (reportId: string) => `/triage/${reportId}`,
} as const;

/**
 * GET/PUT /api/approaches/rules. `rules` is a `RuleSet`, `evaluation` and `holdout` are
 * `CorpusEvaluation`s of @countersign/approach-checker (type parameters, so that contracts need not
 * depend on the engine): `ApproachRulesView<RuleSet, CorpusEvaluation>`.
 */
export interface ApproachRulesView<Rules = unknown, Evaluation = unknown> {
  rules: Rules;
  /** True while the organisation uses the built-in DEFAULT_RULES. */
  isDefault: boolean;
  updatedAt: string | null;
  updatedBy: { id: string; name: string } | null;
  /**
   * The rules measured against the built-in corpus of example messages: the messages the built-in
   * rules were written and tuned on, so an optimistic figure.
   */
  evaluation: Evaluation;
  /**
   * The rules measured against the held-out messages (HOLDOUT_MESSAGES), which they were never
   * tuned on: what to expect of wording the rules have not seen.
   */
  holdout: Evaluation;
}

/** An attachment described for the export: no URL, with a SHA-256 of the stored bytes. */
export interface AttachmentMetadata {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  /** Hex SHA-256 of the bytes as stored: lets the recipient verify a copy handed over separately. */
  sha256: string;
  uploadedAt: string;
}

/** GET /api/approaches/reports/:id/export: one report as a self-contained document for the authorities. */
export interface ReportExport {
  format: 'countersign.approach-report/v1';
  exportedAt: string;
  exportedBy: { id: string; name: string; email: string };
  organisation: { id: string; name: string };
  report: {
    id: string;
    reference: string;
    createdAt: string;
    platform: string;
    profileUrl: string | null;
    nameUsed: string | null;
    offered: string | null;
    messageText: string | null;
    occurredOn: string | null;
    replied: boolean;
    rating: ReportRating;
    /** Version of the checker rules that produced the rating and flags. */
    rulesVersion: number;
    status: ReportStatus;
    outcome: string | null;
    firstReviewedAt: string | null;
    closedAt: string | null;
    reporter: { id: string; name: string; email: string; department: string | null };
  };
  flags: ReportFlag[];
  statusHistory: StatusChange[];
  attachments: AttachmentMetadata[];
  /** Every recorded view and change of the report, oldest first (this export included). */
  auditTrail: AuditEventView[];
}
