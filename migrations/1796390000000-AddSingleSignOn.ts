import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * OpenID Connect sign-in, one connection per organisation.
 *
 * - sso_connection: the organisation's identity provider (issuer, client id, the client secret
 *   sealed by SecretBox with the context `sso:<organisation id>`), how its claims map onto a
 *   person, whether it is on and whether it is the only way in ("SSO required").
 * - sso_domain: the email domains whose people sign in through it. A domain belongs to one
 *   organisation across the installation (the primary key), so "where does this email sign in"
 *   has one answer.
 * - sso_identity: the provider's name for a person, (issuer, subject), unique: the email may
 *   change at the provider, the subject does not.
 * - sso_break_glass_admin: the administrators who may still sign in with a password while SSO is
 *   required (for when the provider is down or misconfigured). Only an active admin counts.
 * - sso_login: sign-ins on their way through the provider: state, nonce, PKCE verifier, where to
 *   return, and a hash of the cookie that binds it to the browser that started it. In the database
 *   so that any API replica can finish what another started; deleted when used (single use).
 * - user_session.sso_issuer / sso_id_token: a session opened by SSO remembers its provider and the
 *   ID token (sealed) to send as id_token_hint when signing out there (RP-initiated logout).
 */
export class AddSingleSignOn1796390000000 implements MigrationInterface {
  name = 'AddSingleSignOn1796390000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sso_connection (
        organisation_id uuid PRIMARY KEY REFERENCES organisation (id) ON DELETE CASCADE,
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
        issuer text NOT NULL CHECK (length(issuer) BETWEEN 1 AND 500),
        client_id text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 500),
        client_secret_sealed text,
        email_claim text NOT NULL DEFAULT 'email',
        name_claim text NOT NULL DEFAULT 'name',
        department_claim text,
        groups_claim text,
        role_mappings jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(role_mappings) = 'array'),
        default_role user_role NOT NULL DEFAULT 'employee',
        enabled boolean NOT NULL DEFAULT false,
        sso_required boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sso_connection_required_needs_enabled CHECK (enabled OR NOT sso_required)
      )`);
    await q.query(`
      CREATE TABLE sso_domain (
        domain text PRIMARY KEY CHECK (domain = lower(domain) AND length(domain) BETWEEN 1 AND 253),
        organisation_id uuid NOT NULL REFERENCES sso_connection (organisation_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX sso_domain_organisation_idx ON sso_domain (organisation_id)`);
    await q.query(`
      CREATE TABLE sso_identity (
        issuer text NOT NULL,
        subject text NOT NULL,
        organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_sign_in_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (issuer, subject),
        CONSTRAINT sso_identity_user_issuer_key UNIQUE (user_id, issuer)
      )`);
    await q.query(`CREATE INDEX sso_identity_organisation_idx ON sso_identity (organisation_id, user_id)`);
    await q.query(`
      CREATE TABLE sso_break_glass_admin (
        organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE sso_login (
        state text PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
        browser_hash text NOT NULL,
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        return_to text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX sso_login_organisation_idx ON sso_login (organisation_id)`);
    await q.query(`CREATE INDEX sso_login_expires_idx ON sso_login (expires_at)`);
    await q.query(`ALTER TABLE user_session ADD COLUMN sso_issuer text, ADD COLUMN sso_id_token text`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_session DROP COLUMN sso_id_token, DROP COLUMN sso_issuer`);
    await q.query(`DROP TABLE sso_login`);
    await q.query(`DROP TABLE sso_break_glass_admin`);
    await q.query(`DROP TABLE sso_identity`);
    await q.query(`DROP TABLE sso_domain`);
    await q.query(`DROP TABLE sso_connection`);
  }
}
