import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Images uploaded by authors (profile photos in scenarios). The server re-encodes every upload, so
 * what is stored is always a PNG, JPEG or WebP without metadata, at most 1600 px on its longest side
 * and at most 2 MiB. Assets never change: the same bytes in the same organisation are one asset
 * (unique sha256), and the bytes live in their own table so that listing metadata never reads them.
 */
export class CreateMediaAssets1795823543804 implements MigrationInterface {
  name = 'CreateMediaAssets1795823543804';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE media_asset (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        content_type text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
        width integer NOT NULL CHECK (width BETWEEN 1 AND 1600),
        height integer NOT NULL CHECK (height BETWEEN 1 AND 1600),
        bytes integer NOT NULL CHECK (bytes BETWEEN 1 AND 2097152),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (organisation_id, created_by) REFERENCES app_user(organisation_id, id) DEFERRABLE INITIALLY DEFERRED
      )`);
    // Scopes every lookup by organisation and makes re-uploading the same image return the same asset.
    await q.query(
      `CREATE UNIQUE INDEX media_asset_organisation_sha256_idx ON media_asset (organisation_id, sha256)`,
    );
    await q.query(`
      CREATE TABLE media_asset_content (
        asset_id uuid PRIMARY KEY REFERENCES media_asset(id) ON DELETE CASCADE,
        data bytea NOT NULL
      )`);
    // The images are compressed already: store them out of line without trying again.
    await q.query(`ALTER TABLE media_asset_content ALTER COLUMN data SET STORAGE EXTERNAL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE media_asset_content`);
    await q.query(`DROP TABLE media_asset`);
  }
}
