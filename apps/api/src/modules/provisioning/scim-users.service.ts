import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createPersonSchema } from '@countersign/contracts/people';
import SCIMMY from 'scimmy';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/domain-error.js';
import { DepartmentsService } from '../users/departments.service.js';
import { type DirectoryChange, PeopleService } from '../users/people.service.js';
import { fromScimmy, invalidValue, ScimError } from './scim-error.js';
import { formatResource, parseResource } from './scim-resources.js';
import {
  actorOf,
  attributesOf,
  equalityOf,
  isIgnoredUserPath,
  listParams,
  normalisePatch,
  normaliseResource,
  objectBody,
  type ScimQuery,
  UUID,
} from './scim-input.js';
import { ENTERPRISE_USER_SCHEMA, LIST_RESPONSE_SCHEMA, usersLocation } from './scim-schema.js';
import type { ScimCaller } from './scim-tokens.service.js';

interface UserRow {
  id: string;
  name: string;
  email: string;
  scim_user_name: string | null;
  external_id: string | null;
  job_title: string | null;
  active: boolean;
  created_at: Date;
  dept_id: string | null;
  dept_name: string | null;
  manager_id: string | null;
  manager_name: string | null;
}

const SELECT_USERS = `
  SELECT u.id, u.name, u.email, u.scim_user_name, u.external_id, u.job_title, u.active, u.created_at,
         d.id AS dept_id, d.name AS dept_name, m.id AS manager_id, m.name AS manager_name
    FROM app_user u
    LEFT JOIN department d ON d.id = u.department_id
    LEFT JOIN app_user m ON m.id = u.manager_id`;

/** What scimmy makes of a User resource (attributes by their SCIM names). */
interface ScimUser {
  userName?: string;
  externalId?: string;
  displayName?: string;
  title?: string;
  active?: boolean;
  name?: { formatted?: string; givenName?: string; familyName?: string };
  emails?: { value?: string; type?: string; primary?: boolean }[];
  [ENTERPRISE_USER_SCHEMA]?: { department?: string; manager?: { value?: string } };
}

/** PUT replaces what it sends; PATCH hands over the whole patched resource. */
type Mode = 'create' | 'put' | 'patch';

/**
 * SCIM Users (RFC 7643 §4.1) as Countersign's people: userName is the person's sign-in (their email
 * address, or the userName kept beside it when the directory's differs), the work email their email,
 * displayName (or given and family name) their name, title their job title, the enterprise
 * extension's department and manager theirs, `groups` their department. Every change goes through
 * PeopleService, as the admin UI's do: the same rules, audit events (naming the token), session
 * ends on deactivation and programme re-evaluation. A directory never deletes anyone: DELETE
 * deactivates, and the person's training evidence stays.
 */
