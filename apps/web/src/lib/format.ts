import dayjs from 'dayjs';

/** `2025-03-01` or an ISO timestamp → `1 Mar 2025`. */
export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format('D MMM YYYY') : '—';
}

/** ISO timestamp → `1 Mar 2025, 14:05`. */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('D MMM YYYY, HH:mm') : '—';
}

/** 87.5 → `87.5%`, null → `—`. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-GB');
}

/** Singular or plural noun with its count: `1 person`, `3 people`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}

/** Two-letter initials for avatars: `Li Wei Zhang` → `LZ`. */
export function initials(name: string): string {
  // "Anna Keller <anna@example.org>" → "AK": the address only counts when there is no name.
  const words = (name.replace(/<[^>]*>?/g, ' ').trim() || name.replace(/[<>]/g, ''))
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean);
  if (words.length === 0) return '?';
  const first = words[0][0];
  const last = words.length > 1 ? words[words.length - 1][0] : '';
  return `${first}${last}`.toUpperCase();
}

/** Authored text with blank-line (or single-line) breaks → paragraphs. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A duration in hours, at a useful precision: `40 min`, `5.5 hours`, `3.2 days`; null → `—`. */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return '—';
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) {
    const rounded = Math.round(hours * 10) / 10;
    return `${rounded} ${rounded === 1 ? 'hour' : 'hours'}`;
  }
  return `${Math.round((hours / 24) * 10) / 10} days`;
}

/** How long ago, for recent things (`just now`, `5 min ago`, `3 hours ago`, `2 days ago`), else the date. */
export function formatRelative(value: string, now: number = Date.now()): string {
  const minutes = Math.floor((now - dayjs(value).valueOf()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} ${hours === 1 ? 'hour' : 'hours'} ago`;
  const days = Math.floor(hours / 24);
  if (days < 7) return `${days} ${days === 1 ? 'day' : 'days'} ago`;
  return formatDate(value);
}

/** Long text cut to `max` characters at a word boundary, with an ellipsis. */
export function snippet(text: string, max = 120): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A file size: `840 B`, `312 KB`, `1.4 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
