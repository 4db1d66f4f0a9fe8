import type { progressListQuerySchema } from '@countersign/contracts/progress';
import type { z } from 'zod';
import { escapeLike } from '../users/directory.service.js';

type ListQuery = z.infer<typeof progressListQuerySchema>;

/**
 * Current assignments (each person's latest cycle of each module) of active people in one
 * organisation (`$1`). Status lives on the assignment (kept in step by LearningService), so every
 * filter below is an indexed column test. Earlier cycles are history: the person's page shows them.
 */
export const ACTIVE_ASSIGNMENTS = `
  FROM assignment a
  JOIN app_user u ON u.id = a.user_id AND u.organisation_id = a.organisation_id AND u.active
   AND a.superseded_at IS NULL`;

/** The same with leavers (deactivated people) too: the list with `leavers=show`. */
export const ALL_ASSIGNMENTS = `
  FROM assignment a
  JOIN app_user u ON u.id = a.user_id AND u.organisation_id = a.organisation_id AND a.superseded_at IS NULL`;

export const OVERDUE = `(a.status <> 'completed' AND a.due_date < current_date)`;

/**
 * The officer people list's rows for a query's filters, as SQL over `a` (assignment) and `u`
 * (app_user): the FROM clause and the WHERE conditions, with the values appended to `params`
 * (`params[0]` must already be the organisation id). Shared by the list and everything that must
 * answer exactly the rows on screen (certificate zips, exports).
 */
export function progressFilterSql(
  query: Pick<ListQuery, 'status' | 'departmentId' | 'moduleId' | 'q' | 'leavers'>,
  params: unknown[],
): { from: string; where: string } {
  const where = ['a.organisation_id = $1'];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (query.status === 'overdue') where.push(OVERDUE);
  else if (query.status) add((p) => `a.status = ${p}`, query.status);
  if (query.departmentId) add((p) => `u.department_id = ${p}`, query.departmentId);
  if (query.moduleId) add((p) => `a.module_id = ${p}`, query.moduleId);
  if (query.q) add((p) => `(u.name ILIKE ${p} OR u.email ILIKE ${p})`, `%${escapeLike(query.q)}%`);
  return {
    from: query.leavers === 'show' ? ALL_ASSIGNMENTS : ACTIVE_ASSIGNMENTS,
    where: where.join(' AND '),
  };
}
