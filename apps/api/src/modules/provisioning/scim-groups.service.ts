import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { departmentNameSchema } from '@countersign/contracts/people';
import SCIMMY from 'scimmy';
import { DataSource } from 'typeorm';
import { DepartmentsService } from '../users/departments.service.js';
import { PeopleService } from '../users/people.service.js';
import { fromScimmy, invalidValue, ScimError } from './scim-error.js';
import { formatResource, parseResource } from './scim-resources.js';
import {
  actorOf,
  attributesOf,
  equalityOf,
  listParams,
  normalisePatch,
  normaliseResource,
  objectBody,
  type ScimQuery,
  UUID,
} from './scim-input.js';
import { groupsLocation, LIST_RESPONSE_SCHEMA, PATCH_OP_SCHEMA } from './scim-schema.js';
import type { ScimCaller } from './scim-tokens.service.js';

interface GroupRow {
  id: string;
  name: string;
  external_id: string | null;
  created_at: Date;
}

interface ScimGroup {
  displayName?: string;
  externalId?: string;
  members?: { value?: string }[];
}

interface Operation {
  op: string;
  path?: string;
  value?: unknown;
}

const MEMBER_FILTER = /^members\[\s*value\s+eq\s+"([^"]*)"\s*\]$/i;

/**
 * SCIM Groups (RFC 7643 §4.2) as departments: displayName is the department's name, members are
 * the people whose department it is. A person has one department, so adding someone to a group
 * moves them there from any other; removing them leaves them without one. Every change goes
 * through DepartmentsService and PeopleService, as the admin UI's do. DELETE deletes only an empty
 * department (people keep their department as evidence), else answers 409 saying who is still in it.
 */
