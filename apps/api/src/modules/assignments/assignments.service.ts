import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateAssignmentsResponse } from '@countersign/contracts/assignments';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../common/auth-context.js';
import { conflict, unprocessable } from '../../common/domain-error.js';
import { TrainingService } from '../training/training.service.js';

export interface AssignInput {
  moduleId: string;
  dueDate: string;
  departmentIds: string[];
  userIds: string[];
}

@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly training: TrainingService,
  ) {}

  /**
   * Assigns a published module to everyone in the chosen departments plus the chosen people.
   * One statement, so it is all or nothing; people who already have the module keep their
   * existing assignment and due date, which also makes a retried request harmless.
   */
  async assign(auth: AuthContext, input: AssignInput): Promise<CreateAssignmentsResponse> {
    const module = await this.training.getModule(auth.organisationId, input.moduleId);
    if (module.archivedAt) {
      throw conflict('module_archived', 'This module is archived. Unarchive it before assigning it.');
    }
    if (!(await this.training.latestPublished(auth.organisationId, input.moduleId))) {
      throw conflict('module_not_published', 'Publish this module before assigning it.');
    }
    if (input.dueDate < new Date().toISOString().slice(0, 10)) {
      throw unprocessable('due_date_in_past', 'The due date cannot be in the past.', [
        { field: 'dueDate', message: 'cannot be in the past' },
      ]);
    }
    await this.assertAllFound(auth.organisationId, 'department', input.departmentIds, 'departmentIds');
    await this.assertAllFound(auth.organisationId, 'app_user', input.userIds, 'userIds');

    const [row] = await this.dataSource.query<{ targeted: number; created: number }[]>(
      `WITH target AS (
         SELECT u.id FROM app_user u
          WHERE u.organisation_id = $1 AND u.active
            AND (u.department_id = ANY($2::uuid[]) OR u.id = ANY($3::uuid[]))
       ), inserted AS (
         INSERT INTO assignment (organisation_id, user_id, module_id, due_date, assigned_by, source)
         SELECT $1, t.id, $4, $5::date, $6, 'manual' FROM target t
         ON CONFLICT (user_id, module_id) DO NOTHING
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM target)::int AS targeted, (SELECT count(*) FROM inserted)::int AS created`,
      [auth.organisationId, input.departmentIds, input.userIds, input.moduleId, input.dueDate, auth.userId],
    );
    return { created: row!.created, alreadyAssigned: row!.targeted - row!.created };
  }

  /** Ids from another organisation are reported exactly like ids that do not exist. */
  private async assertAllFound(
    organisationId: string,
    table: 'department' | 'app_user',
    ids: string[],
    field: string,
  ) {
    if (!ids.length) return;
    const found = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM ${table} WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
      [organisationId, ids],
    );
    const known = new Set(found.map((r) => r.id));
    const missing = [...new Set(ids)].filter((id) => !known.has(id));
    if (missing.length) {
      throw unprocessable('unknown_ids', `${field} contains ids that do not exist: ${missing.join(', ')}`, [
        { field, message: `unknown: ${missing.join(', ')}` },
      ]);
    }
  }
}
