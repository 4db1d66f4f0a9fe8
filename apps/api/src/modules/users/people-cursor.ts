import { textSchema, type FieldIssue } from '@countersign/contracts/common';
import { z } from 'zod';
import { DomainError } from '../../common/domain-error.js';

/**
 * The people list's keyset cursor: the name and id of a page's last row, as base64url JSON
 * `{ "k": [name, id] }`. It holds only values the caller has just been shown, and the query that
 * reads it stays scoped to the caller's organisation.
 */
const cursorSchema = z.object({ k: z.tuple([textSchema.min(1).max(200), z.uuid()]) }).strict();
export type PeopleCursor = z.infer<typeof cursorSchema>;

export function encodePeopleCursor(name: string, id: string): string {
  return Buffer.from(JSON.stringify({ k: [name, id] }), 'utf8').toString('base64url');
}

/** The cursor in `after`; a 400 naming `after` when it is not one this list gave out. */
export function decodePeopleCursor(after: string): PeopleCursor {
  let json: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(after)) throw new Error('not base64url');
    json = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const result = cursorSchema.safeParse(json);
  if (!result.success) throw invalid();
  return result.data;
}

function invalid(): DomainError {
  const message = 'is not a cursor this list gave out';
  const details: FieldIssue[] = [{ field: 'after', message }];
  return new DomainError(400, 'validation_failed', `Invalid query: after: ${message}`, details);
}
