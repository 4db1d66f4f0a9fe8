import type { EntityManager } from 'typeorm';
import { backgroundTimeout } from '../../database/background-timeout.js';

/**
 * The set-based heart of assignment rules: which active people each enabled rule matches, the due
 * date each would get, and bringing assignments in line with that. Pure SQL over the organisation's
 * people (one statement per step, no per-person round trips), so it runs the same for 10 people
 * and for 100,000.
 *
 * Matching (every empty list and NULL condition means "anyone"):
 *   department ∈ department_ids, role ∈ roles, tier ∈ tiers, job title contains
 *   job_title_contains (case-insensitive), start date ≥ started_on_or_after and < started_before
 *   (a person without a start date does not match a start-date condition).
 * Due date: a fixed-date rule gives its date (today, for someone who comes to match after it has
 *   passed); a relative rule gives N days after today, or after the person's start date if that is
 *   later (a joiner who starts next month is due N days after starting).
 * Two rules for one module: one assignment, with the earliest due date.
 */

/** The predicate "rule r matches person u" (both aliases in scope). */
export const RULE_MATCHES = `
  u.organisation_id = r.organisation_id AND u.active
  AND (cardinality(r.department_ids) = 0 OR u.department_id = ANY (r.department_ids))
  AND (cardinality(r.roles) = 0 OR u.role::text = ANY (r.roles))
  AND (cardinality(r.tiers) = 0 OR u.sensitivity_tier::text = ANY (r.tiers))
  AND (r.job_title_contains IS NULL OR strpos(lower(u.job_title), lower(r.job_title_contains)) > 0)
  AND (r.started_on_or_after IS NULL OR u.start_date >= r.started_on_or_after)
  AND (r.started_before IS NULL OR u.start_date < r.started_before)`;

/** The due date rule r gives person u when assigned on `today` (a date expression). */
export const dueFor = (today: string) => `
  CASE WHEN r.due_days IS NULL THEN greatest(r.due_date, ${today})
       ELSE greatest(${today}, coalesce(u.start_date, ${today})) + r.due_days END`;

/** Modules a rule can assign: published at least once and not archived. */
export const ASSIGNABLE_MODULE = `
  EXISTS (SELECT 1 FROM training_module m
           WHERE m.id = r.module_id AND m.organisation_id = r.organisation_id AND m.archived_at IS NULL
             AND EXISTS (SELECT 1 FROM module_version v WHERE v.module_id = m.id AND v.status = 'published'))`;

/** The parts of an organisation's programme work that must not run twice at once. */
export type ProgrammePart = 'rules' | 'reminders' | 'escalation';

/**
 * Serialises one part of an organisation's programme work for the transaction: rule saves,
 * evaluations and new cycles ('rules'); reminders; escalations. Different parts may run together.
 */
