import { type PipeTransform } from '@nestjs/common';
import type { FieldIssue } from '@countersign/contracts/common';
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
    const details: FieldIssue[] = result.error.issues.map((issue) => ({
      field: issue.path.length ? issue.path.map(String).join('.') : this.where,
      message:
        issue.code === 'invalid_type' && valueAt(value, issue.path) === undefined
          ? 'is required'
          : issue.message,
    }));
    const summary = details.map((d) => `${d.field}: ${d.message}`).join('; ');
    throw new DomainError(400, 'validation_failed', `Invalid ${this.where}: ${summary}`, details);
  }
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
