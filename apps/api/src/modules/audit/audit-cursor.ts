import { z } from 'zod';
import { decodeKeysetCursor, encodeKeysetCursor } from '../../common/keyset-cursor.js';

/**
 * The audit page's keyset cursor: the (at, id) of a page's last event, as base64url JSON
 * `{ "k": [at, id] }`, `at` with the microseconds PostgreSQL keeps. The next page is every event
 * strictly before it in (at DESC, id DESC) order, so events with the same time are neither
 * skipped nor repeated. The query that reads it stays scoped to the caller's organisation.
 */
const micros = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
const bigintId = z.string().regex(/^[1-9][0-9]{0,18}$/);
const cursorSchema = z.object({ k: z.tuple([micros, bigintId]) }).strict();

export interface AuditCursor {
  at: string;
  id: string;
}

export function encodeAuditCursor(cursor: AuditCursor): string {
  return encodeKeysetCursor({ k: [cursor.at, cursor.id] });
}

/** The cursor in `after`; a 400 naming `after` when it is not one this list gave out. */
export function decodeAuditCursor(after: string): AuditCursor {
  const { k } = decodeKeysetCursor(after, cursorSchema);
  return { at: k[0], id: k[1] };
}
