import SCIMMY from 'scimmy';
import { DomainError } from '../../common/domain-error.js';
import type { ScimType } from '../../common/scim-error-body.js';

export { SCIM_CONTENT_TYPE, SCIM_ERROR_SCHEMA, type ScimType } from '../../common/scim-error-body.js';

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
