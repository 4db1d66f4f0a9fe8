import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Completion counters that stay exact and make the officer's overview independent of the number of
 * assignments (issue #12: 9 million assignments, p95 ≤ 100 ms).
 *
 * `progress_count` holds how many *current* assignments (each person's latest cycle of a module)
 * there are per organisation × department × module × status × due date × person active or not.
 * It is never written by the application:
 *
 * - Statement-level triggers on `assignment` and `app_user` write the change of every statement
 *   as a few aggregated rows into `progress_count_delta`, in the same transaction as the change.
 *   A bulk insert of 600,000 assignments adds a few hundred delta rows, not 600,000 updates.
 * - Delta rows are only ever inserted, so concurrent changes never wait for each other on a hot
 *   counter row. A job (`progress.fold`, once a minute) moves them into `progress_count`, in one
 *   transaction, and so is the only writer of `progress_count`.
 * - Readers sum `progress_count` and the not-yet-folded deltas in one statement (one snapshot):
 *   exact at any moment, whether or not the job has run.
 *
 * Due dates matter only for "overdue" (not completed and due before today). Completed rows carry
 * `infinity`; when folding, dates already passed are collapsed into `-infinity` (still "before
 * today"), so the table holds one row per future due date and one for the past, not one per day
 * of history.
 *
 * A person's department and active flag are read from `app_user` when their assignments change,
 * and a move or (de)activation moves their current assignments' counts. The two are ordered by
 * an advisory lock per organisation: statements writing assignments take it shared (one lock per
 * statement, not one per person: the rule engine's 600,000-row insert locks no person rows),
 * statements that move or (de)activate people take it exclusively, so a move waits for
 * assignment writes in flight and the next ones wait for the move, and each side counts what the
 * other committed.
 *
 * `app_user.deactivated_at` (set by trigger when `active` changes) and `progress_trend_week`
 * (weekly figures computed from the records by the `progress.trends` job) serve the trends.
 */
export class AddProgressCounters1796360000000 implements MigrationInterface {
  name = 'AddProgressCounters1796360000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN deactivated_at timestamptz`);
    await q.query(`UPDATE app_user SET deactivated_at = now() WHERE NOT active`);
    await q.query(`
      CREATE FUNCTION app_user_deactivated_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.active IS DISTINCT FROM OLD.active THEN
          NEW.deactivated_at := CASE WHEN NEW.active THEN NULL ELSE now() END;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER app_user_deactivated_at BEFORE UPDATE ON app_user
      FOR EACH ROW EXECUTE FUNCTION app_user_deactivated_at()`);

    await q.query(`
      CREATE TABLE progress_count (
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        -- The nil uuid for "no department" (a key column cannot be NULL).
        department_key uuid NOT NULL,
        module_id uuid NOT NULL,
        status assignment_status NOT NULL,
        due_date date NOT NULL,
        active boolean NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY (organisation_id, module_id, department_key, status, due_date, active)
      )`);
    await q.query(`
      CREATE TABLE progress_count_delta (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        organisation_id uuid NOT NULL,
        department_key uuid NOT NULL,
        module_id uuid NOT NULL,
        status assignment_status NOT NULL,
        due_date date NOT NULL,
        active boolean NOT NULL,
        n bigint NOT NULL
      )`);
    await q.query(`CREATE INDEX progress_count_delta_org_idx ON progress_count_delta (organisation_id)`);
    // "Overdue" reads only the rows due before today (after folding: one per module × department).
    await q.query(`CREATE INDEX progress_count_org_due_idx ON progress_count (organisation_id, due_date)`);
    // The same counts without the due date, kept by the same fold: the overview's totals read
    // one row per department × module × status instead of one per due date as well.
    await q.query(`
      CREATE TABLE progress_total (
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        department_key uuid NOT NULL,
        module_id uuid NOT NULL,
        status assignment_status NOT NULL,
        active boolean NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY (organisation_id, module_id, department_key, status, active)
      )`);

    // The due date as counted: completed rows are never overdue.
    await q.query(`
      CREATE FUNCTION progress_due(s assignment_status, d date) RETURNS date
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN s = 'completed' THEN 'infinity'::date ELSE d END
      $$`);

    await q.query(`
      CREATE FUNCTION progress_count_assignment() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM pg_advisory_xact_lock_shared(1347, hashtext(x.o::text)) FROM (SELECT DISTINCT organisation_id AS o FROM new_rows) x;
          INSERT INTO progress_count_delta (organisation_id, department_key, module_id, status, due_date, active, n)
          SELECT r.organisation_id, COALESCE(u.department_id, '00000000-0000-0000-0000-000000000000'),
                 r.module_id, r.status, progress_due(r.status, r.due_date), u.active, count(*)
            FROM new_rows r JOIN app_user u ON u.id = r.user_id
           WHERE r.superseded_at IS NULL
           GROUP BY 1, 2, 3, 4, 5, 6;
        ELSIF TG_OP = 'DELETE' THEN
          -- A person deleted as a whole is no longer visible here: their BEFORE DELETE trigger
          -- took their counts out already.
          PERFORM pg_advisory_xact_lock_shared(1347, hashtext(x.o::text)) FROM (SELECT DISTINCT organisation_id AS o FROM old_rows) x;
          INSERT INTO progress_count_delta (organisation_id, department_key, module_id, status, due_date, active, n)
          SELECT r.organisation_id, COALESCE(u.department_id, '00000000-0000-0000-0000-000000000000'),
                 r.module_id, r.status, progress_due(r.status, r.due_date), u.active, -count(*)
            FROM old_rows r JOIN app_user u ON u.id = r.user_id
           WHERE r.superseded_at IS NULL
           GROUP BY 1, 2, 3, 4, 5, 6;
        ELSE
          PERFORM pg_advisory_xact_lock_shared(1347, hashtext(x.o::text)) FROM (SELECT DISTINCT organisation_id AS o FROM new_rows) x;
          INSERT INTO progress_count_delta (organisation_id, department_key, module_id, status, due_date, active, n)
          SELECT c.organisation_id, COALESCE(u.department_id, '00000000-0000-0000-0000-000000000000'),
                 c.module_id, c.status, progress_due(c.status, c.due_date), u.active, sum(c.n)
            FROM (
              SELECT o.organisation_id, o.user_id, o.module_id, o.status, o.due_date, -1 AS n
                FROM old_rows o JOIN new_rows nw ON nw.id = o.id
               WHERE o.superseded_at IS NULL
                 AND (nw.superseded_at IS NOT NULL OR (o.status, o.due_date, o.module_id, o.user_id)
                      IS DISTINCT FROM (nw.status, nw.due_date, nw.module_id, nw.user_id))
              UNION ALL
              SELECT nw.organisation_id, nw.user_id, nw.module_id, nw.status, nw.due_date, 1
                FROM old_rows o JOIN new_rows nw ON nw.id = o.id
               WHERE nw.superseded_at IS NULL
                 AND (o.superseded_at IS NOT NULL OR (o.status, o.due_date, o.module_id, o.user_id)
                      IS DISTINCT FROM (nw.status, nw.due_date, nw.module_id, nw.user_id))
            ) c
            JOIN app_user u ON u.id = c.user_id
           GROUP BY 1, 2, 3, 4, 5, 6
          HAVING sum(c.n) <> 0;
        END IF;
        RETURN NULL;
      END $$`);
    for (const op of ['INSERT', 'DELETE', 'UPDATE'] as const) {
      const tables =
        op === 'INSERT'
          ? 'NEW TABLE AS new_rows'
          : op === 'DELETE'
            ? 'OLD TABLE AS old_rows'
            : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await q.query(`
        CREATE TRIGGER progress_count_${op.toLowerCase()} AFTER ${op} ON assignment
        REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION progress_count_assignment()`);
    }

    // A person moved to another department, deactivated or reactivated: their current
    // assignments' counts move with them.
    await q.query(`
      CREATE FUNCTION progress_count_person() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Only moves and (de)activations wait for (and hold off) the organisation's assignment writes.
        PERFORM pg_advisory_xact_lock(1347, hashtext(x.o::text))
           FROM (SELECT DISTINCT nw.organisation_id AS o
                   FROM old_rows o JOIN new_rows nw ON nw.id = o.id
                  WHERE (o.department_id, o.active) IS DISTINCT FROM (nw.department_id, nw.active)) x;
        INSERT INTO progress_count_delta (organisation_id, department_key, module_id, status, due_date, active, n)
        SELECT a.organisation_id, p.department_key, a.module_id, a.status, progress_due(a.status, a.due_date),
               p.active, sum(p.n)
          FROM (
            SELECT o.id, COALESCE(o.department_id, '00000000-0000-0000-0000-000000000000') AS department_key,
                   o.active, -1 AS n
              FROM old_rows o JOIN new_rows nw ON nw.id = o.id
             WHERE (o.department_id, o.active) IS DISTINCT FROM (nw.department_id, nw.active)
            UNION ALL
            SELECT nw.id, COALESCE(nw.department_id, '00000000-0000-0000-0000-000000000000'), nw.active, 1
              FROM old_rows o JOIN new_rows nw ON nw.id = o.id
             WHERE (o.department_id, o.active) IS DISTINCT FROM (nw.department_id, nw.active)
          ) p
          JOIN assignment a ON a.user_id = p.id AND a.superseded_at IS NULL
         GROUP BY 1, 2, 3, 4, 5, 6
        HAVING sum(p.n) <> 0;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER progress_count_person AFTER UPDATE ON app_user
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION progress_count_person()`);
    await q.query(`
      CREATE FUNCTION progress_count_person_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO progress_count_delta (organisation_id, department_key, module_id, status, due_date, active, n)
        SELECT a.organisation_id, COALESCE(OLD.department_id, '00000000-0000-0000-0000-000000000000'),
               a.module_id, a.status, progress_due(a.status, a.due_date), OLD.active, -count(*)
          FROM assignment a
         WHERE a.user_id = OLD.id AND a.superseded_at IS NULL
         GROUP BY 1, 2, 3, 4, 5, 6;
        RETURN OLD;
      END $$`);
    await q.query(`
      CREATE TRIGGER progress_count_person_deleted BEFORE DELETE ON app_user
      FOR EACH ROW EXECUTE FUNCTION progress_count_person_deleted()`);

    // Today's assignments, counted once.
    await q.query(`
      INSERT INTO progress_count (organisation_id, department_key, module_id, status, due_date, active, n)
      SELECT a.organisation_id, COALESCE(u.department_id, '00000000-0000-0000-0000-000000000000'), a.module_id,
             a.status, progress_due(a.status, a.due_date), u.active, count(*)
        FROM assignment a JOIN app_user u ON u.id = a.user_id
       WHERE a.superseded_at IS NULL
       GROUP BY 1, 2, 3, 4, 5, 6`);
    await q.query(`
      INSERT INTO progress_total (organisation_id, department_key, module_id, status, active, n)
      SELECT organisation_id, department_key, module_id, status, active, sum(n)
        FROM progress_count GROUP BY 1, 2, 3, 4, 5`);

    await q.query(`
      CREATE TABLE progress_trend_week (
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        -- Monday of the week; the figures are as they stood at the end of its Sunday (UTC).
        week_start date NOT NULL CHECK (extract(isodow FROM week_start) = 1),
        department_key uuid NOT NULL,
        required integer NOT NULL CHECK (required >= 0),
        completed integer NOT NULL CHECK (completed >= 0),
        overdue integer NOT NULL CHECK (overdue >= 0),
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, week_start, department_key)
      )`);

    // The people list reads current assignments only; with yearly cycles two thirds of the rows
    // are history, and in due-date order the oldest cycles come first. Its three ordering indexes
    // hold the current rows only (every query that uses them says superseded_at IS NULL).
    for (const [name, columns] of CURRENT_ONLY_INDEXES) {
      await q.query(`DROP INDEX ${name}`);
      await q.query(`CREATE INDEX ${name} ON assignment ${columns} WHERE superseded_at IS NULL`);
    }
    // The overview counts active people per department from the index alone (105 → 17 ms at
    // 100,000 people): the department index carries the active flag.
    await q.query(`DROP INDEX app_user_org_department_idx`);
    await q.query(
      `CREATE INDEX app_user_org_department_idx ON app_user (organisation_id, department_id, active)`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX app_user_org_department_idx`);
    await q.query(`CREATE INDEX app_user_org_department_idx ON app_user (organisation_id, department_id)`);
    for (const [name, columns] of CURRENT_ONLY_INDEXES) {
      await q.query(`DROP INDEX ${name}`);
      await q.query(`CREATE INDEX ${name} ON assignment ${columns}`);
    }
    await q.query(`DROP TABLE progress_trend_week`);
    await q.query(`DROP TRIGGER progress_count_person_deleted ON app_user`);
    await q.query(`DROP FUNCTION progress_count_person_deleted`);
    await q.query(`DROP TRIGGER progress_count_person ON app_user`);
    await q.query(`DROP FUNCTION progress_count_person`);
    for (const op of ['insert', 'delete', 'update'])
      await q.query(`DROP TRIGGER progress_count_${op} ON assignment`);
    await q.query(`DROP FUNCTION progress_count_assignment`);
    await q.query(`DROP FUNCTION progress_due`);
    await q.query(`DROP TABLE progress_total`);
    await q.query(`DROP TABLE progress_count_delta`);
    await q.query(`DROP TABLE progress_count`);
    await q.query(`DROP TRIGGER app_user_deactivated_at ON app_user`);
    await q.query(`DROP FUNCTION app_user_deactivated_at`);
    await q.query(`ALTER TABLE app_user DROP COLUMN deactivated_at`);
  }
}

const CURRENT_ONLY_INDEXES = [
  ['assignment_org_due_idx', '(organisation_id, due_date, id)'],
  ['assignment_org_status_due_idx', '(organisation_id, status, due_date, id)'],
  [
    'assignment_org_completed_idx',
    "(organisation_id, (COALESCE(completed_at, '-infinity'::timestamptz)) DESC)",
  ],
] as const;
