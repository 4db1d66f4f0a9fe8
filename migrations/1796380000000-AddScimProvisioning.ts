import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Directory sync over SCIM 2.0.
 *
 * - scim_token: the bearer tokens an organisation's identity provider (Entra ID, Okta) presents on
 *   /scim/v2. Only the SHA-256 of the token is kept (it is 256 random bits, so a fast hash is
 *   enough); its first characters (`prefix`, e.g. `cs_scim_AbCd`) let an administrator tell tokens
 *   apart without the secret. A revoked token stays, for the audit trail; `last_used_at` is
 *   written at most once a minute.
 * - app_user.external_id / department.external_id: the identity provider's own id of the person or
 *   group (Entra's objectId, Okta's user id), unique within the organisation where set.
 * - app_user.scim_user_name: the SCIM `userName` when it is not the person's email address (Entra
 *   sends the userPrincipalName, which may differ from the mail attribute). Unique per
 *   organisation, case-insensitively (RFC 7643 §4.1.1); SCIM looks people up by
 *   coalesce(scim_user_name, email), indexed.
 * - audit_event.action: the first word of an action may hold a hyphen too (`scim-token.created`).
 *   The new pattern is looser than the old, so every existing row passes: added NOT VALID and
 *   validated after, which reads the table without blocking writes to it.
 */
export class AddScimProvisioning1796380000000 implements MigrationInterface {
  name = 'AddScimProvisioning1796380000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_event DROP CONSTRAINT audit_event_action_check`);
    await q.query(`
      ALTER TABLE audit_event ADD CONSTRAINT audit_event_action_check
        CHECK (action ~ '^[a-z][a-z-]*(\\.[a-z-]+)+$') NOT VALID`);
    await q.query(`ALTER TABLE audit_event VALIDATE CONSTRAINT audit_event_action_check`);

    await q.query(`
      CREATE TABLE scim_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        prefix text NOT NULL CHECK (length(prefix) BETWEEN 1 AND 32),
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        revoked_by uuid,
        FOREIGN KEY (organisation_id, created_by) REFERENCES app_user(organisation_id, id),
        FOREIGN KEY (organisation_id, revoked_by) REFERENCES app_user(organisation_id, id)
      )`);
    await q.query(`CREATE INDEX scim_token_org_idx ON scim_token (organisation_id, created_at)`);

    await q.query(`
      ALTER TABLE app_user
        ADD COLUMN external_id text CHECK (length(external_id) BETWEEN 1 AND 255),
        ADD COLUMN scim_user_name text CHECK (length(scim_user_name) BETWEEN 1 AND 255)`);
    await q.query(`
      CREATE UNIQUE INDEX app_user_external_id_key ON app_user (organisation_id, external_id)
        WHERE external_id IS NOT NULL`);
    await q.query(`
      CREATE UNIQUE INDEX app_user_scim_user_name_key ON app_user (organisation_id, lower(scim_user_name))
        WHERE scim_user_name IS NOT NULL`);
    await q.query(`
      CREATE INDEX app_user_scim_login_idx ON app_user (organisation_id, lower(coalesce(scim_user_name, email)))`);

    await q.query(`
      ALTER TABLE department ADD COLUMN external_id text CHECK (length(external_id) BETWEEN 1 AND 255)`);
    await q.query(`
      CREATE UNIQUE INDEX department_external_id_key ON department (organisation_id, external_id)
        WHERE external_id IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX department_external_id_key`);
    await q.query(`ALTER TABLE department DROP COLUMN external_id`);
    await q.query(`DROP INDEX app_user_scim_login_idx`);
    await q.query(`DROP INDEX app_user_scim_user_name_key`);
    await q.query(`DROP INDEX app_user_external_id_key`);
    await q.query(`ALTER TABLE app_user DROP COLUMN scim_user_name, DROP COLUMN external_id`);
    await q.query(`DROP TABLE scim_token`);
    // Events already written with a hyphenated first word stay (the log is append-only): unchecked.
    await q.query(`ALTER TABLE audit_event DROP CONSTRAINT audit_event_action_check`);
    await q.query(`
      ALTER TABLE audit_event ADD CONSTRAINT audit_event_action_check
        CHECK (action ~ '^[a-z]+(\\.[a-z-]+)+$') NOT VALID`);
  }
}
