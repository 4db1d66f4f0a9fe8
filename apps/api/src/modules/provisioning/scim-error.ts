import SCIMMY from 'scimmy';
import type { ErrorResponse } from '@countersign/contracts/common';
import { DomainError } from '../../common/domain-error.js';

export const SCIM_ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8';

/** RFC 7644 §3.12's `scimType` values (for 400, and `uniqueness`/`mutability` for 409/400). */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

/** A SCIM protocol error: a DomainError with the `scimType` the error body carries. */
export class ScimError extends DomainError {
  constructor(
    status: number,
    readonly scimType: ScimType | undefined,
    message: string,
    details?: unknown,
  ) {
    super(status, scimType ? `scim_${scimType}` : 'scim_error', message, details);
  }
}

export const invalidFilter = (message: string) => new ScimError(400, 'invalidFilter', message);
export const invalidValue = (message: string) => new ScimError(400, 'invalidValue', message);

/**
 * scimmy reports what it refuses as SCIMMY.Types.Error (status, scimType) or, for a value of the
 * wrong type, a plain TypeError: both are the client's mistake, so both become a 400 in SCIM
 * shape. Anything else is passed on unchanged (a database outage stays a 503, a bug a 500).
 */
export function fromScimmy(error: unknown): unknown {
  if (error instanceof SCIMMY.Types.Error) {
    const e = error as InstanceType<typeof SCIMMY.Types.Error> & { status: number; scimType?: string };
    const status = e.status >= 500 ? 400 : e.status;
    return new ScimError(status, (e.scimType as ScimType | undefined) ?? undefined, e.message);
  }
  if (error instanceof TypeError || error instanceof SyntaxError) return invalidValue(error.message);
  return error;
}

/** The API's own codes that have a SCIM name (RFC 7644 §3.12). */
const SCIM_TYPES: Record<string, ScimType> = {
  email_taken: 'uniqueness',
  external_id_taken: 'uniqueness',
  user_name_taken: 'uniqueness',
  department_name_taken: 'uniqueness',
  validation_failed: 'invalidValue',
  invalid_text: 'invalidValue',
  unknown_manager: 'invalidValue',
  manager_cycle: 'invalidValue',
  invalid_json: 'invalidSyntax',
};

/**
 * The body of an error on /scim/v2, in SCIM's shape (RFC 7644 §3.12): the status as a string,
 * `scimType` where one applies, the message as `detail`. A 422 of the people rules is a 400 in
 * SCIM, which has no 422.
 */
export function scimErrorBody(body: ErrorResponse, exception: unknown): { status: number; json: object } {
  const cause = exception instanceof DomainError ? exception : undefined;
  const status = body.statusCode === 422 ? 400 : body.statusCode;
  const scimType =
    cause instanceof ScimError
      ? cause.scimType
      : (SCIM_TYPES[body.code] ?? (status === 400 ? 'invalidValue' : undefined));
  return {
    status,
    json: {
      schemas: [SCIM_ERROR_SCHEMA],
      status: String(status),
      ...(scimType ? { scimType } : {}),
      detail: body.message,
    },
  };
}
