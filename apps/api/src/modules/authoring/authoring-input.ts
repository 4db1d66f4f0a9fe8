import type { z } from 'zod';
import type { FieldIssue } from '@countersign/contracts/common';
import { describeIssue, validationError } from '../../common/zod-validation.pipe.js';

/**
 * Parses authored input, and on failure answers 400 (422 when only unstorable text is wrong) with
 * every problem named by its JSON path the way the editor and the validator write it:
 * `content.scenario.steps[3].choices[0].next`.
 */
export function parseAuthored<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix: string,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details: FieldIssue[] = result.error.issues.map((issue) => {
    const { path, message } = describeIssue(issue);
    return { field: jsonPath(prefix, path) || prefix || 'body', message };
  });
  const summary = details
    .slice(0, 5)
    .map((d) => `${d.field}: ${d.message}`)
    .join('; ');
  const more = details.length > 5 ? ` (and ${details.length - 5} more)` : '';
  throw validationError(result.error.issues, `Invalid ${what}: ${summary}${more}`, details);
}

export function jsonPath(prefix: string, segments: readonly PropertyKey[]): string {
  let out = prefix;
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** The import route takes a larger JSON body than the others (its document carries images). */
export const MODULE_IMPORT_PATH = /^\/authoring\/modules\/import\/?$/;
