import { textSchema } from '@countersign/contracts/common';
import { z } from 'zod';
import { decodeKeysetCursor, encodeKeysetCursor } from '../../common/keyset-cursor.js';

/**
 * The people list's keyset cursor: the name and id of a page's last row, as base64url JSON
 * `{ "k": [name, id] }`. It holds only values the caller has just been shown, and the query that
 * reads it stays scoped to the caller's organisation.
 */
const cursorSchema = z.object({ k: z.tuple([textSchema.min(1).max(200), z.uuid()]) }).strict();
export type PeopleCursor = z.infer<typeof cursorSchema>;

export function encodePeopleCursor(name: string, id: string): string {
  return encodeKeysetCursor({ k: [name, id] } satisfies PeopleCursor);
}

/** The cursor in `after`; a 400 naming `after` when it is not one this list gave out. */
export function decodePeopleCursor(after: string): PeopleCursor {
  return decodeKeysetCursor(after, cursorSchema);
}
