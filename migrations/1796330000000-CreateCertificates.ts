import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certificates: one per completion (so one per assignment cycle completed), with a verification
 * code anyone can check at /verify/<code>.
 *
 * - code: 32 characters of the RFC 4648 base32 alphabet (A–Z, 2–7) = 160 random bits, unique.
 *   The API draws it from crypto.randomBytes(20) in the transaction that writes the completion.
 *   Completions that exist before this migration get theirs here, drawn in SQL: the first 160 bits
 *   of SHA-256 over two gen_random_uuid() values (2 × 122 bits from PostgreSQL's strong random
 *   source), so no backfilled code carries fewer than 160 bits of randomness either.
 * - Kept like the completion it proves: a certificate is never deleted (only a cascade of the
 *   whole organisation, person or assignment removes it), never truncated, and its code,
 *   completion and issue time never change. Revoking fills revoked_*; reinstating clears them;
 *   both are audited.
 */
export class CreateCertificates1796330000000 implements MigrationInterface {
  name = 'CreateCertificates1796330000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE completion ADD CONSTRAINT completion_org_id_key UNIQUE (organisation_id, id)`);
    await q.query(`
      CREATE TABLE certificate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        completion_id uuid NOT NULL UNIQUE,
        code text NOT NULL CHECK (code ~ '^[A-Z2-7]{32}$'),
        issued_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        revoke_reason text CHECK (char_length(revoke_reason) BETWEEN 1 AND 500),
        CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL)),
        CHECK (revoked_at IS NOT NULL OR revoked_by IS NULL),
        UNIQUE (organisation_id, id),
        FOREIGN KEY (organisation_id, completion_id) REFERENCES completion(organisation_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE UNIQUE INDEX certificate_code_idx ON certificate (code)`);
    await q.query(`CREATE INDEX certificate_org_idx ON certificate (organisation_id)`);

    await q.query(`
      CREATE FUNCTION certificate_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF pg_trigger_depth() > 1 THEN
            RETURN OLD;
          END IF;
          RAISE EXCEPTION 'certificates cannot be deleted (revoke them instead)' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.code <> OLD.code OR NEW.completion_id <> OLD.completion_id
           OR NEW.organisation_id <> OLD.organisation_id OR NEW.issued_at <> OLD.issued_at THEN
          RAISE EXCEPTION 'a certificate''s code, completion and issue time cannot be changed' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER certificate_kept BEFORE UPDATE OR DELETE ON certificate
      FOR EACH ROW EXECUTE FUNCTION certificate_kept()`);
    await q.query(`
      CREATE TRIGGER certificate_no_truncate BEFORE TRUNCATE ON certificate
      FOR EACH STATEMENT EXECUTE FUNCTION evidence_no_truncate()`);

    // Every completion made so far gets its certificate, issued when it was completed.
    await q.query(`
      INSERT INTO certificate (organisation_id, completion_id, code, issued_at)
      SELECT c.organisation_id, c.id, code.value, c.completed_at
        FROM completion c
        CROSS JOIN LATERAL (
          SELECT string_agg(substr('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
                                   substring(r.bits FROM i * 5 + 1 FOR 5)::int + 1, 1), '' ORDER BY i) AS value
            FROM (SELECT ('x' || encode(substring(sha256(convert_to(
                           gen_random_uuid()::text || gen_random_uuid()::text || c.id::text, 'UTF8'))
                           FROM 1 FOR 20), 'hex'))::bit(160) AS bits) r,
                 generate_series(0, 31) AS i
        ) code`);
  }

  public async down(q: QueryRunner): Promise<void> {
    // A revoked certificate is a decision on the record: refuse to forget it silently.
    const [revoked] = await q.query(
      `SELECT count(*)::int AS n FROM certificate WHERE revoked_at IS NOT NULL`,
    );
    if (revoked.n > 0)
      throw new Error(
        `Cannot undo CreateCertificates: ${revoked.n} certificate(s) are revoked, and removing them would lose that record.`,
      );
    await q.query(`DROP TABLE certificate`);
    await q.query(`DROP FUNCTION certificate_kept`);
    await q.query(`ALTER TABLE completion DROP CONSTRAINT completion_org_id_key`);
  }
}
