import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ParsedRuleInput,
  RuleList,
  RulePreview,
  RuleSaved,
  RuleView,
} from '@countersign/contracts/programme';
import type { Role } from '@countersign/contracts/permissions';
import type { SensitivityTier } from '@countersign/contracts/directory';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthContext } from '../../common/auth-context.js';
import { Clock } from '../../common/clock.js';
import { conflict, notFound, unprocessable } from '../../common/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { PROGRAMME_RUN_JOB } from './programme-runner.service.js';
import { evaluateRules, dueFor, RULE_MATCHES } from './rule-engine.js';

interface RuleRow {
  id: string;
  name: string;
  enabled: boolean;
  module_id: string;
  module_title: string;
  department_ids: string[];
  departments: { id: string; name: string }[];
  roles: Role[];
  tiers: SensitivityTier[];
  job_title_contains: string | null;
  started_on_or_after: string | null;
  started_before: string | null;
  due_date: string | null;
  due_days: number | null;
  recurrence_months: number | null;
  remind_before_days: number[];
  remind_on_due: boolean;
  remind_every_days_after: number | null;
  escalate_manager_after_days: number | null;
  escalate_officers_after_days: number | null;
  withdraw_when_unmatched: boolean;
  remedial_module_id: string | null;
  remedial_module_title: string | null;
  remedial_after_failed_rounds: number | null;
  remedial_on_compromised: boolean;
  matching: number;
  open: number;
  completed: number;
  created_at: Date;
  updated_at: Date;
}

const RULE_SELECT = `
  SELECT r.id, r.name, r.enabled, r.module_id, m.title AS module_title, r.department_ids,
         COALESCE((SELECT json_agg(json_build_object('id', d.id, 'name', d.name) ORDER BY d.name)
                     FROM department d WHERE d.id = ANY (r.department_ids)), '[]') AS departments,
         r.roles, r.tiers, r.job_title_contains,
         to_char(r.started_on_or_after, 'YYYY-MM-DD') AS started_on_or_after,
         to_char(r.started_before, 'YYYY-MM-DD') AS started_before,
         to_char(r.due_date, 'YYYY-MM-DD') AS due_date, r.due_days, r.recurrence_months,
         r.remind_before_days, r.remind_on_due, r.remind_every_days_after,
         r.escalate_manager_after_days, r.escalate_officers_after_days, r.withdraw_when_unmatched,
         r.remedial_module_id, rm.title AS remedial_module_title, r.remedial_after_failed_rounds,
         r.remedial_on_compromised,
         (SELECT count(*)::int FROM app_user u WHERE ${RULE_MATCHES}) AS matching,
         (SELECT count(*)::int FROM assignment a WHERE a.rule_id = r.id AND a.superseded_at IS NULL
             AND a.status <> 'completed') AS open,
         (SELECT count(*)::int FROM assignment a WHERE a.rule_id = r.id AND a.status = 'completed') AS completed,
         r.created_at, r.updated_at
    FROM assignment_rule r
    JOIN training_module m ON m.id = r.module_id
    LEFT JOIN training_module rm ON rm.id = r.remedial_module_id`;

/** Up to this many active people, a rule's assignments are made within the saving request. */
export const SYNC_EVALUATION_PEOPLE = 20_000;

/** The rule's columns as stored, in the order of RULE_PARAMS. */
function columnsOf(input: ParsedRuleInput): unknown[] {
  const a = input.audience;
  return [
    input.moduleId,
    a.departmentIds,
    a.roles,
    a.tiers,
    a.jobTitleContains,
    a.startedOnOrAfter,
    a.startedBefore,
    input.due.kind === 'fixed' ? input.due.date : null,
    input.due.kind === 'relative' ? input.due.days : null,
  ];
}

/** A rule given as parameters ($1 organisation, $2 id or NULL, $3… as columnsOf), as `r`. */
const RULE_PARAMS = `
  SELECT $1::uuid AS organisation_id, $2::uuid AS id, $3::uuid AS module_id, $4::uuid[] AS department_ids,
         $5::text[] AS roles, $6::text[] AS tiers, $7::text AS job_title_contains,
         $8::date AS started_on_or_after, $9::date AS started_before, $10::date AS due_date, $11::int AS due_days`;

/**
 * Assignment rules (admin): create, edit, delete, list, and a preview of what a save would do.
 * Saving evaluates the organisation's rules at once, in the same transaction, so the answer says
 * how many people were assigned; later changes to people are picked up by `programme.evaluate`.
 */
