import { textSchema } from '@countersign/contracts/common';
import { type ProgressSort } from '@countersign/contracts/progress';
import { z } from 'zod';
import { decodeKeysetCursor, encodeKeysetCursor, invalidCursor } from '../../common/keyset-cursor.js';

/**
 * The people list's keyset cursor: the sort values and id of a page's last row, as base64url JSON
 * `{ "s": sort, "k": [...] }`. It holds nothing but values the caller has just been shown, and the
 * query that reads it stays scoped to the caller's organisation, so a cursor copied from another
 * organisation's list only says where to start, never what to show.
 *
 * Keys per sort, in ORDER BY order (ids break ties):
 * - dueDate: due date (YYYY-MM-DD), person's name, module title, assignment id
 * - name: person's name, module title, assignment id
 * - completedAt: completion time (ISO, microseconds, UTC) or null when not completed, name, title, id
 */
const text = textSchema.min(1).max(200);
const id = z.uuid();
const date = z.iso.date();
/** As `to_char(... 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` writes it: the full precision PostgreSQL keeps. */
const micros = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);

const cursorSchema = z.discriminatedUnion('s', [
  z.object({ s: z.literal('dueDate'), k: z.tuple([date, text, text, id]) }).strict(),
  z.object({ s: z.literal('name'), k: z.tuple([text, text, id]) }).strict(),
  z.object({ s: z.literal('completedAt'), k: z.tuple([micros.nullable(), text, text, id]) }).strict(),
]);
export type ProgressCursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: ProgressCursor): string {
  return encodeKeysetCursor(cursor);
}

/** The cursor in `after`, checked against the list's sort; a 400 naming `after` when it is not one. */
export function decodeCursor(after: string, sort: ProgressSort): ProgressCursor {
  const cursor = decodeKeysetCursor(after, cursorSchema);
  if (cursor.s !== sort) {
    throw invalidCursor(`belongs to the list sorted by ${cursor.s}, not by ${sort}: start again from page 1`);
  }
  return cursor;
}
