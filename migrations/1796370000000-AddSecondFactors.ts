import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A second factor at sign-in: TOTP authenticator apps (RFC 6238), recovery codes, the
 * organisation's policy, and the short-lived challenge between the password and the code.
 *
 * - second_factor: at most one per person. `secret_sealed` is the Base32 seed sealed with
 *   SecretBox (AES-256-GCM under SECRETS_KEY, bound to `totp:<organisation>:<person>`, so a
 *   ciphertext copied to another row does not open). `confirmed_at` NULL is an enrolment begun but
 *   not confirmed with a code: it does not protect sign-in yet. `last_time_step` is the RFC 6238
 *   time step of the last accepted code; a code of that step or an earlier one is refused, so a
 *   code cannot be replayed within its window.
 * - recovery_code: ten per confirmed factor, each usable once (`used_at`). Only the SHA-256 of
 *   the person's id and the code is stored: a code is 80 random bits, so a fast hash is enough
 *   (as for credential tokens). Removed with the factor.
 * - sign_in_challenge: handed out after a right password when a code (purpose `code`) or an
 *   enrolment the organisation requires (purpose `enrol`) must come before a session. Only the
 *   SHA-256 of the token is stored; it expires within minutes and is deleted when used. In the
 *   database, so that the next call may reach any API replica.
 * - organisation.require_second_factor: officers and administrators must enrol before they get a
 *   session through a password (default off).
 */
export class AddSecondFactors1796370000000 implements MigrationInterface {
  name = 'AddSecondFactors1796370000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE second_factor (
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        secret_sealed text NOT NULL CHECK (secret_sealed ~ '^v[0-9]+\\.'),
        created_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        last_time_step bigint CHECK (last_time_step >= 0),
        PRIMARY KEY (organisation_id, user_id),
        FOREIGN KEY (organisation_id, user_id) REFERENCES app_user(organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE recovery_code (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        user_id uuid NOT NULL,
        code_hash text NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz,
        UNIQUE (organisation_id, user_id, code_hash),
        FOREIGN KEY (organisation_id, user_id) REFERENCES second_factor(organisation_id, user_id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE sign_in_challenge (
        id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        purpose text NOT NULL CHECK (purpose IN ('code', 'enrol')),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        FOREIGN KEY (organisation_id, user_id) REFERENCES app_user(organisation_id, id) ON DELETE CASCADE,
        CHECK (expires_at > created_at)
      )`);
    // A person's open challenges are replaced by a new one; expired ones are purged by time.
    await q.query(`CREATE INDEX sign_in_challenge_user_idx ON sign_in_challenge (organisation_id, user_id)`);
    await q.query(`CREATE INDEX sign_in_challenge_expires_idx ON sign_in_challenge (expires_at)`);
    await q.query(`ALTER TABLE organisation ADD COLUMN require_second_factor boolean NOT NULL DEFAULT false`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisation DROP COLUMN require_second_factor`);
    await q.query(`DROP TABLE sign_in_challenge`);
    await q.query(`DROP TABLE recovery_code`);
    await q.query(`DROP TABLE second_factor`);
  }
}