@Injectable()
export class ScimGroupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly departments: DepartmentsService,
    private readonly people: PeopleService,
  ) {}

  async list(caller: ScimCaller, query: ScimQuery) {
    const params = listParams(query);
    const where = ['d.organisation_id = $1'];
    const values: unknown[] = [caller.organisationId];
    const eq = equalityOf(params.filter, ['displayName', 'externalId', 'id']);
    if (eq) {
      values.push(eq.value);
      if (eq.attribute === 'displayName') where.push(`lower(d.name) = lower($2)`);
      else if (eq.attribute === 'externalId') where.push(`d.external_id = $2`);
      else where.push(UUID.test(eq.value) ? `d.id = $2::uuid` : 'false');
    }
    const sql = where.join(' AND ');
    const [rows, [total]] = await Promise.all([
      params.count === 0
        ? Promise.resolve([] as GroupRow[])
        : this.dataSource.query<GroupRow[]>(
            `SELECT d.id, d.name, d.external_id, d.created_at FROM department d
              WHERE ${sql} ORDER BY d.created_at, d.id LIMIT ${params.count} OFFSET ${params.startIndex - 1}`,
            values,
          ),
      this.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM department d WHERE ${sql}`,
        values,
      ),
    ]);
    const members = await this.members(caller, rows, params.attributes);
    return {
      schemas: [LIST_RESPONSE_SCHEMA],
      totalResults: total?.n ?? 0,
      startIndex: params.startIndex,
      itemsPerPage: rows.length,
      Resources: rows.map((r) => formatResource('Group', toScim(r, members.get(r.id)), params.attributes)),
    };
  }

  async get(caller: ScimCaller, id: string, query: ScimQuery = {}) {
    const attributes = attributesOf(query);
    const row = await this.row(caller, id);
    const members = await this.members(caller, [row], attributes);
    return formatResource('Group', toScim(row, members.get(row.id)), attributes);
  }

  async create(caller: ScimCaller, body: unknown) {
    const incoming = parseResource<ScimGroup>('Group', normaliseResource(objectBody(body)));
    const name = checkedName(incoming.displayName);
    const externalId = checkedExternalId(incoming.externalId) ?? null;
    const made = await this.departments.create(actorOf(caller), name, { externalId });
    const add = memberIds(incoming.members ?? []);
    if (add.length) await this.changeMembers(caller, made.id, { add, remove: [] });
    return this.get(caller, made.id);
  }

  /** PUT: the name, the link and the members are as the body says (members: all of them). */
  async replace(caller: ScimCaller, id: string, body: unknown) {
    const row = await this.row(caller, id);
    const incoming = parseResource<ScimGroup>('Group', normaliseResource(objectBody(body)));
    await this.rename(caller, row, incoming);
    if (incoming.members !== undefined) await this.setMembers(caller, id, memberIds(incoming.members));
    return this.get(caller, id);
  }

  /**
   * PATCH: membership operations (add, remove, `members[value eq "…"]`, replace) are applied as
   * changes to the people they name, so a department of 20,000 is never read whole; the others
   * (displayName, externalId, a path-less replace) by scimmy's PatchOp on the group without members.
   */
  async patch(caller: ScimCaller, id: string, body: unknown): Promise<void> {
    const row = await this.row(caller, id);
    const message = normalisePatch(objectBody(body));
    // scimmy validates the message as a whole first (schemas, ops, paths), then the parts are split.
    try {
      new SCIMMY.Messages.PatchOp(message as never);
    } catch (error) {
      throw fromScimmy(error);
    }
    const operations = (message.Operations as Operation[]).map((o) => ({ ...o, op: o.op.toLowerCase() }));
    const others: Operation[] = [];
    const add: string[] = [];
    const remove: string[] = [];
    let replaceWith: string[] | null = null;
    for (const operation of operations) {
      const path = operation.path;
      const filtered = path ? MEMBER_FILTER.exec(path) : null;
      if (filtered && operation.op === 'remove') {
        remove.push(filtered[1]!);
      } else if (path?.toLowerCase() === 'members') {
        const ids = memberIds(asArray(operation.value));
        if (operation.op === 'add') add.push(...ids);
        else if (operation.op === 'remove') {
          if (operation.value === undefined) replaceWith = [];
          else remove.push(...ids);
        } else replaceWith = ids;
      } else if (!path && operation.value && typeof operation.value === 'object') {
        const { members, ...rest } = operation.value as Record<string, unknown>;
        const key = Object.keys(operation.value).find((k) => k.toLowerCase() === 'members');
        const value = key ? (operation.value as Record<string, unknown>)[key] : members;
        if (value !== undefined) {
          const ids = memberIds(asArray(value));
          if (operation.op === 'add') add.push(...ids);
          else replaceWith = ids;
        }
        const restWithout = Object.fromEntries(
          Object.entries(rest).filter(([k]) => k.toLowerCase() !== 'members'),
        );
        if (Object.keys(restWithout).length) others.push({ ...operation, value: restWithout });
      } else if (path && /^members/i.test(path)) {
        throw new ScimError(
          400,
          'invalidPath',
          `Membership changes go through the path "members" (got "${path}").`,
        );
      } else {
        others.push(operation);
      }
    }

    if (others.length) {
      try {
        const resource = new SCIMMY.Schemas.Group(toScim(row, undefined), 'out', groupsLocation());
        await new SCIMMY.Messages.PatchOp({ schemas: [PATCH_OP_SCHEMA], Operations: others } as never).apply(
          resource,
          async (patched: unknown) => {
            await this.rename(
              caller,
              row,
              parseResource<ScimGroup>('Group', patched as Record<string, unknown>),
              true,
            );
            return toScim(await this.row(caller, id), undefined);
          },
        );
      } catch (error) {
        throw fromScimmy(error);
      }
    }
    if (replaceWith) await this.setMembers(caller, id, [...replaceWith, ...add]);
    else if (add.length || remove.length) await this.changeMembers(caller, id, { add, remove });
  }

  async remove(caller: ScimCaller, id: string): Promise<void> {
    await this.row(caller, id);
    await this.departments.remove(actorOf(caller), id);
  }

  private async rename(caller: ScimCaller, row: GroupRow, incoming: ScimGroup, wholeResource = false) {
    const name = checkedName(incoming.displayName);
    if (name !== row.name) await this.departments.rename(actorOf(caller), row.id, name);
    const externalId = checkedExternalId(incoming.externalId) ?? (wholeResource ? null : undefined);
    if (externalId !== undefined && externalId !== row.external_id)
      await this.departments.link(actorOf(caller), row.id, externalId);
  }

  /** Everyone listed is in the department afterwards; everyone else who was is not. */
  private async setMembers(caller: ScimCaller, departmentId: string, ids: string[]) {
    const now = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE organisation_id = $1 AND department_id = $2`,
      [caller.organisationId, departmentId],
    );
    const wanted = new Set(ids);
    await this.changeMembers(caller, departmentId, {
      add: [...wanted],
      remove: now.map((p) => p.id).filter((p) => !wanted.has(p)),
    });
  }

  /**
   * Adds and removes members as PeopleService moves (each person's change on their own trail, the
   * programme re-evaluated); someone already where the operation puts them is left alone. Every
   * member named must be a person of this organisation, or nothing changes.
   */
  private async changeMembers(
    caller: ScimCaller,
    departmentId: string,
    { add, remove }: { add: string[]; remove: string[] },
  ) {
    const ids = [...new Set([...add, ...remove])];
    for (const id of ids) {
      if (!UUID.test(id)) throw invalidValue(`The member ${id} is not a user of this service.`);
    }
    const rows = ids.length
      ? await this.dataSource.query<{ id: string }[]>(
          `SELECT id FROM app_user WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
          [caller.organisationId, ids],
        )
      : [];
    const found = new Set(rows.map((r) => r.id));
    const unknown = ids.find((id) => !found.has(id.toLowerCase()));
    if (unknown) throw invalidValue(`The member ${unknown} is not a user of this service.`);
    const adding = new Set(add.map((id) => id.toLowerCase()));
    await this.people.moveToDepartment(actorOf(caller), [...adding], departmentId);
    await this.people.moveToDepartment(
      actorOf(caller),
      [...new Set(remove.map((id) => id.toLowerCase()))].filter((id) => !adding.has(id)),
      null,
      { onlyFrom: departmentId },
    );
  }

  /** The members of each group, unless the caller excluded them (Entra ID always does). */
  private async members(
    caller: ScimCaller,
    rows: GroupRow[],
    attributes: ReturnType<typeof attributesOf>,
  ): Promise<Map<string, { value: string; display: string }[]>> {
    const map = new Map<string, { value: string; display: string }[]>();
    const probe = attributes
      ? new SCIMMY.Schemas.Group(
          { id: 'x', displayName: 'x', members: [{ value: 'x' }] },
          'out',
          '',
          attributes,
        )
      : null;
    if (rows.length === 0 || (probe && !('members' in probe))) return map;
    const people = await this.dataSource.query<{ id: string; name: string; department_id: string }[]>(
      `SELECT id, name, department_id FROM app_user
        WHERE organisation_id = $1 AND department_id = ANY($2::uuid[]) ORDER BY name, id`,
      [caller.organisationId, rows.map((r) => r.id)],
    );
    for (const p of people) {
      const list = map.get(p.department_id) ?? [];
      list.push({ value: p.id, display: p.name });
      map.set(p.department_id, list);
    }
    return map;
  }

  private async row(caller: ScimCaller, id: string): Promise<GroupRow> {
    const [row] = UUID.test(id)
      ? await this.dataSource.query<GroupRow[]>(
          `SELECT id, name, external_id, created_at FROM department WHERE organisation_id = $1 AND id = $2`,
          [caller.organisationId, id],
        )
      : [];
    if (!row) throw new ScimError(404, undefined, `Group ${id} not found.`);
    return row;
  }
}

function checkedName(displayName: string | undefined): string {
  const checked = departmentNameSchema.safeParse({ name: displayName ?? '' });
  if (!checked.success) throw invalidValue(`displayName ${checked.error.issues[0]!.message}.`);
  return checked.data.name;
}

function checkedExternalId(externalId: string | undefined): string | undefined {
  const trimmed = externalId?.trim();
  if (trimmed && trimmed.length > 255) throw invalidValue('externalId must be at most 255 characters.');
  return trimmed || undefined;
}

function asArray(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

function memberIds(members: unknown[]): string[] {
  return members.map((m) => {
    const value = m && typeof m === 'object' ? (m as { value?: unknown }).value : m;
    if (typeof value !== 'string' || !value.trim())
      throw invalidValue('Each member needs a value: the user’s id.');
    return value.trim();
  });
}

function toScim(r: GroupRow, members: { value: string; display: string }[] | undefined) {
  return {
    id: r.id,
    ...(r.external_id ? { externalId: r.external_id } : {}),
    displayName: r.name,
    members: members ?? [],
    meta: { resourceType: 'Group', created: new Date(r.created_at) },
  };
}
