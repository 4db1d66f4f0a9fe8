import { z } from 'zod';

/**
 * Every text field of every request is built on `textSchema` (and strings kept as they come on
 * `storableJsonSchema`): NUL characters and lone surrogates are refused at the edge, with a 422
 * naming the field, instead of failing in PostgreSQL. Defined in the scenario engine (the lowest
 * library, which needs it for authored content); this is the name the request schemas import.
 */
export {
  isStorableText,
  storableJsonSchema,
  storableText,
  textSchema,
  UNSTORABLE_TEXT,
  UNSTORABLE_TEXT_MESSAGE,
} from '@countersign/scenario-engine';

/**
 * The largest PostgreSQL `integer`. A number in a path, query or body without a smaller natural
 * bound is capped here, so that it is refused with a 400 instead of overflowing in SQL.
 */
export const INT32_MAX = 2_147_483_647;

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
  page: z.coerce.number().int().min(1).max(100_000).default(1).describe('Page number, from 1.'),
  pageSize: z.coerce.number().int().min(1).max(200).default(25).describe('Items per page.'),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** A UUID, normalised to lower case (PostgreSQL returns them so). */
export const uuidSchema = z.uuid({ message: 'must be a UUID' }).transform((id) => id.toLowerCase());

/** Calendar date `YYYY-MM-DD`. */
export const isoDateSchema = z.iso.date({ message: 'must be a date in the form YYYY-MM-DD' });
