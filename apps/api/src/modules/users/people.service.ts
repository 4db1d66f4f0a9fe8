import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  createPersonSchema,
  personListQuerySchema,
  PersonPage,
  PersonStatus,
  PersonView,
  updatePersonSchema,
} from '@countersign/contracts/people';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import { type Actor, viaDetails } from '../../common/auth-context.js';
import { conflict, notFound, unprocessable } from '../../common/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { AuthService } from '../auth/auth.service.js';
import { CredentialsService } from '../auth/credentials.service.js';
import { ProgrammeRunner } from '../programme/programme-runner.service.js';
import { escapeLike } from './directory.service.js';
import { decodePeopleCursor, encodePeopleCursor } from './people-cursor.js';
import { isUniqueViolation, lockPeopleOf } from './people-lock.js';

type ListQuery = z.infer<typeof personListQuerySchema>;
type CreateInput = z.infer<typeof createPersonSchema>;
type UpdateInput = z.infer<typeof updatePersonSchema>;

/** A change made on an identity provider's word rather than an administrator's. */
export interface ChangeSource {
  /** Recorded in the audit event's details: `sso` for just-in-time provisioning at sign-in. */
  source?: 'sso';
  /** Send the new person an invitation to choose a password (default true). */
  invite?: boolean;
}
/**
 * How the organisation's directory knows the person (SCIM): its own id for them, and the userName
 * when that is not their email address. Only SCIM sets these; the admin UI keeps them as they are.
 */
export interface DirectoryLink {
  externalId: string | null;
  scimUserName: string | null;
}
/** A change the directory makes: any field of an edit, `active` and the directory link too. */
export type DirectoryChange = UpdateInput & Partial<DirectoryLink> & { active?: boolean };

/** The fields of a person an administrator changes, as audit events record them before and after. */
interface PersonRecord extends DirectoryLink {
  name: string;
  email: string;
  role: PersonView['role'];
  departmentId: string | null;
  managerId: string | null;
  sensitivityTier: PersonView['sensitivityTier'];
  jobTitle: string | null;
  startDate: string | null;
  active: boolean;
}
const RECORD_FIELDS = [
  'name',
  'email',
  'role',
  'departmentId',
  'managerId',
  'sensitivityTier',
  'jobTitle',
  'startDate',
  'active',
  'externalId',
  'scimUserName',
] as const satisfies readonly (keyof PersonRecord)[];

const SELECT_RECORD = `
  SELECT name, email, role, department_id AS "departmentId", manager_id AS "managerId",
         sensitivity_tier AS "sensitivityTier", job_title AS "jobTitle",
         to_char(start_date, 'YYYY-MM-DD') AS "startDate", active,
         external_id AS "externalId", scim_user_name AS "scimUserName"
    FROM app_user`;

const SELECT_PEOPLE = `
  SELECT u.id, u.name, u.email, u.role, u.sensitivity_tier AS tier, u.job_title,
         to_char(u.start_date, 'YYYY-MM-DD') AS start_date, u.active, (u.password_hash IS NOT NULL OR u.last_sign_in_at IS NOT NULL) AS has_password,
         u.last_sign_in_at, u.created_at, d.id AS dept_id,
         (SELECT max(t.expires_at) FROM credential_token t
           WHERE t.organisation_id = u.organisation_id AND t.user_id = u.id AND t.purpose = 'invitation'
             AND t.used_at IS NULL AND t.revoked_at IS NULL) AS invitation_expires_at, d.name AS dept_name, m.id AS manager_id, m.name AS manager_name
    FROM app_user u
    LEFT JOIN department d ON d.id = u.department_id
    LEFT JOIN app_user m ON m.id = u.manager_id`;

interface PersonSqlRow {
  id: string;
  name: string;
  email: string;
  role: PersonView['role'];
  tier: PersonView['sensitivityTier'];
  job_title: string | null;
  start_date: string | null;
  active: boolean;
  has_password: boolean;
  last_sign_in_at: Date | null;
  created_at: Date;
  invitation_expires_at: Date | null;
  dept_id: string | null;
  dept_name: string | null;
  manager_id: string | null;
  manager_name: string | null;
}

