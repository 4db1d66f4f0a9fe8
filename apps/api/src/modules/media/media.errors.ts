import {
  MAX_MEDIA_BYTES,
  MAX_MEDIA_INPUT_PIXELS,
  MEDIA_ERROR_CODES,
  MEDIA_TYPES,
} from '@countersign/contracts/media';
import { DomainError, notFound, unprocessable } from '../../common/domain-error.js';

/**
 * The errors of image uploads, each with a stable code. `field` names what is at fault: `file`
 * for an upload, or the JSON path of the image in an imported module document (`media[0].data`).
 */

const MB = MAX_MEDIA_BYTES / (1024 * 1024);
const MEGAPIXELS = MAX_MEDIA_INPUT_PIXELS / 1_000_000;

export const mediaNotFound = () => notFound('The image');

export const fileRequired = (reason = 'is required') =>
  new DomainError(
    400,
    MEDIA_ERROR_CODES.fileRequired,
    'Attach the image as the multipart form field "file".',
    [{ field: 'file', message: reason }],
  );

export const badMediaUpload = (reason: string) =>
  new DomainError(
    400,
    'validation_failed',
    `Send one image as the multipart form field "file" (${reason}).`,
    [{ field: 'file', message: reason }],
  );

export const fileTooLarge = (field = 'file', afterReencoding = false) =>
  new DomainError(
    413,
    MEDIA_ERROR_CODES.fileTooLarge,
    afterReencoding
      ? `The image is larger than ${MB} MB even after re-encoding. Save it as a JPEG or make it smaller.`
      : `The image is larger than ${MB} MB.`,
    [{ field, message: `must be at most ${MB} MB` }],
  );

export const unsupportedImageType = (detectedType: string, field = 'file') =>
  new DomainError(
    415,
    MEDIA_ERROR_CODES.unsupportedImageType,
    `The file is ${describe(detectedType)}, not a PNG, JPEG or WebP image. Upload a PNG, JPEG or WebP picture.`,
    { field, detectedType, allowed: MEDIA_TYPES },
  );

export const invalidImage = (reason: string, field = 'file') =>
  unprocessable(MEDIA_ERROR_CODES.invalidImage, `The image could not be read: ${reason}.`, [
    { field, message: reason },
  ]);

export const tooManyPixels = (field = 'file') =>
  invalidImage(`it has more than ${MEGAPIXELS} million pixels`, field);

/** `image/gif` → `a GIF image (image/gif)`: what the author sees in the refusal. */
function describe(type: string): string {
  const names: Record<string, string> = {
    'image/gif': 'a GIF image',
    'image/svg+xml': 'an SVG drawing',
    'image/bmp': 'a BMP image',
    'image/tiff': 'a TIFF image',
    'image/heic': 'a HEIC photo',
    'application/pdf': 'a PDF document',
    'application/zip': 'a ZIP archive',
    'text/html': 'an HTML page',
    'text/plain': 'a text file',
    'video/mp4': 'a video',
  };
  return names[type] ? `${names[type]} (${type})` : `of an unknown type (${type})`;
}
