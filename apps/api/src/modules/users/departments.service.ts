import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DepartmentView } from '@countersign/contracts/directory';
import type { DepartmentMergeResult } from '@countersign/contracts/people';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, viaDetails } from '../../common/auth-context.js';
import { conflict, notFound, unprocessable } from '../../common/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { ProgrammeRunner } from '../programme/programme-runner.service.js';
import { isUniqueViolation, lockPeopleOf } from './people-lock.js';

/**
 * Departments as administrators manage them: create, rename, merge (people move, then the source
 * goes), delete when empty. Each change and its audit event commit together.
 */
@Injectable()
export class DepartmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly programme: ProgrammeRunner,
  ) {}

  /**
   * `externalId`: the directory's id of the group it stands for (SCIM), if any. `source: 'sso'`:
   * made because an identity provider named it at someone's sign-in.
   */
  create(
    auth: Actor,
    name: string,
    options: { externalId?: string | null; source?: 'sso' } = {},
  ): Promise<DepartmentView> {
    const externalId = options.externalId ?? null;
    return this.write(async (tx) => {
      await this.assertNameFree(tx, auth.organisationId, name, null);
      if (externalId) await this.assertExternalIdFree(tx, auth.organisationId, externalId, null);
      const [row] = await tx.query<{ id: string }[]>(
        `INSERT INTO department (organisation_id, name, external_id) VALUES ($1, $2, $3) RETURNING id`,
        [auth.organisationId, name, externalId],
      );
      const after = externalId ? { name, externalId } : { name };
      await this.record(tx, auth, 'department.created', row!.id, {
        before: null,
        after,
        ...(options.source ? { source: options.source } : {}),
      });
      return { id: row!.id, name, memberCount: 0 };
    });
  }

  /**
   * Links the department to the directory group with this id (or unlinks it, with null): how an
   * identity provider that found an existing department by name claims it.
   */
  link(auth: Actor, departmentId: string, externalId: string | null): Promise<DepartmentView> {
    return this.write(async (tx) => {
      await this.lock(tx, auth.organisationId, departmentId);
      const [before] = await tx.query<{ externalId: string | null }[]>(
        `SELECT external_id AS "externalId" FROM department WHERE organisation_id = $1 AND id = $2`,
        [auth.organisationId, departmentId],
      );
      if (before!.externalId !== externalId) {
        if (externalId) await this.assertExternalIdFree(tx, auth.organisationId, externalId, departmentId);
        await tx.query(`UPDATE department SET external_id = $3 WHERE organisation_id = $1 AND id = $2`, [
          auth.organisationId,
          departmentId,
          externalId,
        ]);
        await this.record(tx, auth, 'department.linked', departmentId, {
          before: { externalId: before!.externalId },
          after: { externalId },
        });
      }
      return this.view(tx, auth.organisationId, departmentId);
    });
  }

  rename(auth: Actor, departmentId: string, name: string): Promise<DepartmentView> {
    return this.write(async (tx) => {
      const before = await this.lock(tx, auth.organisationId, departmentId);
      if (before.name !== name) {
        await this.assertNameFree(tx, auth.organisationId, name, departmentId);
        await tx.query(`UPDATE department SET name = $3 WHERE organisation_id = $1 AND id = $2`, [
          auth.organisationId,
          departmentId,
          name,
        ]);
        await this.record(tx, auth, 'department.renamed', departmentId, {
          before: { name: before.name },
          after: { name },
        });
      }
      return this.view(tx, auth.organisationId, departmentId);
    });
  }

  /**
   * Moves everyone of `departmentId` (deactivated people too) into `intoId`, records each move on
   * the person's own trail, then deletes the emptied department.
   */
  merge(auth: Actor, departmentId: string, intoId: string): Promise<DepartmentMergeResult> {
    if (departmentId === intoId) {
      throw unprocessable('merge_into_itself', 'A department cannot be merged into itself.', [
        { field: 'intoDepartmentId', message: 'must be another department' },
      ]);
    }
    return this.write(async (tx) => {
      await lockPeopleOf(tx, auth.organisationId);
      const source = await this.lock(tx, auth.organisationId, departmentId);
      const [into] = await tx.query<{ name: string }[]>(
        `SELECT name FROM department WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
        [auth.organisationId, intoId],
      );
      if (!into) {
        throw unprocessable('unknown_department', 'The department to merge into does not exist here.', [
          { field: 'intoDepartmentId', message: 'is not a department of this organisation' },
        ]);
      }
      const moved = await tx.query<{ id: string }[]>(
        // As a CTE: TypeORM answers a bare UPDATE … RETURNING with [rows, count], a SELECT with rows.
        `WITH moved AS (
           UPDATE app_user SET department_id = $3 WHERE organisation_id = $1 AND department_id = $2 RETURNING id
         ) SELECT id FROM moved`,
        [auth.organisationId, departmentId, intoId],
      );
      if (moved.length > 0) {
        // One statement for every person's event, however large the department.
        await tx.query(
          `INSERT INTO audit_event (organisation_id, actor_id, action, subject_type, subject_id, details)
           SELECT $1, $2, 'person.updated', 'person', id,
                  jsonb_build_object('before', jsonb_build_object('departmentId', $3::uuid),
                                     'after', jsonb_build_object('departmentId', $4::uuid),
                                     'mergedFrom', $5::text)
             FROM unnest($6::uuid[]) AS id`,
          [auth.organisationId, auth.userId, departmentId, intoId, source.name, moved.map((m) => m.id)],
        );
      }
      // Assignment rules that named the merged department now name the one it went into.
      await tx.query(
        `UPDATE assignment_rule
            SET department_ids = ARRAY(SELECT DISTINCT unnest(array_replace(department_ids, $2::uuid, $3::uuid))),
                updated_at = now()
          WHERE organisation_id = $1 AND $2::uuid = ANY (department_ids)`,
        [auth.organisationId, departmentId, intoId],
      );
      await tx.query(`DELETE FROM department WHERE organisation_id = $1 AND id = $2`, [
        auth.organisationId,
        departmentId,
      ]);
      await this.programme.peopleChanged(tx, auth.organisationId);
      await this.record(tx, auth, 'department.merged', departmentId, {
        before: { name: source.name },
        after: null,
        into: { id: intoId, name: into.name },
        moved: moved.length,
      });
      return { into: await this.view(tx, auth.organisationId, intoId), moved: moved.length };
    });
  }

  /** Only an empty department goes: people (deactivated ones too) keep their department as evidence. */
  remove(auth: Actor, departmentId: string): Promise<void> {
    return this.write(async (tx) => {
      await lockPeopleOf(tx, auth.organisationId);
      const before = await this.lock(tx, auth.organisationId, departmentId);
      const [count] = await tx.query<{ active: number; inactive: number }[]>(
        `SELECT count(*) FILTER (WHERE active)::int AS active, count(*) FILTER (WHERE NOT active)::int AS inactive
           FROM app_user WHERE organisation_id = $1 AND department_id = $2`,
        [auth.organisationId, departmentId],
      );
      const total = (count?.active ?? 0) + (count?.inactive ?? 0);
      if (total > 0) {
        const who =
          `${total} ${total === 1 ? 'person' : 'people'}` +
          (count!.inactive ? ` (${count!.inactive} deactivated)` : '');
        throw conflict(
          'department_not_empty',
          `${before.name} still has ${who}. Move them to another department, or merge this one into another.`,
          { people: total, deactivated: count!.inactive },
        );
      }
      const rules = await tx.query<{ name: string }[]>(
        `SELECT name FROM assignment_rule WHERE organisation_id = $1 AND $2::uuid = ANY (department_ids) ORDER BY name`,
        [auth.organisationId, departmentId],
      );
      if (rules.length) {
        throw conflict(
          'department_in_rules',
          `${before.name} is in the audience of the assignment rule(s) ${rules.map((r) => `"${r.name}"`).join(', ')}. Change those rules first.`,
          { rules: rules.map((r) => r.name) },
        );
      }
      await tx.query(`DELETE FROM department WHERE organisation_id = $1 AND id = $2`, [
        auth.organisationId,
        departmentId,
      ]);
      await this.record(tx, auth, 'department.deleted', departmentId, {
        before: { name: before.name },
        after: null,
      });
    });
  }

  private async lock(tx: EntityManager, organisationId: string, departmentId: string) {
    const [row] = await tx.query<{ name: string }[]>(
      `SELECT name FROM department WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
      [organisationId, departmentId],
    );
    if (!row) throw notFound('The department');
    return row;
  }

  private async view(
    tx: EntityManager,
    organisationId: string,
    departmentId: string,
  ): Promise<DepartmentView> {
    const [row] = await tx.query<DepartmentView[]>(
      `SELECT d.id, d.name, count(u.id)::int AS "memberCount"
         FROM department d LEFT JOIN app_user u ON u.department_id = d.id AND u.active
        WHERE d.organisation_id = $1 AND d.id = $2 GROUP BY d.id`,
      [organisationId, departmentId],
    );
    return row!;
  }

  private async assertNameFree(
    tx: EntityManager,
    organisationId: string,
    name: string,
    except: string | null,
  ) {
    const [taken] = await tx.query<unknown[]>(
      `SELECT 1 FROM department WHERE organisation_id = $1 AND name = $2 AND id IS DISTINCT FROM $3::uuid`,
      [organisationId, name, except],
    );
    if (taken) throw nameTaken();
  }

  private async assertExternalIdFree(
    tx: EntityManager,
    organisationId: string,
    externalId: string,
    except: string | null,
  ) {
    const [taken] = await tx.query<unknown[]>(
      `SELECT 1 FROM department WHERE organisation_id = $1 AND external_id = $2 AND id IS DISTINCT FROM $3::uuid`,
      [organisationId, externalId, except],
    );
    if (taken) throw externalIdTaken();
  }

  private record(
    tx: EntityManager,
    auth: Actor,
    action:
      | 'department.created'
      | 'department.renamed'
      | 'department.linked'
      | 'department.merged'
      | 'department.deleted',
    departmentId: string,
    details: Record<string, unknown>,
  ) {
    return this.audit.record(tx, {
      organisationId: auth.organisationId,
      actorId: auth.userId,
      action,
      subjectType: 'department',
      subjectId: departmentId,
      details: { ...details, ...viaDetails(auth) },
    });
  }

  private async write<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error, 'department_organisation_id_name_key')) throw nameTaken();
      if (isUniqueViolation(error, 'department_external_id_key')) throw externalIdTaken();
      throw error;
    }
  }
}

const externalIdTaken = () =>
  conflict('external_id_taken', 'Another department is already linked to this directory group.', [
    { field: 'externalId', message: 'is already in use' },
  ]);

const nameTaken = () =>
  conflict('department_name_taken', 'There is already a department with this name.', [
    { field: 'name', message: 'is already the name of a department' },
  ]);