@Injectable()
export class RulesService {
  /** SYNC_EVALUATION_PEOPLE; tests lower it to exercise the large-organisation path. */
  syncEvaluationPeople = SYNC_EVALUATION_PEOPLE;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly jobs: JobQueue,
  ) {}

  /**
   * After a change to the rules: the assignments follow at once in an organisation of up to
   * 20,000 active people (the answer says how many); in a larger one the worker makes them within
   * a minute, so that no request holds a transaction over hundreds of thousands of rows. Either
   * way a programme run is queued, so today's reminders of new assignments go out now rather than
   * at the next hourly tick.
   */
  private async applyRules(tx: EntityManager, organisationId: string) {
    const large = await this.isLarge(tx, organisationId);
    // The run evaluates the rules only when this request does not.
    await this.jobs.send(
      PROGRAMME_RUN_JOB,
      { organisationId, evaluate: large },
      { tx, singletonKey: organisationId },
    );
    if (large) return { assigned: 0, withdrawn: 0, queued: true };
    const result = await evaluateRules(tx, organisationId, this.today());
    return { assigned: result.assigned, withdrawn: result.withdrawn, queued: false };
  }

  /** More active people than a request should evaluate rules for (see applyRules). */
  private async isLarge(tx: EntityManager, organisationId: string): Promise<boolean> {
    const [{ n } = { n: 0 }] = await tx.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM app_user WHERE organisation_id = $1 AND active`,
      [organisationId],
    );
    return n > this.syncEvaluationPeople;
  }

  private today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }

  async list(organisationId: string): Promise<RuleList> {
    const rows = await this.dataSource.query<RuleRow[]>(
      `${RULE_SELECT} WHERE r.organisation_id = $1 ORDER BY m.title, r.name, r.id`,
      [organisationId],
    );
    return { items: rows.map(toView) };
  }

  async get(organisationId: string, ruleId: string, manager: EntityManager = this.dataSource.manager) {
    const [row] = await manager.query<RuleRow[]>(
      `${RULE_SELECT} WHERE r.organisation_id = $1 AND r.id = $2`,
      [organisationId, ruleId],
    );
    if (!row) throw notFound('The rule');
    return toView(row);
  }

  /** What saving this rule (new, or as an edit of `ruleId`) would do now. Writes nothing. */
  async preview(auth: AuthContext, input: ParsedRuleInput, ruleId: string | null): Promise<RulePreview> {
    const org = auth.organisationId;
    await this.check(this.dataSource.manager, org, input, ruleId);
    const rule = [org, ruleId, ...columnsOf(input)];
    const [counts] = await this.dataSource.query<
      { matching: number; to_assign: number; to_withdraw: number }[]
    >(
      `WITH r AS (${RULE_PARAMS}),
       m AS (SELECT u.id FROM r JOIN app_user u ON ${RULE_MATCHES})
       SELECT (SELECT count(*)::int FROM m) AS matching,
              (SELECT count(*)::int FROM m WHERE NOT EXISTS (
                  SELECT 1 FROM assignment a WHERE a.user_id = m.id AND a.module_id = $3 AND a.superseded_at IS NULL)
              ) AS to_assign,
              (SELECT count(*)::int FROM assignment a
                WHERE a.organisation_id = $1 AND a.rule_id = $2 AND $12::boolean
                  AND a.status = 'not-started' AND a.superseded_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM m WHERE m.id = a.user_id)
                  AND NOT EXISTS (SELECT 1 FROM assignment_rule r JOIN app_user u ON ${RULE_MATCHES}
                                   WHERE r.organisation_id = $1 AND r.id <> $2 AND r.enabled
                                     AND r.module_id = a.module_id AND u.id = a.user_id)
              ) AS to_withdraw`,
      [...rule, input.withdrawWhenUnmatched],
    );
    const sample = await this.dataSource.query<{ id: string; name: string; email: string; due: string }[]>(
      `WITH r AS (${RULE_PARAMS})
       SELECT u.id, u.name, u.email, to_char(${dueFor('$12::date')}, 'YYYY-MM-DD') AS due
         FROM r JOIN app_user u ON ${RULE_MATCHES}
        WHERE NOT EXISTS (SELECT 1 FROM assignment a
                           WHERE a.user_id = u.id AND a.module_id = $3 AND a.superseded_at IS NULL)
        ORDER BY u.name, u.id LIMIT 5`,
      [...rule, this.today()],
    );
    const c = counts!;
    return {
      matching: input.enabled ? c.matching : 0,
      toAssign: input.enabled ? c.to_assign : 0,
      alreadyAssigned: input.enabled ? c.matching - c.to_assign : 0,
      toWithdraw: c.to_withdraw,
      sample: input.enabled
        ? sample.map((s) => ({ id: s.id, name: s.name, email: s.email, dueDate: s.due }))
        : [],
    };
  }

  async create(auth: AuthContext, input: ParsedRuleInput): Promise<RuleSaved> {
    return this.dataSource.transaction(async (tx) => {
      const org = auth.organisationId;
      await this.check(tx, org, input, null);
      const [row] = await tx.query<{ id: string }[]>(
        `INSERT INTO assignment_rule (organisation_id, module_id, department_ids, roles, tiers, job_title_contains,
                started_on_or_after, started_before, due_date, due_days, name, enabled, recurrence_months,
                remind_before_days, remind_on_due, remind_every_days_after, escalate_manager_after_days,
                escalate_officers_after_days, withdraw_when_unmatched, remedial_module_id,
                remedial_after_failed_rounds, remedial_on_compromised, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)
         RETURNING id`,
        [org, ...columnsOf(input), ...this.settingsOf(input), auth.userId],
      );
      const id = row!.id;
      const evaluation = await this.applyRules(tx, org);
      const rule = await this.get(org, id, tx);
      await this.audit.record(tx, {
        organisationId: org,
        actorId: auth.userId,
        action: 'rule.created',
        subjectType: 'assignment_rule',
        subjectId: id,
        details: { before: null, after: stored(rule), ...evaluation },
      });
      return { rule, ...evaluation };
    });
  }

  async update(auth: AuthContext, ruleId: string, input: ParsedRuleInput): Promise<RuleSaved> {
    return this.dataSource.transaction(async (tx) => {
      const org = auth.organisationId;
      const before = await this.get(org, ruleId, tx);
      await this.check(tx, org, input, ruleId);
      await tx.query(
        `UPDATE assignment_rule SET module_id = $3, department_ids = $4, roles = $5, tiers = $6,
                job_title_contains = $7, started_on_or_after = $8, started_before = $9, due_date = $10,
                due_days = $11, name = $12, enabled = $13, recurrence_months = $14, remind_before_days = $15,
                remind_on_due = $16, remind_every_days_after = $17, escalate_manager_after_days = $18,
                escalate_officers_after_days = $19, withdraw_when_unmatched = $20, remedial_module_id = $21,
                remedial_after_failed_rounds = $22, remedial_on_compromised = $23, updated_at = now()
          WHERE organisation_id = $1 AND id = $2`,
        [org, ruleId, ...columnsOf(input), ...this.settingsOf(input)],
      );
      const evaluation = await this.applyRules(tx, org);
      const rule = await this.get(org, ruleId, tx);
      const [was, now] = [stored(before), stored(rule)];
      const changed = (Object.keys(now) as (keyof typeof now)[]).filter(
        (k) => JSON.stringify(was[k]) !== JSON.stringify(now[k]),
      );
      await this.audit.record(tx, {
        organisationId: org,
        actorId: auth.userId,
        action: 'rule.updated',
        subjectType: 'assignment_rule',
        subjectId: ruleId,
        details: {
          before: Object.fromEntries(changed.map((k) => [k, was[k]])),
          after: Object.fromEntries(changed.map((k) => [k, now[k]])),
          ...evaluation,
        },
      });
      return { rule, ...evaluation };
    });
  }

  /**
   * Deletes a rule. Its not-started assignments go too if the rule says so (unless another rule
   * gives the person the module); completed and started ones stay, as manual ones would.
   */
  async remove(auth: AuthContext, ruleId: string): Promise<{ withdrawn: number }> {
    return this.dataSource.transaction(async (tx) => {
      const org = auth.organisationId;
      const before = await this.get(org, ruleId, tx);
      // Disabled first, so the evaluation treats its people as no longer matched by it.
      await tx.query(`UPDATE assignment_rule SET enabled = false WHERE organisation_id = $1 AND id = $2`, [
        org,
        ruleId,
      ]);
      const large = await this.isLarge(tx, org);
      if (large && before.enabled)
        throw conflict(
          'rule_still_on',
          `In an organisation this size, switch the rule off first: the worker then withdraws its not-started assignments within a minute, and you can delete it.`,
        );
      const evaluation = large
        ? { withdrawn: 0 } // switched off earlier: the worker has already withdrawn what it should
        : await evaluateRules(tx, org, this.today());
      await tx.query(`DELETE FROM assignment_rule WHERE organisation_id = $1 AND id = $2`, [org, ruleId]);
      await this.audit.record(tx, {
        organisationId: org,
        actorId: auth.userId,
        action: 'rule.deleted',
        subjectType: 'assignment_rule',
        subjectId: ruleId,
        details: { before: stored(before), after: null, withdrawn: evaluation.withdrawn },
      });
      return { withdrawn: evaluation.withdrawn };
    });
  }

  private settingsOf(input: ParsedRuleInput): unknown[] {
    return [
      input.name,
      input.enabled,
      input.recurrenceMonths,
      input.reminders.beforeDays,
      input.reminders.onDueDate,
      input.reminders.everyDaysAfter,
      input.escalation.managerAfterDays,
      input.escalation.officersAfterDays,
      input.withdrawWhenUnmatched,
      input.remedial.moduleId,
      input.remedial.afterFailedRounds,
      input.remedial.onCompromisedEnding,
    ];
  }

  /** The module must be published and not archived; departments of this organisation; no past fixed date. */
  private async check(tx: EntityManager, org: string, input: ParsedRuleInput, ruleId: string | null) {
    if (ruleId) {
      const [exists] = await tx.query(
        `SELECT 1 FROM assignment_rule WHERE organisation_id = $1 AND id = $2`,
        [org, ruleId],
      );
      if (!exists) throw notFound('The rule');
    }
    const [module] = await tx.query<{ archived: boolean; published: boolean }[]>(
      `SELECT m.archived_at IS NOT NULL AS archived,
              EXISTS (SELECT 1 FROM module_version v WHERE v.module_id = m.id AND v.status = 'published') AS published
         FROM training_module m WHERE m.organisation_id = $1 AND m.id = $2`,
      [org, input.moduleId],
    );
    if (!module)
      throw unprocessable('unknown_module', 'moduleId is not a module of this organisation.', [
        { field: 'moduleId', message: 'unknown module' },
      ]);
    if (module.archived)
      throw conflict(
        'module_archived',
        'This module is archived. Unarchive it before assigning it by a rule.',
      );
    if (!module.published)
      throw conflict('module_not_published', 'Publish this module before assigning it by a rule.');
    if (input.remedial.moduleId) {
      const [remedial] = await tx.query<{ ok: boolean }[]>(
        `SELECT m.archived_at IS NULL
                AND EXISTS (SELECT 1 FROM module_version v WHERE v.module_id = m.id AND v.status = 'published') AS ok
           FROM training_module m WHERE m.organisation_id = $1 AND m.id = $2`,
        [org, input.remedial.moduleId],
      );
      if (!remedial?.ok)
        throw unprocessable(
          'unknown_module',
          'remedial.moduleId is not a published module of this organisation.',
          [{ field: 'remedial.moduleId', message: 'must be a published module' }],
        );
    }
    const ids = [...new Set(input.audience.departmentIds)];
    if (ids.length) {
      const found = await tx.query<{ id: string }[]>(
        `SELECT id FROM department WHERE organisation_id = $1 AND id = ANY ($2::uuid[])`,
        [org, ids],
      );
      const known = new Set(found.map((d) => d.id));
      const missing = ids.filter((id) => !known.has(id));
      if (missing.length)
        throw unprocessable(
          'unknown_ids',
          `audience.departmentIds contains ids that do not exist: ${missing.join(', ')}`,
          [{ field: 'audience.departmentIds', message: `unknown: ${missing.join(', ')}` }],
        );
    }
    if (input.due.kind === 'fixed' && input.due.date < this.today())
      throw unprocessable('due_date_in_past', 'The due date cannot be in the past.', [
        { field: 'due.date', message: 'cannot be in the past' },
      ]);
  }
}

function toView(r: RuleRow): RuleView {
  return {
    id: r.id,
    name: r.name,
    enabled: r.enabled,
    module: { id: r.module_id, title: r.module_title },
    audience: {
      departments: r.departments,
      roles: r.roles,
      tiers: r.tiers,
      jobTitleContains: r.job_title_contains,
      startedOnOrAfter: r.started_on_or_after,
      startedBefore: r.started_before,
    },
    due: r.due_days === null ? { kind: 'fixed', date: r.due_date! } : { kind: 'relative', days: r.due_days },
    recurrenceMonths: r.recurrence_months,
    reminders: {
      beforeDays: r.remind_before_days,
      onDueDate: r.remind_on_due,
      everyDaysAfter: r.remind_every_days_after,
    },
    escalation: {
      managerAfterDays: r.escalate_manager_after_days,
      officersAfterDays: r.escalate_officers_after_days,
    },
    withdrawWhenUnmatched: r.withdraw_when_unmatched,
    remedial: {
      module:
        r.remedial_module_id && r.remedial_module_title
          ? { id: r.remedial_module_id, title: r.remedial_module_title }
          : null,
      afterFailedRounds: r.remedial_after_failed_rounds,
      onCompromisedEnding: r.remedial_on_compromised,
    },
    matching: r.enabled ? r.matching : 0,
    open: r.open,
    completed: r.completed,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The rule's settings as the audit trail records them (no counts). */
function stored(rule: RuleView) {
  return {
    name: rule.name,
    enabled: rule.enabled,
    moduleId: rule.module.id,
    audience: { ...rule.audience, departments: rule.audience.departments.map((d) => d.id) },
    due: rule.due,
    recurrenceMonths: rule.recurrenceMonths,
    reminders: rule.reminders,
    escalation: rule.escalation,
    withdrawWhenUnmatched: rule.withdrawWhenUnmatched,
    remedial: { ...rule.remedial, module: rule.remedial.module?.id ?? null },
  };
}
