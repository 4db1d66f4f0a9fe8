import type { EntityManager } from 'typeorm';

/**
 * Background work on a whole organisation (600,000 assignments for 100,000 people × 6 modules)
 * may take longer than the API's per-statement limit, which is sized for requests: the worker's
 * transactions get their own, still bounded.
 */
export const BACKGROUND_STATEMENT_TIMEOUT = '10min';

export async function backgroundTimeout(tx: EntityManager): Promise<void> {
  await tx.query(`SET LOCAL statement_timeout = '${BACKGROUND_STATEMENT_TIMEOUT}'`);
}
