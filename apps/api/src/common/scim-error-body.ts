import type { ErrorResponse } from '@countersign/contracts/common';
import { DomainError } from './domain-error.js';

/**
 * SCIM's error shape (RFC 7644 §3.12), which every answer under /scim/v2 uses instead of the API's
 * own: the one exception filter renders both. The SCIM feature itself is modules/provisioning.
 */
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

/** A request to SCIM, which answers in its own error shape. */
export function isScimPath(url: string): boolean {
  return /^\/scim(\/|\?|$)/.test(url);
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
  const cause =
    exception instanceof DomainError ? (exception as DomainError & { scimType?: ScimType }) : undefined;
  const status = body.statusCode === 422 ? 400 : body.statusCode;
  const scimType = cause?.scimType ?? SCIM_TYPES[body.code] ?? (status === 400 ? 'invalidValue' : undefined);
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
