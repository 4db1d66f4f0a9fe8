import type {
  AttachmentMetadata,
  AttachmentView,
  MyReportView,
  ReportFlag,
  ReportNote,
  ReportRating,
  ReportStatus,
  StatusChange,
  TriageListItem,
  TriageReportView,
} from '@countersign/contracts/approaches';
import type { FlagFinding } from '@countersign/approach-checker';

/** Rows as the report queries return them, and their mapping to the contract views. */

export const REPORT_COLUMNS = `
  r.id, r.organisation_id, r.reference, r.created_at, r.platform, r.profile_url, r.profile_key, r.name_used,
  r.name_key, r.offered, r.message_text, to_char(r.occurred_on, 'YYYY-MM-DD') AS occurred_on, r.replied,
  r.rating, r.rules_version, r.flags, r.status, r.outcome, r.reporter_id, r.assignee_id, r.first_reviewed_at,
  r.closed_at`;

export interface ReportRow {
  id: string;
  organisation_id: string;
  reference: string;
  created_at: Date;
  platform: string;
  profile_url: string | null;
  profile_key: string | null;
  name_used: string | null;
  name_key: string | null;
  offered: string | null;
  message_text: string | null;
  occurred_on: string | null;
  replied: boolean;
  rating: ReportRating;
  rules_version: number;
  flags: ReportFlag[];
  status: ReportStatus;
  outcome: string | null;
  reporter_id: string;
  assignee_id: string | null;
  first_reviewed_at: Date | null;
  closed_at: Date | null;
}

export interface StatusChangeRow {
  report_id: string;
  from_status: ReportStatus | null;
  to_status: ReportStatus;
  at: Date;
  changed_by: string | null;
  changed_by_name: string | null;
}

export interface AttachmentRow {
  id: string;
  report_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  created_at: Date;
}

export interface NoteRow {
  id: string;
  body: string;
  created_at: Date;
  author_id: string;
  author_name: string;
}

export interface LinkedRow {
  id: string;
  reference: string;
  created_at: Date;
  status: ReportStatus;
  rating: ReportRating;
  reason: 'same-profile' | 'same-name';
}

export interface TriageListRow {
  id: string;
  reference: string;
  created_at: Date;
  platform: string;
  name_used: string | null;
  rating: ReportRating;
  status: ReportStatus;
  reporter_id: string;
  reporter_name: string;
  dept_name: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  flag_count: number;
  linked_count: number;
}

export const iso = (d: Date | string) => new Date(d).toISOString();
export const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

export const attachmentUrl = (id: string) => `/api/approaches/attachments/${id}`;

export function toAttachmentView(a: AttachmentRow): AttachmentView {
  return {
    id: a.id,
    fileName: a.file_name,
    contentType: a.content_type,
    sizeBytes: a.size_bytes,
    url: attachmentUrl(a.id),
  };
}

export function toAttachmentMetadata(a: AttachmentRow): AttachmentMetadata {
  return {
    id: a.id,
    fileName: a.file_name,
    contentType: a.content_type,
    sizeBytes: a.size_bytes,
    sha256: a.sha256,
    uploadedAt: iso(a.created_at),
  };
}

/**
 * The status history. Given the reporter's id, it is the history as the reporter sees it: who in
 * the security team moved the report is not shown (only the reporter's own entries name anyone),
 * just as the assignee is not.
 */
export function toStatusHistory(rows: StatusChangeRow[], reporterId?: string): StatusChange[] {
  return rows.map((c) => ({
    from: c.from_status,
    to: c.to_status,
    at: iso(c.at),
    by:
      c.changed_by && c.changed_by_name && (reporterId === undefined || c.changed_by === reporterId)
        ? { id: c.changed_by, name: c.changed_by_name }
        : null,
  }));
}

export function toMyReportView(
  r: ReportRow,
  history: StatusChangeRow[],
  attachments: AttachmentRow[],
  audience: 'reporter' | 'triage',
): MyReportView {
  return {
    id: r.id,
    reference: r.reference,
    createdAt: iso(r.created_at),
    platform: r.platform,
    profileUrl: r.profile_url,
    nameUsed: r.name_used,
    offered: r.offered,
    messageText: r.message_text,
    occurredOn: r.occurred_on,
    replied: r.replied,
    rating: r.rating,
    flags: r.flags,
    status: r.status,
    outcome: r.outcome,
    statusHistory: toStatusHistory(history, audience === 'reporter' ? r.reporter_id : undefined),
    attachments: attachments.map(toAttachmentView),
  };
}

export function toTriageView(
  base: MyReportView,
  r: ReportRow,
  people: {
    reporter: TriageReportView['reporter'];
    assignee: TriageReportView['assignee'];
  },
  notes: NoteRow[],
  linked: LinkedRow[],
): TriageReportView {
  return {
    ...base,
    reporter: people.reporter,
    assignee: people.assignee,
    firstReviewedAt: isoOrNull(r.first_reviewed_at),
    notes: notes.map(toNote),
    linked: linked.map((l) => ({
      id: l.id,
      reference: l.reference,
      createdAt: iso(l.created_at),
      status: l.status,
      rating: l.rating,
      reason: l.reason,
    })),
  };
}

export function toNote(n: NoteRow): ReportNote {
  return { id: n.id, body: n.body, at: iso(n.created_at), by: { id: n.author_id, name: n.author_name } };
}

export function toTriageListItem(r: TriageListRow): TriageListItem {
  return {
    id: r.id,
    reference: r.reference,
    createdAt: iso(r.created_at),
    platform: r.platform,
    nameUsed: r.name_used,
    rating: r.rating,
    status: r.status,
    reporter: { id: r.reporter_id, name: r.reporter_name, department: r.dept_name },
    assignee: r.assignee_id && r.assignee_name ? { id: r.assignee_id, name: r.assignee_name } : null,
    flagCount: r.flag_count,
    linkedCount: r.linked_count,
  };
}

/** The checker's findings as stored with a report: the catalogue text, weight and evidence. */
export function toReportFlags(findings: readonly FlagFinding[]): ReportFlag[] {
  return findings.map((f) => ({
    key: f.key,
    title: f.title,
    explanation: f.explanation,
    advice: f.advice,
    weight: f.weight,
    evidence: f.evidence.map((e) => ({
      source: e.source,
      ...(e.excerpt !== undefined ? { excerpt: e.excerpt } : {}),
      ...(e.note !== undefined ? { note: e.note } : {}),
    })),
  }));
}
