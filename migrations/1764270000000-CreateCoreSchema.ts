import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The core schema: tenants, people, sessions, modules and immutable versions, assignments,
 * attempts with an append-only event log, and completions.
 *
 * Every tenant table carries an indexed organisation_id, and child rows reference their parent
 * together with organisation_id, so a row can never point across organisations.
 */
export class CreateCoreSchema1764270000000 implements MigrationInterface {
  name = 'CreateCoreSchema1764270000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE user_role AS ENUM ('employee', 'officer', 'admin')`);
    await q.query(`CREATE TYPE sensitivity_tier AS ENUM ('standard', 'elevated', 'high')`);
    await q.query(`CREATE TYPE module_version_status AS ENUM ('draft', 'published', 'archived')`);
    await q.query(`CREATE TYPE attempt_status AS ENUM ('in-progress', 'passed')`);

    await q.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE department (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, name),
        UNIQUE (organisation_id, id)
      )`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        role user_role NOT NULL DEFAULT 'employee',
        department_id uuid,
        manager_id uuid,
        sensitivity_tier sensitivity_tier NOT NULL DEFAULT 'standard',
        password_hash text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, id),
        FOREIGN KEY (organisation_id, department_id) REFERENCES department(organisation_id, id),
        FOREIGN KEY (organisation_id, manager_id) REFERENCES app_user(organisation_id, id)
      )`);
    // Sign-in is by email alone, so an address is unique across the installation.
    await q.query(`CREATE UNIQUE INDEX app_user_email_key ON app_user (email)`);
    await q.query(`CREATE INDEX app_user_org_department_idx ON app_user (organisation_id, department_id)`);
    await q.query(`CREATE INDEX app_user_org_name_idx ON app_user (organisation_id, name)`);

    await q.query(`
      CREATE TABLE user_session (
        id text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        user_agent text
      )`);
    await q.query(`CREATE INDEX user_session_user_idx ON user_session (user_id)`);
    await q.query(`CREATE INDEX user_session_expires_idx ON user_session (expires_at)`);

    // Store of rate-limiter-flexible (RateLimiterPostgres) for login throttling and lock-out.
    await q.query(`
      CREATE TABLE login_throttle (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);

    await q.query(`
      CREATE TABLE training_module (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        summary text NOT NULL DEFAULT '',
        estimated_minutes integer NOT NULL DEFAULT 15 CHECK (estimated_minutes BETWEEN 1 AND 600),
        built_in boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organisation_id, slug),
        UNIQUE (organisation_id, id)
      )`);

    await q.query(`
      CREATE TABLE module_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        module_id uuid NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        status module_version_status NOT NULL DEFAULT 'draft',
        content jsonb NOT NULL,
        pass_mark integer NOT NULL CHECK (pass_mark BETWEEN 1 AND 100),
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        published_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        UNIQUE (module_id, version),
        UNIQUE (organisation_id, id),
        FOREIGN KEY (organisation_id, module_id) REFERENCES training_module(organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX module_version_published_idx ON module_version (module_id, version DESC) WHERE status = 'published'`,
    );
    // A published version is frozen: learners' completions point at it.
    await q.query(`
      CREATE FUNCTION module_version_freeze() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'draft' AND (NEW.content IS DISTINCT FROM OLD.content
            OR NEW.pass_mark IS DISTINCT FROM OLD.pass_mark OR NEW.version IS DISTINCT FROM OLD.version) THEN
          RAISE EXCEPTION 'module_version % is % and cannot be changed', OLD.id, OLD.status
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER module_version_freeze BEFORE UPDATE ON module_version
      FOR EACH ROW EXECUTE FUNCTION module_version_freeze()`);

    await q.query(`
      CREATE TABLE assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        user_id uuid NOT NULL,
        module_id uuid NOT NULL,
        due_date date NOT NULL,
        assigned_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'rule', 'seed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, module_id),
        UNIQUE (organisation_id, id),
        FOREIGN KEY (organisation_id, user_id) REFERENCES app_user(organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, module_id) REFERENCES training_module(organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX assignment_org_module_idx ON assignment (organisation_id, module_id)`);
    await q.query(`CREATE INDEX assignment_org_due_idx ON assignment (organisation_id, due_date)`);

    await q.query(`
      CREATE TABLE attempt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        assignment_id uuid NOT NULL,
        user_id uuid NOT NULL,
        module_version_id uuid NOT NULL,
        status attempt_status NOT NULL DEFAULT 'in-progress',
        current_step_id text NOT NULL,
        choices_made integer NOT NULL DEFAULT 0,
        scenario_outcome text CHECK (scenario_outcome IN ('safe', 'compromised')),
        quiz_round integer NOT NULL DEFAULT 0,
        last_score integer CHECK (last_score BETWEEN 0 AND 100),
        progress_percent integer NOT NULL DEFAULT 0 CHECK (progress_percent BETWEEN 0 AND 100),
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        UNIQUE (organisation_id, id),
        FOREIGN KEY (organisation_id, assignment_id) REFERENCES assignment(organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, user_id) REFERENCES app_user(organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, module_version_id) REFERENCES module_version(organisation_id, id)
      )`);
    // At most one attempt in progress per assignment: starting twice resumes instead.
    await q.query(
      `CREATE UNIQUE INDEX attempt_one_active_idx ON attempt (assignment_id) WHERE status = 'in-progress'`,
    );
    await q.query(`CREATE INDEX attempt_org_user_idx ON attempt (organisation_id, user_id, started_at DESC)`);
    // Officer reports ask "has this assignment any attempt?" for every row.
    await q.query(`CREATE INDEX attempt_assignment_idx ON attempt (assignment_id)`);

    await q.query(`
      CREATE TABLE attempt_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        organisation_id uuid NOT NULL,
        attempt_id uuid NOT NULL,
        seq integer NOT NULL CHECK (seq >= 0),
        type text NOT NULL CHECK (type IN ('started', 'choice', 'scenario-ended', 'quiz-submitted', 'passed')),
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (attempt_id, seq),
        FOREIGN KEY (organisation_id, attempt_id) REFERENCES attempt(organisation_id, id) ON DELETE CASCADE
      )`);
    // Append-only: the record of what a learner did is evidence; it is never rewritten.
    await q.query(`
      CREATE FUNCTION attempt_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'attempt_event is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER attempt_event_append_only BEFORE UPDATE ON attempt_event
      FOR EACH ROW EXECUTE FUNCTION attempt_event_append_only()`);

    await q.query(`
      CREATE TABLE completion (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        assignment_id uuid NOT NULL UNIQUE,
        user_id uuid NOT NULL,
        module_id uuid NOT NULL,
        module_version_id uuid NOT NULL,
        attempt_id uuid NOT NULL,
        score integer NOT NULL CHECK (score BETWEEN 0 AND 100),
        passed boolean NOT NULL,
        completed_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (organisation_id, assignment_id) REFERENCES assignment(organisation_id, id) ON DELETE CASCADE,
        FOREIGN KEY (organisation_id, module_version_id) REFERENCES module_version(organisation_id, id),
        FOREIGN KEY (organisation_id, attempt_id) REFERENCES attempt(organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX completion_org_module_idx ON completion (organisation_id, module_id)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE completion`);
    await q.query(`DROP TABLE attempt_event`);
    await q.query(`DROP FUNCTION attempt_event_append_only`);
    await q.query(`DROP TABLE attempt`);
    await q.query(`DROP TABLE assignment`);
    await q.query(`DROP TABLE module_version`);
    await q.query(`DROP FUNCTION module_version_freeze`);
    await q.query(`DROP TABLE training_module`);
    await q.query(`DROP TABLE login_throttle`);
    await q.query(`DROP TABLE user_session`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE department`);
    await q.query(`DROP TABLE organisation`);
    await q.query(`DROP TYPE attempt_status`);
    await q.query(`DROP TYPE module_version_status`);
    await q.query(`DROP TYPE sensitivity_tier`);
    await q.query(`DROP TYPE user_role`);
  }
}
