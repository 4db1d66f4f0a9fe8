import type { AuditEventView } from '@countersign/contracts/audit';

/** One changed field of an event: what it was and what it became (undefined: not stated). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The fields an event changed, from its `before`/`after` (or a triage event's `from`/`to`). A
 * creation has `before: null`, a deletion `after: null`: each field is then new or gone.
 */
export function fieldChanges(event: AuditEventView): FieldChange[] {
  const { details } = event;
  if ('before' in details || 'after' in details) {
    const before = isRecord(details.before) ? details.before : {};
    const after = isRecord(details.after) ? details.after : {};
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return fields
      .map((field) => ({ field, before: before[field], after: after[field] }))
      .filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));
  }
  if ('from' in details || 'to' in details)
    return [{ field: 'value', before: details.from, after: details.to }];
  return [];
}

/** A value as a person reads it: names for people's ids, "—" for nothing. */
export function displayValue(value: unknown, event: AuditEventView): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return event.people.find((p) => p.id === value)?.name ?? value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** "jobTitle: — → Analyst; role: employee → officer", or what the event says when it changes nothing. */
export function changeSummary(event: AuditEventView): string {
  const { details } = event;
  if (details.before === null && isRecord(details.after)) return 'Created';
  if (details.after === null && isRecord(details.before)) return 'Deleted';
  const changes = fieldChanges(event);
  if (changes.length) {
    const shown = changes
      .slice(0, 2)
      .map(
        (c) =>
          `${c.field === 'value' ? '' : `${humanise(c.field)}: `}${short(displayValue(c.before, event))} → ${short(displayValue(c.after, event))}`,
      );
    return shown.join('; ') + (changes.length > 2 ? ` (and ${changes.length - 2} more)` : '');
  }
  // A version number says most, so it leads; then the other plain facts.
  const facts = Object.entries(details)
    .filter(([, v]) => v !== null && typeof v !== 'object')
    .sort(([a], [b]) => Number(b === 'version') - Number(a === 'version'))
    .slice(0, 3)
    .map(([k, v]) => `${humanise(k)}: ${String(v)}`);
  return facts.join(' · ');
}

/** `jobTitle` → `job title`. */
export function humanise(field: string): string {
  return field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);
