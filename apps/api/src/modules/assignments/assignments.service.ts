import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateAssignmentsResponse } from '@countersign/contracts/assignments';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../common/auth-context.js';
import { conflict, unprocessable } from '../../common/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
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
    private readonly audit: AuditService,
  ) {}

  /**
   * Assigns a published module to everyone in the chosen departments plus the chosen people.
   * One statement, so it is all or nothing; people who already have the module keep their
   * existing assignment and due date, which also makes a retried request harmless. Audited.
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

    return this.dataSource.transaction(async (tx) => {
      const [row] = await tx.query<{ targeted: number; created: number }[]>(
        `WITH target AS (
         SELECT u.id FROM app_user u
          WHERE u.organisation_id = $1 AND u.active
            AND (u.department_id = ANY($2::uuid[]) OR u.id = ANY($3::uuid[]))
       ), inserted AS (
         INSERT INTO assignment (organisation_id, user_id, module_id, due_date, assigned_by, source)
         SELECT $1, t.id, $4, $5::date, $6, 'manual' FROM target t
         ON CONFLICT DO NOTHING -- a current assignment (any cycle) stays as it is
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM target)::int AS targeted, (SELECT count(*) FROM inserted)::int AS created`,
        [auth.organisationId, input.departmentIds, input.userIds, input.moduleId, input.dueDate, auth.userId],
      );
      const result = { created: row!.created, alreadyAssigned: row!.targeted - row!.created };
      await this.audit.record(tx, {
        organisationId: auth.organisationId,
        actorId: auth.userId,
        action: 'assignments.created',
        subjectType: 'training_module',
        subjectId: input.moduleId,
        details: {
          dueDate: input.dueDate,
          departmentIds: input.departmentIds,
          userIds: input.userIds,
          ...result,
        },
      });
      return result;
    });
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
