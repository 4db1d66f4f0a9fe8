import { MEDIA_URL_PREFIX, mediaUrlPattern } from '@countersign/scenario-engine';
import { z } from 'zod';
import { textSchema, uuidSchema } from '../common/index.js';

/**
 * Images uploaded by authors (recruiter profile photos, artefact pictures).
 *
 * Upload: `POST /api/authoring/media`, multipart form with one field `file` (permission
 * `modules:author`). The server decides the type from the file's bytes (not its name or the
 * browser's content type), re-encodes the image (auto-rotated, all metadata such as EXIF GPS
 * removed, longest side at most {@link MAX_MEDIA_DIMENSION} px) and answers 201 with a
 * {@link MediaAsset}. Uploading the same bytes again in the same organisation answers 201 with
 * the asset already stored.
 *
 * Errors (`{ statusCode, code, message, details? }`):
 * - 413 `file_too_large` — more than {@link MAX_MEDIA_BYTES} bytes;
 * - 415 `unsupported_image_type` — not PNG, JPEG or WebP; `details.detectedType` names what it is
 *   (e.g. `image/gif`, `application/pdf`, `text/html`, `image/svg+xml`, `unknown`);
 * - 422 `invalid_image` — looks like an image but does not decode, or is too large in pixels;
 * - 400 `file_required` — no `file` field.
 *
 * View: `GET` the asset's `url` (same session, permission `modules:read`: every role).
 */

export const MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/** Upload size limit, in bytes (2 MiB). */
export const MAX_MEDIA_BYTES = 2 * 1024 * 1024;
/** The longest side of a stored image, in pixels; larger uploads are scaled down, smaller never up. */
export const MAX_MEDIA_DIMENSION = 1600;
/** Decoded-size limit (width × height) against decompression bombs. */
export const MAX_MEDIA_INPUT_PIXELS = 40_000_000;

export const MEDIA_ERROR_CODES = {
  fileRequired: 'file_required',
  fileTooLarge: 'file_too_large',
  unsupportedImageType: 'unsupported_image_type',
  invalidImage: 'invalid_image',
  /** Saving, publishing or importing a module whose photoUrl names no image of the organisation (422). */
  unknownMedia: 'unknown_media',
} as const;

export interface MediaAsset {
  id: string;
  /** `/api/media/<id>`: the only form a scenario's `photoUrl` may take. */
  url: string;
  contentType: MediaType;
  width: number;
  height: number;
  /** Size of the stored (re-encoded) image. */
  bytes: number;
  createdAt: string;
}

/** `/api/media/<uuid>` */
export { MEDIA_URL_PREFIX, mediaUrlPattern };

export function mediaUrl(id: string): string {
  return `${MEDIA_URL_PREFIX}${id}`;
}

/**
 * An image carried inside a module export document, so the module can be imported into another
 * organisation. `id` is the asset id the content's photoUrls refer to; the importer re-creates
 * the image (same checks and re-encoding as an upload) and rewrites those photoUrls.
 */
export const exportedMediaSchema = z.object({
  id: uuidSchema,
  contentType: z.enum(MEDIA_TYPES),
  /** The image bytes, base64. */
  data: textSchema
    .max(Math.ceil((MAX_MEDIA_BYTES * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
});
export type ExportedMedia = z.output<typeof exportedMediaSchema>;
