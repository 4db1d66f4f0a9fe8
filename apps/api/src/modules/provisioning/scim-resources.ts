import SCIMMY from 'scimmy';
import { fromScimmy } from './scim-error.js';
import type { attributesOf } from './scim-input.js';
import { GROUP_SCHEMA, groupsLocation, USER_SCHEMA, usersLocation } from './scim-schema.js';

/** The two resource types, as scimmy's schema classes and the `schemas` URN each answer names. */
const RESOURCES = {
  User: { schema: SCIMMY.Schemas.User, urn: USER_SCHEMA, location: () => usersLocation() },
  Group: { schema: SCIMMY.Schemas.Group, urn: GROUP_SCHEMA, location: () => groupsLocation() },
} as const;

/** Validates an incoming resource against its schema (User with the enterprise extension). */
export function parseResource<T>(type: keyof typeof RESOURCES, body: Record<string, unknown>): T {
  try {
    return new RESOURCES[type].schema(body, 'in') as unknown as T;
  } catch (error) {
    throw fromScimmy(error);
  }
}

/** A resource as answered, with `attributes` / `excludedAttributes` applied. */
export function formatResource(
  type: keyof typeof RESOURCES,
  resource: object,
  attributes: ReturnType<typeof attributesOf>,
) {
  try {
    const { schema: Schema, urn, location } = RESOURCES[type];
    const out = new Schema(resource, 'out', location(), attributes);
    // `schemas` is always returned (RFC 7643 §3), `attributes` or not.
    const { schemas, ...rest } = out as { schemas?: string[] };
    return { schemas: schemas ?? [urn], ...rest };
  } catch (error) {
    throw fromScimmy(error);
  }
}
