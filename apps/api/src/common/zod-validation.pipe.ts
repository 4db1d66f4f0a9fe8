import { type PipeTransform } from '@nestjs/common';
import { UNSTORABLE_TEXT, UNSTORABLE_TEXT_MESSAGE, type FieldIssue } from '@countersign/contracts/common';
import type { z } from 'zod';
import { DomainError } from './domain-error.js';

/** Parses a body or query with a contracts schema; failures name each field at fault. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(
    private readonly schema: S,
    private readonly where: 'body' | 'query' = 'body',
  ) {}

  transform(value: unknown): z.infer<S> {
    if (this.where === 'body' && (value === undefined || value === null || typeof value !== 'object')) {
      throw new DomainError(
        400,
        'validation_failed',
        'The request body must be a JSON object (Content-Type: application/json).',
      );
    }
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    const details: FieldIssue[] = result.error.issues.map((issue) => {
      const { path, message } = describeIssue(issue);
      return {
        field: path.length ? path.map(String).join('.') : this.where,
        message:
          issue.code === 'invalid_type' && valueAt(value, issue.path) === undefined ? 'is required' : message,
      };
    });
    const summary = details.map((d) => `${d.field}: ${d.message}`).join('; ');
    throw validationError(result.error.issues, `Invalid ${this.where}: ${summary}`, details);
  }
}

/**
 * The refusal of a request that failed its schema. Text the server cannot store (NUL, lone
 * surrogates) is well-formed JSON with the right types, but unprocessable: when that is all that is
 * wrong the answer is 422 `invalid_text`; anything else (a missing field, a wrong type, a number out
 * of range) is 400 `validation_failed`, naming every problem including the text ones.
 */
export function validationError(
  issues: readonly z.core.$ZodIssue[],
  message: string,
  details: FieldIssue[],
): DomainError {
  return issues.length > 0 && issues.every(isUnstorableText)
    ? new DomainError(422, 'invalid_text', message, details)
    : new DomainError(400, 'validation_failed', message, details);
}

/**
 * Where an issue is and what it says. A refused record key is reported on the record (the key
 * itself is the bad text, not worth echoing back).
 */
export function describeIssue(issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string } {
  if (issue.code === 'invalid_key' && issue.issues.every(isUnstorableText)) {
    return { path: issue.path.slice(0, -1), message: `has a key that ${UNSTORABLE_TEXT_MESSAGE}` };
  }
  return { path: issue.path, message: issue.message };
}

function isUnstorableText(issue: z.core.$ZodIssue): boolean {
  if (issue.code === 'invalid_key') return issue.issues.every(isUnstorableText);
  return issue.code === 'custom' && issue.params?.reason === UNSTORABLE_TEXT;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
