import { isStorableText } from '@countersign/contracts/common';
import SCIMMY from 'scimmy';
import type { Actor } from '../../common/auth-context.js';
import { invalidFilter, invalidValue, ScimError } from './scim-error.js';
import { DEFAULT_COUNT, MAX_RESULTS } from './scim-schema.js';
import type { ScimCaller } from './scim-tokens.service.js';

/** The directory as the actor of the changes it makes: no person, the token named in the audit. */
export function actorOf(caller: ScimCaller): Actor {
  return {
    organisationId: caller.organisationId,
    userId: null,
    scimToken: { id: caller.tokenId, name: caller.tokenName },
  };
}

/** The list and read parameters of RFC 7644 §3.4.2, as the query string brings them. */
export interface ScimQuery {
  filter?: string;
  startIndex?: string;
  count?: string;
  attributes?: string;
  excludedAttributes?: string;
}

export interface ListParams {
  filter: InstanceType<typeof SCIMMY.Types.Filter> | null;
  startIndex: number;
  count: number;
  /** scimmy's form of `attributes` / `excludedAttributes`, for formatting what goes out. */
  attributes: InstanceType<typeof SCIMMY.Types.Filter> | undefined;
}

/**
 * Reads the query: a repeated parameter, text PostgreSQL cannot store or a number that is not one
 * is a 400 (invalidValue); a filter scimmy cannot parse is a 400 invalidFilter. Out-of-range
 * numbers are brought in range as RFC 7644 §3.4.2.4 says (startIndex below 1 is 1, a negative
 * count is 0), and count is capped at MAX_RESULTS.
 */
export function listParams(query: ScimQuery): ListParams {
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (typeof value !== 'string') throw invalidValue(`Send the query parameter ${key} once.`);
    if (!isStorableText(value))
      throw invalidValue(`The query parameter ${key} contains characters that are not allowed.`);
  }
  const integer = (name: string, raw: string | undefined, fallback: number) => {
    if (raw === undefined || raw === '') return fallback;
    if (!/^-?\d{1,12}$/.test(raw)) throw invalidValue(`${name} must be a whole number.`);
    return Number(raw);
  };
  const startIndex = Math.max(1, integer('startIndex', query.startIndex, 1));
  const count = Math.min(MAX_RESULTS, Math.max(0, integer('count', query.count, DEFAULT_COUNT)));
  return {
    filter: query.filter === undefined ? null : parseFilter(query.filter),
    startIndex,
    count,
    attributes: attributesOf(query),
  };
}

export function attributesOf(query: ScimQuery): ListParams['attributes'] {
  const list = (raw: string, suffix: string) => {
    const names = raw
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    if (names.length === 0 || names.some((name) => !/^[A-Za-z0-9:._$-]{1,200}$/.test(name)))
      throw invalidValue('attributes and excludedAttributes are comma-separated attribute names.');
    return names.map((name) => `${name} ${suffix}`).join(' and ');
  };
  try {
    if (typeof query.attributes === 'string') return new SCIMMY.Types.Filter(list(query.attributes, 'pr'));
    if (typeof query.excludedAttributes === 'string')
      return new SCIMMY.Types.Filter(list(query.excludedAttributes, 'np'));
  } catch (error) {
    if (error instanceof Error && !(error instanceof SCIMMY.Types.Error)) throw invalidValue(error.message);
    throw error;
  }
  return undefined;
}

function parseFilter(raw: string) {
  if (!raw.trim()) throw invalidFilter('The filter is empty.');
  try {
    return new SCIMMY.Types.Filter(raw);
  } catch (error) {
    throw invalidFilter(`The filter could not be read: ${(error as Error).message}`);
  }
}

/**
 * The one comparison a supported filter makes: `<attribute> eq "<value>"` on one of `supported`
 * (RFC 7644 §3.4.2.2; attribute names are case-insensitive). Identity providers look resources up
 * by exactly these; anything else is a 400 invalidFilter rather than a silently wrong answer.
 */
export function equalityOf(
  filter: ListParams['filter'],
  supported: readonly string[],
): { attribute: string; value: string } | null {
  if (!filter) return null;
  const unsupported = () =>
    invalidFilter(`Only ${supported.map((a) => `${a} eq "…"`).join(', ')} filters are supported.`);
  if (filter.length !== 1) throw unsupported();
  const entries = Object.entries(filter[0] as Record<string, unknown>);
  if (entries.length !== 1) throw unsupported();
  const [name, expression] = entries[0]!;
  const attribute = supported.find((a) => a.toLowerCase() === name.toLowerCase());
  if (!attribute || !Array.isArray(expression) || expression.length !== 2) throw unsupported();
  const [comparator, value] = expression as [unknown, unknown];
  if (String(comparator).toLowerCase() !== 'eq') throw unsupported();
  if (typeof value !== 'string' && typeof value !== 'number') throw unsupported();
  return { attribute, value: String(value) };
}