export async function lockProgramme(
  tx: EntityManager,
  organisationId: string,
  part: ProgrammePart,
): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext($2), hashtext($1))`, [
    organisationId,
    `countersign.programme.${part}`,
  ]);
}

export interface EvaluationResult {
  assigned: number;
  withdrawn: number;
  rescheduled: number;
}

/**
 * Brings one organisation's rule-made assignments in line with its enabled rules, as of `today`
 * (YYYY-MM-DD), in the caller's transaction: assigns every match without a current assignment of
 * the module, moves an open rule-made assignment to an earlier due date (and its rule) when
 * another rule now gives one, and withdraws not-started rule-made assignments of active people no
 * rule matches any more (movers; if their rule says so). Completed and started assignments, and
 * everything of a deactivated person, are never touched.
 * Serialised per organisation by an advisory lock, so a rule save and a worker never interleave.
 */
export async function evaluateRules(
  tx: EntityManager,
  organisationId: string,
  today: string,
): Promise<EvaluationResult> {
  await backgroundTimeout(tx);
  await lockProgramme(tx, organisationId, 'rules');
  // Per person and module the rules matching them: the earliest due date, the rule giving it, and
  // all of them (one aggregation; no table of every match to sort twice).
  await tx.query(`DROP TABLE IF EXISTS pg_temp.rule_best`);
  await tx.query(
    `CREATE TEMP TABLE rule_best ON COMMIT DROP AS
     SELECT m.user_id, m.module_id, min(m.due) AS due,
            (array_agg(m.rule_id ORDER BY m.due, m.rule_id))[1] AS rule_id, array_agg(m.rule_id) AS rules
       FROM (SELECT u.id AS user_id, r.module_id, r.id AS rule_id, ${dueFor('$2::date')} AS due
               FROM assignment_rule r
               JOIN app_user u ON ${RULE_MATCHES}
              WHERE r.organisation_id = $1 AND r.enabled AND ${ASSIGNABLE_MODULE}) m
      GROUP BY m.user_id, m.module_id`,
    [organisationId, today],
  );
  await tx.query(`CREATE UNIQUE INDEX ON rule_best (user_id, module_id)`);
  await tx.query(`ANALYZE rule_best`);

  const assigned = await tx.query<unknown[]>(
    `INSERT INTO assignment (organisation_id, user_id, module_id, due_date, source, rule_id)
     SELECT $1, b.user_id, b.module_id, b.due, 'rule', b.rule_id
       FROM rule_best b
      WHERE NOT EXISTS (SELECT 1 FROM assignment a
                         WHERE a.user_id = b.user_id AND a.module_id = b.module_id AND a.superseded_at IS NULL)
      -- In index order: 600,000 rows inserted at random places in the table's indexes thrash the
      -- buffer cache (measured: minutes instead of about one).
      ORDER BY b.user_id, b.module_id
     ON CONFLICT DO NOTHING
     RETURNING 1`,
    [organisationId],
  );
  // An open rule-made assignment follows the best match: an earlier due date from another rule,
  // or another rule when its own no longer matches the person.
  const [, rescheduled] = await tx.query<[unknown[], number]>(
    `UPDATE assignment a SET due_date = least(a.due_date, b.due), rule_id = b.rule_id
       FROM rule_best b
      WHERE a.organisation_id = $1 AND a.user_id = b.user_id AND a.module_id = b.module_id
        AND a.superseded_at IS NULL AND a.status <> 'completed' AND a.source = 'rule'
        AND (a.due_date > b.due OR a.rule_id IS NULL OR NOT (a.rule_id = ANY (b.rules)))`,
    [organisationId],
  );
  // As a CTE: TypeORM answers a bare DELETE … RETURNING with [rows, count], a SELECT with rows.
  const withdrawn = await tx.query<{ user_id: string; module_id: string; cycle: number }[]>(
    `WITH gone AS (
       DELETE FROM assignment a
        USING assignment_rule r
        WHERE a.organisation_id = $1 AND a.rule_id = r.id AND a.source = 'rule'
          AND a.status = 'not-started' AND a.superseded_at IS NULL AND r.withdraw_when_unmatched
          -- A leaver keeps what was required of them: it is part of the record.
          AND EXISTS (SELECT 1 FROM app_user u WHERE u.id = a.user_id AND u.active)
          AND NOT EXISTS (SELECT 1 FROM rule_best b WHERE b.user_id = a.user_id AND b.module_id = a.module_id)
        RETURNING a.user_id, a.module_id, a.cycle
     ) SELECT * FROM gone`,
    [organisationId],
  );
  // A withdrawn later cycle hands "current" back to the cycle before it (kept, completed).
  const reopened = withdrawn.filter((w) => w.cycle > 1);
  if (reopened.length)
    await tx.query(
      `UPDATE assignment a SET superseded_at = NULL
         FROM unnest($2::uuid[], $3::uuid[], $4::int[]) AS w (user_id, module_id, cycle)
        WHERE a.organisation_id = $1 AND a.user_id = w.user_id AND a.module_id = w.module_id
          AND a.cycle = w.cycle - 1`,
      [
        organisationId,
        reopened.map((w) => w.user_id),
        reopened.map((w) => w.module_id),
        reopened.map((w) => w.cycle),
      ],
    );
  return { assigned: assigned.length, withdrawn: withdrawn.length, rescheduled };
}
