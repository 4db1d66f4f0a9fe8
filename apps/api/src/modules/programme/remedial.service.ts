import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { NotificationsService } from '../notifications/notifications.service.js';

/** The remedial module's due date: this many days after it is assigned. */
export const REMEDIAL_DUE_DAYS = 14;

export type RemedialCause = { kind: 'failed-rounds'; rounds: number } | { kind: 'compromised' };

/**
 * Remedial training: when a learner fails K quiz rounds of a rule's module (or reaches a
 * compromised ending in its scenario) and the rule says so, they are assigned the rule's remedial
 * module (source 'remedial', due in 14 days) and the officers are told. Once per module: someone
 * who already has the remedial module current is not assigned it again.
 */
@Injectable()
export class RemedialService {
  constructor(
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  /** Called in the learner's transaction; returns whether remedial training was assigned. */
  async after(tx: EntityManager, assignmentId: string, cause: RemedialCause): Promise<boolean> {
    const [rule] = await tx.query<
      {
        organisation_id: string;
        user_id: string;
        person: string;
        module_title: string;
        remedial_module_id: string;
        remedial_title: string;
      }[]
    >(
      `SELECT a.organisation_id, a.user_id, u.name AS person, m.title AS module_title,
              r.remedial_module_id, rm.title AS remedial_title
         FROM assignment a
         JOIN assignment_rule r ON r.id = a.rule_id AND r.enabled AND r.remedial_module_id IS NOT NULL
         JOIN app_user u ON u.id = a.user_id
         JOIN training_module m ON m.id = a.module_id
         JOIN training_module rm ON rm.id = r.remedial_module_id AND rm.archived_at IS NULL
        WHERE a.id = $1
          AND ${cause.kind === 'compromised' ? 'r.remedial_on_compromised' : 'r.remedial_after_failed_rounds = $2'}`,
      cause.kind === 'compromised' ? [assignmentId] : [assignmentId, cause.rounds],
    );
    if (!rule) return false;
    const due = new Date(this.clock.now().getTime() + REMEDIAL_DUE_DAYS * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const inserted = await tx.query<unknown[]>(
      `INSERT INTO assignment (organisation_id, user_id, module_id, due_date, source)
       SELECT $1, $2, $3, $4::date, 'remedial'
        WHERE NOT EXISTS (SELECT 1 FROM assignment a
                           WHERE a.user_id = $2 AND a.module_id = $3 AND a.superseded_at IS NULL)
       ON CONFLICT DO NOTHING
       RETURNING 1`,
      [rule.organisation_id, rule.user_id, rule.remedial_module_id, due],
    );
    if (!inserted.length) return false;
    const officers = await tx.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE organisation_id = $1 AND active AND role = 'officer' AND id <> $2`,
      [rule.organisation_id, rule.user_id],
    );
    const why =
      cause.kind === 'compromised'
        ? `reached a compromised ending in “${rule.module_title}”`
        : `failed ${cause.rounds} quiz rounds of “${rule.module_title}”`;
    await this.notifications.notify(tx, {
      organisationId: rule.organisation_id,
      userIds: officers.map((o) => o.id),
      kind: 'remedial-assigned',
      title: `${rule.person} was assigned “${rule.remedial_title}” as remedial training`,
      body: `${rule.person} ${why}, so the assignment rule gave them “${rule.remedial_title}”, due ${due}.`,
      link: `/officer/people/${rule.user_id}`,
      subjectId: assignmentId,
    });
    return true;
  }
}
