import type { FieldIssue } from '@countersign/contracts/common';
import type { z } from 'zod';
import { DomainError } from './domain-error.js';

/**
 * A list's keyset cursor as an opaque `after` value: the sort keys of a page's last row as
 * base64url JSON, checked against the list's own schema when it comes back. It holds only values
 * the caller has just been shown; the query that reads it stays scoped to the caller's organisation.
 */
export function encodeKeysetCursor(cursor: unknown): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** The cursor in `after`; a 400 naming `after` when it is not one this list gave out. */
export function decodeKeysetCursor<S extends z.ZodType>(after: string, schema: S): z.infer<S> {
  let json: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(after)) throw new Error('not base64url');
    json = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor('is not a cursor this list gave out');
  }
  const result = schema.safeParse(json);
  if (!result.success) throw invalidCursor('is not a cursor this list gave out');
  return result.data;
}

/** A 400 naming `after`, as the query pipe words its problems. */
export function invalidCursor(message: string): DomainError {
  const details: FieldIssue[] = [{ field: 'after', message }];
  return new DomainError(400, 'validation_failed', `Invalid query: after: ${message}`, details);
}
