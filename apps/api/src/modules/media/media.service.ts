import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mediaUrl, type ExportedMedia, type MediaAsset, type MediaType } from '@countersign/contracts/media';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthContext } from '../../common/auth-context.js';
import type { UploadedFile } from '../../common/file-upload.js';
import { AuditService } from '../audit/audit.service.js';
import { reencodeImage, type ReencodedImage } from './image-reencoder.js';
import { fileRequired, mediaNotFound } from './media.errors.js';

interface AssetRow {
  id: string;
  content_type: MediaType;
  width: number;
  height: number;
  bytes: number;
  created_at: Date;
}

const ASSET_COLUMNS = 'id, content_type, width, height, bytes, created_at';

/**
 * Images for authored modules, kept in PostgreSQL per organisation. Every image is re-encoded
 * before it is stored (see reencodeImage), and stored images never change, so they can be cached
 * for good. The same image uploaded twice in one organisation is one asset: the second upload
 * answers with the first (deduplicated by the SHA-256 of the re-encoded bytes).
 */
@Injectable()
export class MediaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async upload(auth: AuthContext, file: UploadedFile | undefined): Promise<MediaAsset> {
    if (!file) throw fileRequired();
    const image = await reencodeImage(file.buffer ?? Buffer.alloc(0));
    return this.dataSource.transaction((tx) => this.store(tx, auth, image));
  }

  /** Stores a re-encoded image (recorded), or finds the organisation's asset with the same bytes. */
  async store(manager: EntityManager, auth: AuthContext, image: ReencodedImage): Promise<MediaAsset> {
    const [inserted] = await manager.query<AssetRow[]>(
      `INSERT INTO media_asset (organisation_id, content_type, width, height, bytes, sha256, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (organisation_id, sha256) DO NOTHING
       RETURNING ${ASSET_COLUMNS}`,
      [
        auth.organisationId,
        image.contentType,
        image.width,
        image.height,
        image.data.length,
        image.sha256,
        auth.userId,
      ],
    );
    if (inserted) {
      await manager.query(`INSERT INTO media_asset_content (asset_id, data) VALUES ($1, $2)`, [
        inserted.id,
        image.data,
      ]);
      await this.audit.record(manager, {
        organisationId: auth.organisationId,
        actorId: auth.userId,
        action: 'media.uploaded',
        subjectType: 'media_asset',
        subjectId: inserted.id,
        details: {
          contentType: image.contentType,
          width: image.width,
          height: image.height,
          bytes: image.data.length,
        },
      });
      return toMediaAsset(inserted);
    }
    const [existing] = await manager.query<AssetRow[]>(
      `SELECT ${ASSET_COLUMNS} FROM media_asset WHERE organisation_id = $1 AND sha256 = $2`,
      [auth.organisationId, image.sha256],
    );
    return toMediaAsset(existing!);
  }

  /**
   * What the image's headers need (type and hash), without its bytes: a browser revalidating
   * its cached copy gets its 304 without the image being read from the database.
   */
  async describe(organisationId: string, id: string): Promise<{ contentType: MediaType; sha256: string }> {
    const [row] = await this.dataSource.query<{ content_type: MediaType; sha256: string }[]>(
      `SELECT content_type, sha256 FROM media_asset WHERE organisation_id = $1 AND id = $2`,
      [organisationId, id],
    );
    if (!row) throw mediaNotFound();
    return { contentType: row.content_type, sha256: row.sha256 };
  }

  /** The bytes of an asset of the organisation; another organisation's asset is not found. */
  async bytes(organisationId: string, id: string): Promise<Buffer> {
    const [row] = await this.dataSource.query<{ data: Buffer }[]>(
      `SELECT c.data
         FROM media_asset a JOIN media_asset_content c ON c.asset_id = a.id
        WHERE a.organisation_id = $1 AND a.id = $2`,
      [organisationId, id],
    );
    if (!row) throw mediaNotFound();
    return row.data;
  }

  /** Which of the given asset ids exist in the organisation. */
  async existing(
    manager: EntityManager,
    organisationId: string,
    ids: readonly string[],
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM media_asset WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
      [organisationId, [...new Set(ids)]],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The organisation's assets with the given ids, with their bytes, for a module export. */
  async forExport(organisationId: string, ids: readonly string[]): Promise<ExportedMedia[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.query<{ id: string; content_type: MediaType; data: Buffer }[]>(
      `SELECT a.id, a.content_type, c.data
         FROM media_asset a JOIN media_asset_content c ON c.asset_id = a.id
        WHERE a.organisation_id = $1 AND a.id = ANY($2::uuid[])
        ORDER BY a.id`,
      [organisationId, [...new Set(ids)]],
    );
    return rows.map((r) => ({ id: r.id, contentType: r.content_type, data: r.data.toString('base64') }));
  }
}

function toMediaAsset(row: AssetRow): MediaAsset {
  return {
    id: row.id,
    url: mediaUrl(row.id),
    contentType: row.content_type,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
