import type { ReportRating, ReportStatus } from '@countersign/contracts/approaches';
import type { AuditEventView } from '@countersign/contracts/audit';
import dayjs from 'dayjs';
import { formatBytes, formatDateTime, plural } from '../../../lib/format';
import { RATING_LABELS, STATUS_LABELS } from './report-badges';

/**
 * The audit trail in words: each event as "what" and "details" an officer reads without knowing
 * the database ("Assigned — from Alex Morgan to Priya Shah", not "to: 4b8df2f4-…"), with the
 * repeated views of one person run together ("Viewed 4 times").
 */
export interface AuditRow {
  key: string;
  /** The newest event of the row; `first` is the oldest (the same one unless views were grouped). */
  last: AuditEventView;
  first: AuditEventView;
  count: number;
  when: string;
  who: string;
  what: string;
  details: string;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

function person(event: AuditEventView, id: unknown): string {
  if (typeof id !== 'string') return 'nobody';
  return event.people.find((p) => p.id === id.toLowerCase())?.name ?? 'someone no longer in the organisation';
}

const statusLabel = (value: unknown) =>
  STATUS_LABELS[value as ReportStatus] ?? (typeof value === 'string' ? value : 'unknown');

/** `image/png` → `PNG image`. */
function fileKind(contentType: unknown): string | undefined {
  if (typeof contentType !== 'string') return undefined;
  const [type, subtype] = contentType.split('/');
  return type === 'image' && subtype ? `${subtype.toUpperCase()} image` : contentType;
}

/** One event's "what" and "details". */
export function describeAuditEvent(event: AuditEventView): { what: string; details: string } {
  const d = event.details;
  switch (event.action) {
    case 'report.created': {
      const rating = RATING_LABELS[d.rating as ReportRating];
      return {
        what: 'Reported',
        details: rating ? `The checker rated it ${rating.toLowerCase()}.` : '',
      };
    }
    case 'report.viewed':
      return { what: 'Viewed', details: '' };
    case 'report.assigned': {
      if (d.to === null || d.to === undefined)
        return { what: 'Unassigned', details: `Was assigned to ${person(event, d.from)}.` };
      return {
        what: 'Assigned',
        details:
          d.from === null || d.from === undefined
            ? `To ${person(event, d.to)}.`
            : `From ${person(event, d.from)} to ${person(event, d.to)}.`,
      };
    }
    case 'report.status-changed': {
      const outcome = text(d.outcome);
      return {
        what: 'Status changed',
        details:
          `${statusLabel(d.from)} → ${statusLabel(d.to)}.` +
          (outcome ? ` Outcome told to the reporter: “${outcome}”` : ''),
      };
    }
    case 'report.note-added':
      return { what: 'Note added', details: 'An internal note (shown under Notes).' };
    case 'report.exported':
      return { what: 'Exported', details: 'Downloaded as a document for the authorities.' };
    case 'attachment.added': {
      const facts = [
        fileKind(d.contentType),
        typeof d.sizeBytes === 'number' ? formatBytes(d.sizeBytes) : null,
      ]
        .filter(Boolean)
        .join(', ');
      return {
        what: 'Screenshot added',
        details: `${text(d.fileName) ? `“${d.fileName}”` : 'A screenshot'}${facts ? ` (${facts})` : ''}.`,
      };
    }
    case 'attachment.viewed':
      return {
        what: 'Screenshot opened',
        details: text(d.fileName) ? `“${d.fileName}”.` : '',
      };
    case 'rules.updated':
      return {
        what: d.reset ? 'Checker rules reset' : 'Checker rules changed',
        details: typeof d.version === 'number' ? `Now version ${d.version}.` : '',
      };
    default:
      return { what: actionLabel(event.action), details: '' };
  }
}

/** `report.something-new` → `Something new`, for an action this screen does not know yet. */
function actionLabel(action: string): string {
  const words = (action.split('.').pop() ?? action).replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Views that, one after another by the same person, are one row: a report's, or one file's. */
function viewKey(event: AuditEventView): string | undefined {
  if (event.action === 'report.viewed') return `report:${event.actor?.id ?? ''}`;
  if (event.action === 'attachment.viewed')
    return `attachment:${event.actor?.id ?? ''}:${String(event.details.attachmentId ?? '')}`;
  return undefined;
}

/** `2 Dec 2026, 14:02 – 14:40`, or both dates when the views span days. */
function span(first: string, last: string): string {
  if (first === last) return formatDateTime(last);
  const sameDay = dayjs(first).isSame(dayjs(last), 'day');
  return `${formatDateTime(first)} – ${sameDay ? dayjs(last).format('HH:mm') : formatDateTime(last)}`;
}

/**
 * The rows of the trail, newest first. Views by the same person with nothing else in between
 * become one row with their count and time span; every other event is a row of its own.
 */
export function auditRows(events: readonly AuditEventView[]): AuditRow[] {
  const newestFirst = events.toSorted((a, b) => b.at.localeCompare(a.at) || Number(b.id) - Number(a.id));
  const groups: AuditEventView[][] = [];
  for (const event of newestFirst) {
    const key = viewKey(event);
    const previous = groups.at(-1);
    if (key !== undefined && previous && viewKey(previous[0]!) === key) previous.push(event);
    else groups.push([event]);
  }
  return groups.map((group) => {
    const last = group[0]!;
    const first = group.at(-1)!;
    const { what, details } = describeAuditEvent(last);
    return {
      key: `${first.id}-${last.id}`,
      last,
      first,
      count: group.length,
      when: span(first.at, last.at),
      who: last.actor?.name ?? 'System',
      what: group.length > 1 ? `${what} ${plural(group.length, 'time')}` : what,
      details,
    };
  });
}
