import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What roll-out needs around people: one-time links that set a password, organisations an
 * operator can disable, and a record of each people import.
 *
 * - credential_token: an invitation or password-reset link. Only the SHA-256 of the token is
 *   stored (the token is 256 random bits, so a fast hash is enough); a token is used once, expires,
 *   and is revoked when a newer one of the same purpose is sent or a password is set.
 * - app_user.password_changed_at: when the password was last set (never the password itself).
 * - organisation.disabled_at: a disabled organisation's people cannot sign in; its data stays.
 * - people_import: who imported which file when, what it did, and the per-line result to download.
 */
export class AddCredentialTokens1796237651270 implements MigrationInterface {
  name = 'AddCredentialTokens1796237651270';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credential_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        purpose text NOT NULL CHECK (purpose IN ('invitation', 'reset')),
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        FOREIGN KEY (organisation_id, user_id) REFERENCES app_user(organisation_id, id) ON DELETE CASCADE,
        CHECK (expires_at > created_at)
      )`);
    // "The person's open links": revoked when a new one is sent or a password is set.
    await q.query(`
      CREATE INDEX credential_token_open_idx ON credential_token (organisation_id, user_id, purpose)
       WHERE used_at IS NULL AND revoked_at IS NULL`);

    await q.query(`ALTER TABLE app_user ADD COLUMN password_changed_at timestamptz`);
    await q.query(`ALTER TABLE organisation ADD COLUMN disabled_at timestamptz`);

    await q.query(`
      CREATE TABLE people_import (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        actor_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        created_at timestamptz NOT NULL DEFAULT now(),
        row_count integer NOT NULL CHECK (row_count >= 0),
        created integer NOT NULL CHECK (created >= 0),
        updated integer NOT NULL CHECK (updated >= 0),
        unchanged integer NOT NULL CHECK (unchanged >= 0),
        deactivated integer NOT NULL CHECK (deactivated >= 0),
        invitations integer NOT NULL CHECK (invitations >= 0),
        result_csv text NOT NULL
      )`);
    await q.query(`CREATE INDEX people_import_org_idx ON people_import (organisation_id, created_at DESC)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE people_import`);
    await q.query(`ALTER TABLE organisation DROP COLUMN disabled_at`);
    await q.query(`ALTER TABLE app_user DROP COLUMN password_changed_at`);
    await q.query(`DROP TABLE credential_token`);
  }
}
