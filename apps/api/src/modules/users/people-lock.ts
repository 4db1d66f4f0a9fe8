import type { EntityManager } from 'typeorm';

/**
 * Serialises the writes that change who is where in one organisation (people and departments),
 * for the rest of the transaction. Two checks read more than the row they change — "is this the
 * last active administrator?" and "would this manager make a circle?" — and two concurrent
 * changes that each pass alone could together break the rule; under this lock they cannot.
 * Administrative writes are rare, so one lock per organisation costs nothing that matters.
 */
export async function lockPeopleOf(tx: EntityManager, organisationId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('people:' || $1, 0))`, [organisationId]);
}

/** PostgreSQL's unique_violation, for turning a lost race into the same 409 as the pre-check. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const code = e.driverError?.code ?? e.code;
  const name = e.driverError?.constraint ?? e.constraint;
  return code === '23505' && name === constraint;
}
