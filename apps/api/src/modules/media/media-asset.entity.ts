import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** An image uploaded by an author: metadata only; the bytes are in MediaAssetContent. Never changes. */
@Entity('media_asset')
export class MediaAsset {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organisation_id' }) organisationId: string;
  /** The type of the re-encoded image (always the type found in the upload's first bytes). */
  @Column('text', { name: 'content_type' }) contentType: string;
  @Column('integer') width: number;
  @Column('integer') height: number;
  @Column('integer') bytes: number;
  /** SHA-256 of the stored bytes: the ETag, and one asset per image per organisation. */
  @Column('text') sha256: string;
  @Column('uuid', { name: 'created_by' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** The bytes of an image, in PostgreSQL (never on the server's disk). */
@Entity('media_asset_content')
export class MediaAssetContent {
  @PrimaryColumn('uuid', { name: 'asset_id' }) assetId: string;
  @Column('bytea') data: Buffer;
}
