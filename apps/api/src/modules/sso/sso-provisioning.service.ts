import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@countersign/contracts/permissions';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth-context.js';
import { DomainError } from '../../common/domain-error.js';
import { DepartmentsService } from '../users/departments.service.js';
import { PeopleService } from '../users/people.service.js';
import type { SsoConnection } from './sso-connection.service.js';
import { SsoSignInError } from './sso.errors.js';

/** What the provider said about the person, read through the connection's claim mapping. */
export interface ProvidedPerson {
  issuer: string;
  subject: string;
  email: string;
  name: string | null;
  department: string | null;
  /** Null when the connection maps no groups claim: roles are then managed in Countersign. */
  groups: string[] | null;
}

const ROLE_RANK: Record<Role, number> = { employee: 0, officer: 1, admin: 2 };

/**
 * Just-in-time provisioning: the person the provider vouched for is created, or brought up to
 * date, through the same PeopleService (and DepartmentsService) the admin UI uses, so the audit
 * trail (actor: the system, `source: 'sso'`) and the Programme's joiner rules behave alike.
 *
 * A person is found by the provider's (issuer, subject) first; the first time, by email within
 * the organisation, and the identity is linked to them.
 */
@Injectable()
export class SsoProvisioningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly departments: DepartmentsService,
  ) {}

  async provision(connection: SsoConnection, person: ProvidedPerson): Promise<string> {
    const actor: Actor = { organisationId: connection.organisationId, userId: null };
    const existing = await this.findPerson(connection, person);
    const departmentId = person.department ? await this.department(actor, person.department) : undefined;
    const role = mappedRole(connection, person.groups);
    const name = (person.name ?? person.email.slice(0, person.email.indexOf('@'))).slice(0, 200);

    if (!existing) {
      const created = await this.people
        .create(
          actor,
          {
            name,
            email: person.email,
            role: role ?? connection.defaultRole,
            departmentId: departmentId ?? null,
            managerId: null,
            sensitivityTier: 'standard',
            jobTitle: null,
            startDate: null,
          },
          { source: 'sso', invite: false },
        )
        .catch((error: unknown) => {
          if (error instanceof DomainError && error.code === 'email_taken')
            throw new SsoSignInError('email_in_use', 'the address was taken at the same moment');
          throw error;
        });
      await this.link(connection, person, created.id);
      return created.id;
    }

    if (!existing.active)
      throw new SsoSignInError('account_deactivated', `person ${existing.id} is deactivated`);
    if (!existing.linked) await this.link(connection, person, existing.id);
    const changes = {
      ...(person.name ? { name } : {}),
      ...(existing.email !== person.email ? { email: person.email } : {}),
      ...(departmentId !== undefined ? { departmentId } : {}),
      ...(role ? { role } : {}),
    };
    try {
      await this.people.update(actor, existing.id, changes, { source: 'sso' });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'last_admin' && changes.role) {
        // The provider would demote the organisation's last administrator: keep the role, apply the rest.
        const { role: _kept, ...rest } = changes;
        await this.people.update(actor, existing.id, rest, { source: 'sso' });
      } else if (error.code === 'email_taken') {
        throw new SsoSignInError('email_in_use', 'the new address belongs to someone else');
      } else throw error;
    }
    await this.dataSource.query(
      `UPDATE sso_identity SET last_sign_in_at = now() WHERE issuer = $1 AND subject = $2`,
      [person.issuer, person.subject],
    );
    return existing.id;
  }

  private async findPerson(
    connection: SsoConnection,
    person: ProvidedPerson,
  ): Promise<{ id: string; email: string; active: boolean; linked: boolean } | null> {
    const [byIdentity] = await this.dataSource.query<
      { id: string; email: string; active: boolean; org: string }[]
    >(
      `SELECT u.id, u.email, u.active, u.organisation_id AS org
         FROM sso_identity i JOIN app_user u ON u.id = i.user_id
        WHERE i.issuer = $1 AND i.subject = $2`,
      [person.issuer, person.subject],
    );
    if (byIdentity) {
      if (byIdentity.org !== connection.organisationId)
        throw new SsoSignInError(
          'email_in_use',
          'the identity is linked to a person of another organisation',
        );
      return { ...byIdentity, linked: true };
    }
    const [byEmail] = await this.dataSource.query<
      { id: string; email: string; active: boolean; org: string; other_subject: boolean }[]
    >(
      `SELECT u.id, u.email, u.active, u.organisation_id AS org,
              EXISTS (SELECT 1 FROM sso_identity i WHERE i.user_id = u.id AND i.issuer = $2) AS other_subject
         FROM app_user u WHERE u.email = $1`,
      [person.email, person.issuer],
    );
    if (!byEmail) return null;
    if (byEmail.org !== connection.organisationId)
      throw new SsoSignInError('email_in_use', 'the address belongs to a person of another organisation');
    // Already linked to another account at this provider: an address handed on is not a takeover.
    if (byEmail.other_subject)
      throw new SsoSignInError('identity_conflict', `person ${byEmail.id} is linked to another subject`);
    return { id: byEmail.id, email: byEmail.email, active: byEmail.active, linked: false };
  }

  private async link(connection: SsoConnection, person: ProvidedPerson, userId: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO sso_identity (issuer, subject, organisation_id, user_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [person.issuer, person.subject, connection.organisationId, userId],
    );
  }

  /** The department of that name (any case), created (and audited) when the organisation has none. */
  private async department(actor: Actor, rawName: string): Promise<string> {
    const name = rawName.trim().slice(0, 200);
    const find = async () =>
      (
        await this.dataSource.query<{ id: string }[]>(
          `SELECT id FROM department WHERE organisation_id = $1 AND lower(name) = lower($2) ORDER BY created_at LIMIT 1`,
          [actor.organisationId, name],
        )
      )[0]?.id;
    const found = await find();
    if (found) return found;
    try {
      return (await this.departments.create(actor, name, { source: 'sso' })).id;
    } catch (error) {
      // Two first sign-ins of the same new department at once: the other made it.
      if (error instanceof DomainError && error.code === 'department_name_taken') {
        const made = await find();
        if (made) return made;
      }
      throw error;
    }
  }
}

/**
 * The most privileged role among the person's mapped groups; the default role when none of their
 * groups is mapped; null when the connection has no groups claim (roles stay as Countersign has them).
 */
function mappedRole(connection: SsoConnection, groups: string[] | null): Role | null {
  if (groups === null) return null;
  const have = new Set(groups);
  let best: Role | null = null;
  for (const m of connection.roleMappings)
    if (have.has(m.group) && (best === null || ROLE_RANK[m.role] > ROLE_RANK[best])) best = m.role;
  return best ?? connection.defaultRole;
}
