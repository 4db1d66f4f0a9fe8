import { z } from 'zod';

/** The one error shape every API error uses. */
export interface ErrorResponse {
  statusCode: number;
  /** Stable, machine-readable code, e.g. `validation_failed`, `not_found`, `forbidden`. */
  code: string;
  message: string;
  details?: unknown;
}

/** A field-level validation problem, as found in `details` of a `validation_failed` error. */
export interface FieldIssue {
  field: string;
  message: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** A UUID, normalised to lower case (PostgreSQL returns them so). */
export const uuidSchema = z.uuid({ message: 'must be a UUID' }).transform((id) => id.toLowerCase());

/** Calendar date `YYYY-MM-DD`. */
export const isoDateSchema = z.iso.date({ message: 'must be a date in the form YYYY-MM-DD' });