const STATUS_SQL: Record<PersonStatus, string> = {
  deactivated: 'NOT u.active',
  // Someone who signs in through SSO has no password, and has signed in: active, not invited.
  invited: 'u.active AND u.password_hash IS NULL AND u.last_sign_in_at IS NULL',
  active: 'u.active AND (u.password_hash IS NOT NULL OR u.last_sign_in_at IS NOT NULL)',
};

/**
 * People as administrators manage them. Every change is written with its audit event (who, when,
 * the changed fields before and after) in one transaction, under the organisation's people lock.
 */
@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly credentials: CredentialsService,
    private readonly programme: ProgrammeRunner,
  ) {}

  /** One page in name order: keyset after `after`, else `page` as an offset; the total alongside. */
  async list(organisationId: string, query: ListQuery): Promise<PersonPage> {
    const params: unknown[] = [organisationId];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = ['u.organisation_id = $1'];
    if (query.q) {
      const p = param(`%${escapeLike(query.q)}%`);
      where.push(`(u.name ILIKE ${p} OR u.email ILIKE ${p})`);
    }
    if (query.departmentId) where.push(`u.department_id = ${param(query.departmentId)}`);
    if (query.role) where.push(`u.role = ${param(query.role)}`);
    if (query.tier) where.push(`u.sensitivity_tier = ${param(query.tier)}`);
    if (query.status) where.push(STATUS_SQL[query.status]);
    const filters = where.join(' AND ');
    const countParams = [...params];

    let pageWhere = filters;
    let offset = (query.page - 1) * query.pageSize;
    if (query.after) {
      const [name, id] = decodePeopleCursor(query.after).k;
      const n = param(name);
      const i = param(id);
      pageWhere += ` AND u.name >= ${n}::text AND (u.name, u.id) > (${n}::text, ${i}::uuid)`;
      offset = 0;
    }
    const [rows, [count]] = await Promise.all([
      this.dataSource.query<PersonSqlRow[]>(
        `${SELECT_PEOPLE} WHERE ${pageWhere} ORDER BY u.name, u.id LIMIT ${query.pageSize + 1} OFFSET ${offset}`,
        params,
      ),
      this.dataSource.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM app_user u WHERE ${filters}`,
        countParams,
      ),
    ]);
    const items = rows.slice(0, query.pageSize);
    const last = items.at(-1);
    return {
      items: items.map(toView),
      total: count?.total ?? 0,
      page: query.page,
      pageSize: query.pageSize,
      nextCursor: rows.length > query.pageSize && last ? encodePeopleCursor(last.name, last.id) : null,
    };
  }

  async get(organisationId: string, userId: string, manager = this.dataSource.manager): Promise<PersonView> {
    const [row] = await manager.query<PersonSqlRow[]>(
      `${SELECT_PEOPLE} WHERE u.organisation_id = $1 AND u.id = $2`,
      [organisationId, userId],
    );
    if (!row) throw notFound('The person');
    return toView(row);
  }

  /**
   * A new person is `invited`: no password yet. With mail configured their invitation email is
   * queued in the same transaction; without, an administrator copies the link from their page.
   * People the directory creates (SCIM) are not invited (`invite: false`): they sign in through
   * the identity provider, and a first sync of thousands must not send thousands of emails.
   */
  create(
    actor: Actor,
    input: CreateInput & Partial<DirectoryLink>,
    options: ChangeSource = {},
  ): Promise<PersonView> {
    return this.write(async (tx) => {
      await lockPeopleOf(tx, actor.organisationId);
      const record: PersonRecord = { externalId: null, scimUserName: null, ...input, active: true };
      await this.check(tx, actor.organisationId, null, null, record);
      const [row] = await tx.query<{ id: string }[]>(
        `INSERT INTO app_user (organisation_id, name, email, role, department_id, manager_id, sensitivity_tier,
                               job_title, start_date, active, external_id, scim_user_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, true, $10, $11) RETURNING id`,
        [
          actor.organisationId,
          record.name,
          record.email,
          record.role,
          record.departmentId,
          record.managerId,
          record.sensitivityTier,
          record.jobTitle,
          record.startDate,
          record.externalId,
          record.scimUserName,
        ],
      );
      await this.audit.record(tx, {
        organisationId: actor.organisationId,
        actorId: actor.userId,
        action: 'person.created',
        subjectType: 'person',
        subjectId: row!.id,
        details: { before: null, after: record, ...viaDetails(actor), ...sourceOf(options) },
      });
      if (options.invite !== false)
        await this.credentials.inviteNewPeople(tx, actor.organisationId, [row!.id], actor.userId);
      await this.programme.peopleChanged(tx, actor.organisationId); // assignment rules for the joiner
      return this.get(actor.organisationId, row!.id, tx);
    });
  }

  /**
   * A changed role takes effect at the person's next request: remembered sessions are forgotten.
   * The directory's changes (SCIM) come here too, `active` included: one that deactivates ends
   * the sessions exactly as `deactivate` does, in the same transaction.
   */
  async update(
    actor: Actor,
    userId: string,
    input: DirectoryChange,
    options: ChangeSource = {},
  ): Promise<PersonView> {
    const view = await this.change(
      actor,
      userId,
      'person.updated',
      (before) => ({ ...before, ...stripUndefined(input) }),
      options,
    );
    if (input.role || input.active === false) this.auth.forgetUser(userId);
    return view;
  }

  /**
   * Ends every session of the person (their rows, and this replica's memory of them) in the same
   * transaction that marks them deactivated; their assignments, attempts and completions stay.
   */
  async deactivate(actor: Actor, userId: string): Promise<PersonView> {
    const view = await this.change(actor, userId, 'person.deactivated', (before) => ({
      ...before,
      active: false,
    }));
    this.auth.forgetUser(userId);
    return view;
  }

  reactivate(actor: Actor, userId: string): Promise<PersonView> {
    return this.change(actor, userId, 'person.reactivated', (before) => ({ ...before, active: true }));
  }

  /**
   * Moves these people into a department, or (null) out of theirs — only out of `onlyFrom` when
   * given: the directory's group membership (SCIM), where one request may name thousands. One
   * transaction under the people lock, one statement for the moves and one for their audit events
   * (each on the person's own trail, as a merge records them), the programme re-evaluated once.
   * Returns how many moved; someone already there is left alone.
   */
  moveToDepartment(
    actor: Actor,
    userIds: readonly string[],
    departmentId: string | null,
    options: { onlyFrom?: string } = {},
  ): Promise<number> {
    if (userIds.length === 0) return Promise.resolve(0);
    return this.write(async (tx) => {
      await lockPeopleOf(tx, actor.organisationId);
      if (departmentId) {
        const [found] = await tx.query<unknown[]>(
          `SELECT 1 FROM department WHERE organisation_id = $1 AND id = $2`,
          [actor.organisationId, departmentId],
        );
        if (!found) throw notFound('The department');
      }
      const moved = await tx.query<{ id: string; before: string | null }[]>(
        `WITH target AS (
           SELECT id, department_id AS before FROM app_user
            WHERE organisation_id = $1 AND id = ANY($2::uuid[]) AND department_id IS DISTINCT FROM $3::uuid
              AND ($4::uuid IS NULL OR department_id = $4::uuid)
            FOR UPDATE
         ), moved AS (
           UPDATE app_user u SET department_id = $3 FROM target t WHERE u.id = t.id RETURNING u.id, t.before
         ) SELECT id, before FROM moved`,
        [actor.organisationId, userIds, departmentId, options.onlyFrom ?? null],
      );
      if (moved.length === 0) return 0;
      await tx.query(
        `INSERT INTO audit_event (organisation_id, actor_id, action, subject_type, subject_id, details)
         SELECT $1, $2, 'person.updated', 'person', m.id,
                jsonb_build_object('before', jsonb_build_object('departmentId', m.before),
                                   'after', jsonb_build_object('departmentId', $3::uuid)) || $4::jsonb
           FROM unnest($5::uuid[], $6::uuid[]) AS m (id, before)`,
        [
          actor.organisationId,
          actor.userId,
          departmentId,
          viaDetails(actor),
          moved.map((m) => m.id),
          moved.map((m) => m.before),
        ],
      );
      await this.programme.peopleChanged(tx, actor.organisationId); // movers' rule assignments
      return moved.length;
    });
  }

  /** Reads the person locked, applies `next`, checks the rules, writes and audits what changed. */
  private change(
    actor: Actor,
    userId: string,
    action: 'person.updated' | 'person.deactivated' | 'person.reactivated',
    next: (before: PersonRecord) => PersonRecord,
    options: ChangeSource = {},
  ): Promise<PersonView> {
    return this.write(async (tx) => {
      await lockPeopleOf(tx, actor.organisationId);
      const [before] = await tx.query<PersonRecord[]>(
        `${SELECT_RECORD} WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
        [actor.organisationId, userId],
      );
      if (!before) throw notFound('The person');
      const after = next(before);
      const changed = RECORD_FIELDS.filter((field) => before[field] !== after[field]);
      // Saving what is already there changes nothing and records nothing.
      if (changed.length === 0) return this.get(actor.organisationId, userId, tx);
      await this.check(tx, actor.organisationId, userId, before, after);
      await tx.query(
        `UPDATE app_user SET name = $3, email = $4, role = $5, department_id = $6, manager_id = $7,
                sensitivity_tier = $8, job_title = $9, start_date = $10, active = $11,
                external_id = $12, scim_user_name = $13
          WHERE organisation_id = $1 AND id = $2`,
        [
          actor.organisationId,
          userId,
          after.name,
          after.email,
          after.role,
          after.departmentId,
          after.managerId,
          after.sensitivityTier,
          after.jobTitle,
          after.startDate,
          after.active,
          after.externalId,
          after.scimUserName,
        ],
      );
      const details: Record<string, unknown> = {
        before: Object.fromEntries(changed.map((f) => [f, before[f]])),
        after: Object.fromEntries(changed.map((f) => [f, after[f]])),
        ...viaDetails(actor),
        ...sourceOf(options),
      };
      if (before.active && !after.active) {
        const ended = await tx.query<unknown[]>(
          `WITH ended AS (DELETE FROM user_session WHERE organisation_id = $1 AND user_id = $2 RETURNING 1)
           SELECT 1 FROM ended`,
          [actor.organisationId, userId],
        );
        details.sessionsEnded = ended.length;
      }
      await this.audit.record(tx, {
        organisationId: actor.organisationId,
        actorId: actor.userId,
        // An edit that flips `active` (alone, or with the directory's other changes) is recorded
        // as what it is: a deactivation or reactivation.
        action: changed.includes('active') ? activeAction(after.active) : action,
        subjectType: 'person',
        subjectId: userId,
        details,
      });
      await this.programme.peopleChanged(tx, actor.organisationId); // who the rules match may have changed
      return this.get(actor.organisationId, userId, tx);
    });
  }

  /** The rules a person's record must keep; `userId` and `before` are null for a new person. */
  private async check(
    tx: EntityManager,
    organisationId: string,
    userId: string | null,
    before: PersonRecord | null,
    after: PersonRecord,
  ): Promise<void> {
    if (after.email !== before?.email) {
      const [taken] = await tx.query<unknown[]>(`SELECT 1 FROM app_user WHERE email = $1`, [after.email]);
      if (taken) throw emailTaken();
    }
    if (after.externalId && after.externalId !== before?.externalId) {
      const [taken] = await tx.query<unknown[]>(
        `SELECT 1 FROM app_user WHERE organisation_id = $1 AND external_id = $2`,
        [organisationId, after.externalId],
      );
      if (taken) throw externalIdTaken();
    }
    if (after.scimUserName && after.scimUserName.toLowerCase() !== before?.scimUserName?.toLowerCase()) {
      const [taken] = await tx.query<unknown[]>(
        `SELECT 1 FROM app_user
          WHERE organisation_id = $1 AND lower(coalesce(scim_user_name, email)) = lower($2)
            AND id IS DISTINCT FROM $3::uuid`,
        [organisationId, after.scimUserName, userId],
      );
      if (taken) throw userNameTaken();
    }
    if (after.departmentId && after.departmentId !== before?.departmentId) {
      const [found] = await tx.query<unknown[]>(
        `SELECT 1 FROM department WHERE organisation_id = $1 AND id = $2`,
        [organisationId, after.departmentId],
      );
      if (!found) {
        throw unprocessable('unknown_department', 'That department does not exist in this organisation.', [
          { field: 'departmentId', message: 'is not a department of this organisation' },
        ]);
      }
    }
    if (after.managerId && after.managerId !== before?.managerId) {
      await this.checkManager(tx, organisationId, userId, after.managerId);
    }
    const wasAdmin = before?.role === 'admin' && before.active;
    const staysAdmin = after.role === 'admin' && after.active;
    if (userId && wasAdmin && !staysAdmin) {
      const [others] = await tx.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM app_user
          WHERE organisation_id = $1 AND role = 'admin' AND active AND id <> $2`,
        [organisationId, userId],
      );
      if (!others?.n) {
        throw conflict(
          'last_admin',
          after.active
            ? 'This is the last active administrator: make someone else an administrator before changing their role.'
            : 'This is the last active administrator: make someone else an administrator before deactivating them.',
        );
      }
    }
  }

  /**
   * The manager must be someone of this organisation, and not the person nor anyone below them:
   * walking up from the proposed manager (a recursive CTE; UNION stops at any loop already there)
   * must never reach the person.
   */
  private async checkManager(
    tx: EntityManager,
    organisationId: string,
    userId: string | null,
    managerId: string,
  ): Promise<void> {
    const [manager] = await tx.query<{ name: string }[]>(
      `SELECT name FROM app_user WHERE organisation_id = $1 AND id = $2`,
      [organisationId, managerId],
    );
    if (!manager) {
      throw unprocessable('unknown_manager', 'The manager must be someone in this organisation.', [
        { field: 'managerId', message: 'is not a person of this organisation' },
      ]);
    }
    if (!userId) return;
    if (managerId === userId) {
      throw unprocessable('manager_cycle', 'No one can be their own manager.', [
        { field: 'managerId', message: 'cannot be the person themselves' },
      ]);
    }
    const [{ cycle }] = (await tx.query<{ cycle: boolean }[]>(
      `WITH RECURSIVE chain (id, manager_id) AS (
         SELECT id, manager_id FROM app_user WHERE organisation_id = $1 AND id = $2
         UNION
         SELECT u.id, u.manager_id FROM app_user u JOIN chain c ON u.id = c.manager_id
          WHERE u.organisation_id = $1
       )
       SELECT EXISTS (SELECT 1 FROM chain WHERE id = $3) AS cycle`,
      [organisationId, managerId, userId],
    )) as [{ cycle: boolean }];
    if (cycle) {
      throw unprocessable(
        'manager_cycle',
        `${manager.name} reports to this person (directly or through others), so cannot be their manager.`,
        [{ field: 'managerId', message: 'reports to this person: that would make a circle' }],
      );
    }
  }

  private async write<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      // Two administrators adding the same address at once: the loser gets the same 409.
      if (isUniqueViolation(error, 'app_user_email_key')) throw emailTaken();
      if (isUniqueViolation(error, 'app_user_external_id_key')) throw externalIdTaken();
      if (isUniqueViolation(error, 'app_user_scim_user_name_key')) throw userNameTaken();
      throw error;
    }
  }
}

const emailTaken = () =>
  conflict('email_taken', 'Someone already has this email address.', [
    { field: 'email', message: 'is already in use' },
  ]);

const externalIdTaken = () =>
  conflict('external_id_taken', 'Someone in this organisation already has this directory id.', [
    { field: 'externalId', message: 'is already in use' },
  ]);

const userNameTaken = () =>
  conflict('user_name_taken', 'Someone in this organisation already has this user name.', [
    { field: 'userName', message: 'is already in use' },
  ]);

const sourceOf = (options: ChangeSource) => (options.source ? { source: options.source } : {});

const activeAction = (active: boolean) => (active ? 'person.reactivated' : 'person.deactivated');

function stripUndefined<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function status(r: PersonSqlRow): PersonStatus {
  if (!r.active) return 'deactivated';
  return r.has_password ? 'active' : 'invited';
}

function toView(r: PersonSqlRow): PersonView {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role,
    department: r.dept_id && r.dept_name ? { id: r.dept_id, name: r.dept_name } : null,
    manager: r.manager_id && r.manager_name ? { id: r.manager_id, name: r.manager_name } : null,
    sensitivityTier: r.tier,
    jobTitle: r.job_title,
    startDate: r.start_date,
    status: status(r),
    invitationExpiresAt:
      r.invitation_expires_at && !r.has_password ? new Date(r.invitation_expires_at).toISOString() : null,
    lastSignInAt: r.last_sign_in_at ? new Date(r.last_sign_in_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