@Injectable()
export class ScimUsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly departments: DepartmentsService,
  ) {}

  async list(caller: ScimCaller, query: ScimQuery) {
    const params = listParams(query);
    const where = ['u.organisation_id = $1'];
    const values: unknown[] = [caller.organisationId];
    const eq = equalityOf(params.filter, ['userName', 'externalId', 'id']);
    if (eq) {
      values.push(eq.value);
      if (eq.attribute === 'userName') where.push(`lower(coalesce(u.scim_user_name, u.email)) = lower($2)`);
      else if (eq.attribute === 'externalId') where.push(`u.external_id = $2`);
      else where.push(UUID.test(eq.value) ? `u.id = $2::uuid` : 'false');
    }
    const sql = where.join(' AND ');
    const [rows, [total]] = await Promise.all([
      params.count === 0
        ? Promise.resolve([] as UserRow[])
        : this.dataSource.query<UserRow[]>(
            `${SELECT_USERS} WHERE ${sql} ORDER BY u.created_at, u.id LIMIT ${params.count} OFFSET ${params.startIndex - 1}`,
            values,
          ),
      this.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM app_user u WHERE ${sql}`,
        values,
      ),
    ]);
    return {
      schemas: [LIST_RESPONSE_SCHEMA],
      totalResults: total?.n ?? 0,
      startIndex: params.startIndex,
      itemsPerPage: rows.length,
      Resources: rows.map((r) => formatResource('User', toScim(r), params.attributes)),
    };
  }

  async get(caller: ScimCaller, id: string, query: ScimQuery = {}) {
    const attributes = attributesOf(query);
    return formatResource('User', toScim(await this.row(caller, id)), attributes);
  }

  async create(caller: ScimCaller, body: unknown) {
    const incoming = parseResource<ScimUser>('User', normaliseResource(objectBody(body)));
    const target = await this.target(caller, incoming, null, 'create');
    const person = await this.people.create(
      actorOf(caller),
      {
        name: target.name!,
        email: target.email!,
        role: 'employee',
        departmentId: target.departmentId ?? null,
        managerId: target.managerId ?? null,
        sensitivityTier: 'standard',
        jobTitle: target.jobTitle ?? null,
        startDate: null,
        externalId: target.externalId ?? null,
        scimUserName: target.scimUserName ?? null,
      },
      { invite: false },
    );
    // A directory may provision someone already disabled: they exist, and cannot sign in.
    if (target.active === false) await this.people.deactivate(actorOf(caller), person.id);
    return this.get(caller, person.id);
  }

  async replace(caller: ScimCaller, id: string, body: unknown) {
    const current = await this.row(caller, id);
    const incoming = parseResource<ScimUser>('User', normaliseResource(objectBody(body)));
    await this.apply(caller, current, incoming, 'put');
    return this.get(caller, id);
  }

  async patch(caller: ScimCaller, id: string, body: unknown) {
    const current = await this.row(caller, id);
    const message = normalisePatch(objectBody(body));
    const operations = Array.isArray(message.Operations)
      ? (message.Operations as { path?: unknown }[])
      : null;
    const kept = operations?.filter((o) => !isIgnoredUserPath(o?.path));
    // Nothing Countersign keeps was touched: validate the message, change nothing.
    if (operations?.length && kept?.length === 0) {
      try {
        new SCIMMY.Messages.PatchOp(message as never);
      } catch (error) {
        throw fromScimmy(error);
      }
      return this.get(caller, id);
    }
    if (kept) message.Operations = kept;
    try {
      const resource = new SCIMMY.Schemas.User(toScim(current), 'out', usersLocation());
      await new SCIMMY.Messages.PatchOp(message as never).apply(resource, async (patched: unknown) => {
        await this.apply(
          caller,
          current,
          parseResource<ScimUser>('User', patched as Record<string, unknown>),
          'patch',
        );
        return toScim(await this.row(caller, id));
      });
    } catch (error) {
      throw fromScimmy(error);
    }
    return this.get(caller, id);
  }

  /** DELETE: deactivation, exactly as the admin UI does it; nobody's evidence is deleted. */
  async remove(caller: ScimCaller, id: string): Promise<void> {
    await this.row(caller, id);
    await this.people.deactivate(actorOf(caller), id);
  }

  private async apply(caller: ScimCaller, current: UserRow, incoming: ScimUser, mode: Mode) {
    const target = await this.target(caller, incoming, current, mode);
    const change: DirectoryChange = {};
    if (target.name !== undefined && target.name !== current.name) change.name = target.name;
    if (target.email !== undefined && target.email !== current.email) change.email = target.email;
    if (target.scimUserName !== undefined && target.scimUserName !== current.scim_user_name)
      change.scimUserName = target.scimUserName;
    if (target.externalId !== undefined && target.externalId !== current.external_id)
      change.externalId = target.externalId;
    if (target.jobTitle !== undefined && target.jobTitle !== current.job_title)
      change.jobTitle = target.jobTitle;
    if (target.departmentId !== undefined && target.departmentId !== current.dept_id)
      change.departmentId = target.departmentId;
    if (target.managerId !== undefined && target.managerId !== current.manager_id)
      change.managerId = target.managerId;
    if (target.active !== undefined && target.active !== current.active) change.active = target.active;
    if (Object.keys(change).length) await this.people.update(actorOf(caller), current.id, change);
  }

  /**
   * The person's fields as the resource states them; `undefined` leaves a field as it is. In a
   * PUT, what Countersign holds that the body leaves out (externalId, title, active, department,
   * manager) stays; a PATCH hands over the whole resource, so there a missing one was removed.
   */
  private async target(caller: ScimCaller, r: ScimUser, current: UserRow | null, mode: Mode) {
    const emails = r.emails ?? [];
    const work = emails.find((e) => e.primary) ?? emails.find((e) => e.type === 'work') ?? emails[0];
    const userName = (r.userName ?? '').trim();
    if (!userName) throw invalidValue('userName is required: the person’s sign-in name.');
    const email = (work?.value ?? (userName.includes('@') ? userName : '')).trim().toLowerCase();
    if (!email)
      throw invalidValue(
        'A person needs an email address: send emails with a work address, or a userName that is one.',
      );
    const name = this.nameOf(r, current, email);
    // In a PUT a missing attribute stays as it is; in a PATCH (the whole patched resource, as
    // read back with every attribute the person has) a missing one was removed.
    const missing = mode === 'put' ? undefined : null;
    const title = r.title?.trim();
    const jobTitle = title ? title : r.title === undefined ? missing : null;
    const externalId = r.externalId?.trim()
      ? r.externalId.trim()
      : r.externalId === undefined
        ? missing
        : null;
    // The same rules as the admin UI's form, in SCIM's words, before anything is made.
    const checked = createPersonSchema.safeParse({
      name,
      email,
      jobTitle: jobTitle ?? null,
    });
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const field =
        { name: 'displayName', email: 'emails', jobTitle: 'title' }[String(issue.path[0])] ?? 'value';
      throw invalidValue(`${field} ${issue.message}.`);
    }
    if (externalId && externalId.length > 255)
      throw invalidValue('externalId must be at most 255 characters.');
    if (userName.length > 255) throw invalidValue('userName must be at most 255 characters.');
    const enterprise = r[ENTERPRISE_USER_SCHEMA];

    let managerId: string | null | undefined = mode === 'patch' && current?.manager_id ? null : undefined;
    if (enterprise?.manager !== undefined) {
      const value = enterprise.manager?.value?.trim();
      if (value && !UUID.test(value))
        throw invalidValue(`The manager ${value} is not a user of this service.`);
      managerId = value || null;
    }

    let departmentId: string | null | undefined = mode === 'patch' && current?.dept_id ? null : undefined;
    if (enterprise?.department !== undefined) {
      const department = enterprise.department.trim();
      departmentId = department ? await this.departmentNamed(caller, department) : null;
    }
    return {
      name: checked.data.name,
      email: checked.data.email,
      scimUserName: userName.toLowerCase() === checked.data.email ? null : userName,
      jobTitle,
      externalId,
      departmentId,
      managerId,
      active: r.active,
    };
  }

  /** displayName, else given and family name, else the formatted name; in a change, the one that changed. */
  private nameOf(r: ScimUser, current: UserRow | null, email: string): string {
    const joined = [r.name?.givenName, r.name?.familyName]
      .map((part) => part?.trim())
      .filter(Boolean)
      .join(' ');
    const display = r.displayName?.trim();
    const formatted = r.name?.formatted?.trim();
    if (current) {
      const was = toScim(current);
      if (display && display !== was.displayName) return display;
      if (joined && joined !== [was.name.givenName, was.name.familyName].filter(Boolean).join(' '))
        return joined;
      if (formatted && formatted !== was.name.formatted) return formatted;
      return current.name;
    }
    return display || joined || formatted || email.split('@')[0]!;
  }

  /** The department of this name (case-insensitive), made through DepartmentsService when there is none. */
  private async departmentNamed(caller: ScimCaller, name: string): Promise<string> {
    const find = () =>
      this.dataSource.query<{ id: string }[]>(
        `SELECT id FROM department WHERE organisation_id = $1 AND lower(name) = lower($2) ORDER BY name = $2 DESC LIMIT 1`,
        [caller.organisationId, name],
      );
    const [found] = await find();
    if (found) return found.id;
    try {
      return (await this.departments.create(actorOf(caller), name)).id;
    } catch (error) {
      // Made at the same moment by another request: use that one.
      if (error instanceof DomainError && error.code === 'department_name_taken')
        return (await find())[0]!.id;
      if (error instanceof DomainError && error.status === 422)
        throw invalidValue(`The department "${name}" is not a valid department name.`);
      throw error;
    }
  }

  private async row(caller: ScimCaller, id: string): Promise<UserRow> {
    const [row] = UUID.test(id)
      ? await this.dataSource.query<UserRow[]>(`${SELECT_USERS} WHERE u.organisation_id = $1 AND u.id = $2`, [
          caller.organisationId,
          id,
        ])
      : [];
    if (!row) throw new ScimError(404, undefined, `User ${id} not found.`);
    return row;
  }
}

/** The given name is everything before the last space, the family name the last word. */
function splitName(name: string): { givenName?: string; familyName?: string } {
  const at = name.trim().lastIndexOf(' ');
  return at === -1 ? { givenName: name } : { givenName: name.slice(0, at), familyName: name.slice(at + 1) };
}

function toScim(r: UserRow) {
  const enterprise: Record<string, unknown> = {};
  if (r.dept_name) enterprise.department = r.dept_name;
  if (r.manager_id) enterprise.manager = { value: r.manager_id, displayName: r.manager_name ?? undefined };
  return {
    id: r.id,
    ...(r.external_id ? { externalId: r.external_id } : {}),
    userName: r.scim_user_name ?? r.email,
    name: { formatted: r.name, ...splitName(r.name) },
    displayName: r.name,
    ...(r.job_title ? { title: r.job_title } : {}),
    active: r.active,
    emails: [{ value: r.email, type: 'work', primary: true }],
    groups: r.dept_id ? [{ value: r.dept_id, display: r.dept_name ?? undefined }] : [],
    ...(Object.keys(enterprise).length ? { [ENTERPRISE_USER_SCHEMA]: enterprise } : {}),
    meta: { resourceType: 'User', created: new Date(r.created_at) },
  };
}
