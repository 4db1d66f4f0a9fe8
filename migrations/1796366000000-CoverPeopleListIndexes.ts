import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The people list's due-date indexes, with what choosing a page reads besides the key. */
const INDEXES = [
  ['assignment_org_due_idx', '(organisation_id, due_date, id)', 'INCLUDE (user_id, module_id, status)'],
  [
    'assignment_org_status_due_idx',
    '(organisation_id, status, due_date, id)',
    'INCLUDE (user_id, module_id)',
  ],
] as const;

/**
 * The officer's people list sorted by due date (its default) orders within a due date by person
 * and module title, which no index holds: the first page reads every current assignment of the
 * earliest due date (about 20,000 in a 100,000-person organisation whose cycles opened over a few
 * months), joins each to its person and module, and keeps 25. Reading those 20,000 rows from the
 * table was most of the time (9 million assignments: 15,000 pages read from outside PostgreSQL's
 * cache for one page of the list).
 *
 * With the person, the module and the status carried in the index (INCLUDE: stored, not part of
 * the order), choosing a page is an index-only scan plus a look-up of each person's name; only the
 * page's 25 rows are then read from the table (ProgressService's `rowsSql` chooses first, then
 * decorates).
 *
 * The one-current-assignment-per-person-and-module index carries the same, for the plans that
 * start from people: a department's people probing their current assignments (the list filtered
 * by department), and the due-date page walking people in name order within one due date
 * (`dueDatePageSql`). Measured on the 9-million-assignment benchmark database: department +
 * module + overdue 189 → 29 ms; the first page by due date, read that way, 4 ms instead of ~100.
 */
export class CoverPeopleListIndexes1796366000000 implements MigrationInterface {
  name = 'CoverPeopleListIndexes1796366000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const [name, columns, include] of INDEXES) {
      await q.query(`DROP INDEX ${name}`);
      await q.query(`CREATE INDEX ${name} ON assignment ${columns} ${include} WHERE superseded_at IS NULL`);
    }
    await q.query(`DROP INDEX assignment_current_idx`);
    await q.query(
      `CREATE UNIQUE INDEX assignment_current_idx ON assignment (user_id, module_id)
         INCLUDE (organisation_id, status, due_date, id) WHERE superseded_at IS NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const [name, columns] of INDEXES) {
      await q.query(`DROP INDEX ${name}`);
      await q.query(`CREATE INDEX ${name} ON assignment ${columns} WHERE superseded_at IS NULL`);
    }
    await q.query(`DROP INDEX assignment_current_idx`);
    await q.query(
      `CREATE UNIQUE INDEX assignment_current_idx ON assignment (user_id, module_id) WHERE superseded_at IS NULL`,
    );
  }
}