/** Refuses, naming the attribute, any text in the body that PostgreSQL cannot store. */
export function assertStorable(value: unknown, path = ''): void {
  if (typeof value === 'string') {
    if (!isStorableText(value))
      throw invalidValue(`${path || 'The request body'} contains characters that are not allowed.`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertStorable(item, `${path}[${i}]`));
    return;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key))
        throw invalidValue(`${path || 'The request body'} has a key with characters that are not allowed.`);
      assertStorable(item, path ? `${path}.${key}` : key);
    }
  }
}

/** A JSON object body (not an array, string or null), or a 400 invalidSyntax. */
export function objectBody(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new ScimError(400, 'invalidSyntax', 'The request body must be a JSON object.');
  assertStorable(body);
  return body as Record<string, unknown>;
}

/** "True"/"False" (any case), as Entra ID sends `active`, as the boolean it means. */
function booleanish(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const lower = value.trim().toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : value;
}

/** Attributes of a resource or a path-less PatchOp value that must never be written. */
const READ_ONLY = new Set(['id', 'meta', 'schemas', 'groups']);

/**
 * What identity providers send, as scimmy (strict RFC 7643) reads it:
 * - `active` as the string "True"/"False" (Entra ID without the aadOptscim062020 flag);
 * - the enterprise `manager` as a bare id string, where the schema has `{ value }` (Entra ID);
 * - `id` (and `meta`, `schemas`) inside a path-less replace (Okta's group rename).
 * Capitalised ops ("Replace", "Add") scimmy already takes as they come.
 */
export function normaliseResource(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body };
  for (const key of Object.keys(out)) {
    if (key.toLowerCase() === 'active') out[key] = booleanish(out[key]);
    if (key.toLowerCase().endsWith(':user') && out[key] && typeof out[key] === 'object') {
      const extension = { ...(out[key] as Record<string, unknown>) };
      if (typeof extension.manager === 'string') extension.manager = { value: extension.manager };
      out[key] = extension;
    }
  }
  return out;
}

export function normalisePatch(body: Record<string, unknown>): Record<string, unknown> {
  const operations = body.Operations;
  if (!Array.isArray(operations)) return body;
  return {
    ...body,
    Operations: operations.map((operation: unknown) => {
      if (!operation || typeof operation !== 'object' || Array.isArray(operation)) return operation;
      const op = { ...(operation as Record<string, unknown>) };
      const path = typeof op.path === 'string' ? op.path.trim() : undefined;
      if (path !== undefined) op.path = path;
      if (path?.toLowerCase() === 'active') op.value = booleanish(op.value);
      if (path && /:manager$/i.test(path) && typeof op.value === 'string') op.value = { value: op.value };
      if (path === undefined && op.value && typeof op.value === 'object' && !Array.isArray(op.value)) {
        const value = normaliseResource(op.value as Record<string, unknown>);
        for (const key of Object.keys(value)) if (READ_ONLY.has(key.toLowerCase())) delete value[key];
        for (const key of Object.keys(value)) {
          if (/:manager$/i.test(key) && typeof value[key] === 'string') value[key] = { value: value[key] };
        }
        op.value = value;
      }
      return op;
    }),
  };
}

/**
 * User attributes Countersign does not keep. Entra ID's default mappings PATCH some of them with
 * filtered paths (`addresses[type eq "work"].formatted`, `phoneNumbers[type eq "mobile"].value`),
 * which scimmy rightly refuses (noTarget) on a resource that has none: such operations are
 * dropped before the PatchOp is applied, as the attributes would be ignored anyway.
 */
const IGNORED_USER_ATTRIBUTES = new Set(
  [
    'nickName',
    'profileUrl',
    'userType',
    'preferredLanguage',
    'locale',
    'timezone',
    'password',
    'phoneNumbers',
    'ims',
    'photos',
    'addresses',
    'entitlements',
    'roles',
    'x509Certificates',
    'name.middleName',
    'name.honorificPrefix',
    'name.honorificSuffix',
    'employeeNumber',
    'costCenter',
    'organization',
    'division',
  ].map((a) => a.toLowerCase()),
);

/** Whether a User PatchOp path only touches attributes Countersign ignores. */
export function isIgnoredUserPath(path: unknown): boolean {
  if (typeof path !== 'string') return false;
  const unprefixed = path.replace(
    /^urn:ietf:params:scim:schemas:(core|extension:enterprise):2\.0:User:/i,
    '',
  );
  const bare = unprefixed.replace(/\[[^\]]*\]/g, '').toLowerCase();
  const [first] = bare.split('.');
  return IGNORED_USER_ATTRIBUTES.has(bare) || IGNORED_USER_ATTRIBUTES.has(first ?? '');
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
