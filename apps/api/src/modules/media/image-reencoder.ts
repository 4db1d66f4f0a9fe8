import { createHash } from 'node:crypto';
import {
  MAX_MEDIA_BYTES,
  MAX_MEDIA_DIMENSION,
  MAX_MEDIA_INPUT_PIXELS,
  type MediaType,
} from '@countersign/contracts/media';
import sharp, { type Metadata, type OutputInfo, type SharpOptions } from 'sharp';
import { sniffType } from '../../common/image-type.js';
import {
  fileRequired,
  fileTooLarge,
  invalidImage,
  tooManyPixels,
  unsupportedImageType,
} from './media.errors.js';

/** An image as it will be stored: re-encoded, without metadata, within the limits. */
export interface ReencodedImage {
  contentType: MediaType;
  width: number;
  height: number;
  data: Buffer;
  sha256: string;
}

/**
 * libvips can read many formats (SVG, PDF, GIF, TIFF, HEIF...), each a large attack surface. This
 * process only ever needs to decode the three accepted ones, so every other loader is switched
 * off (process-wide; sharp is used for nothing else).
 */
sharp.block({ operation: ['VipsForeignLoad'] });
sharp.unblock({
  operation: ['VipsForeignLoadPngBuffer', 'VipsForeignLoadJpegBuffer', 'VipsForeignLoadWebpBuffer'],
});
// Each upload is decoded once: libvips' operation cache only holds memory (bench/results/authoring-*).
sharp.cache(false);

/** The libvips loader that must have read the file, for each accepted type. */
const SHARP_FORMAT: Record<MediaType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/webp': 'webp',
};

/**
 * Checks an uploaded image and re-encodes it. Only the pixels survive: the decoder sees the whole
 * file, so a polyglot, a truncated file or a crafted chunk is refused or reduced to pixels; EXIF
 * (GPS position, camera serial, author), XMP, IPTC, ICC profiles and comments are all dropped
 * (sharp keeps none unless asked); the orientation tag is applied to the pixels first so that
 * photos from phones stay upright. The format is kept: authors choose PNG for sharp-edged
 * graphics or transparency and JPEG for photos, and a conversion would lose one or the other.
 *
 * `field` names the input in errors (`file` for an upload, `media[0].data` for an import).
 */
export async function reencodeImage(input: Buffer, field = 'file'): Promise<ReencodedImage> {
  if (input.length === 0)
    throw field === 'file' ? fileRequired('is empty') : invalidImage('it is empty', field);
  if (input.length > MAX_MEDIA_BYTES) throw fileTooLarge(field);
  const { type, accepted } = sniffType(input);
  if (!accepted) throw unsupportedImageType(type, field);

  // Dimensions from the header are checked before any pixel is decoded (decompression bombs).
  const options = { limitInputPixels: MAX_MEDIA_INPUT_PIXELS, failOn: 'error' as const, autoOrient: true };
  let meta: Metadata;
  try {
    meta = await sharp(input, options).metadata();
  } catch (error) {
    throw decodeError(error, field);
  }
  if (meta.format !== SHARP_FORMAT[accepted]) throw unsupportedImageType(type, field);
  if (!meta.width || !meta.height) throw invalidImage('it has no size', field);
  if (meta.width * meta.height > MAX_MEDIA_INPUT_PIXELS) throw tooManyPixels(field);

  let out = await encode(input, options, accepted, field, 'normal');
  if (out.data.length > MAX_MEDIA_BYTES) out = await encode(input, options, accepted, field, 'smaller');
  if (out.data.length > MAX_MEDIA_BYTES) throw fileTooLarge(field, true);
  return {
    contentType: accepted,
    width: out.info.width,
    height: out.info.height,
    data: out.data,
    sha256: createHash('sha256').update(out.data).digest('hex'),
  };
}

async function encode(
  input: Buffer,
  options: SharpOptions,
  type: MediaType,
  field: string,
  effort: 'normal' | 'smaller',
): Promise<{ data: Buffer; info: OutputInfo }> {
  const pipeline = sharp(input, options).resize({
    width: MAX_MEDIA_DIMENSION,
    height: MAX_MEDIA_DIMENSION,
    fit: 'inside',
    withoutEnlargement: true,
  });
  const smaller = effort === 'smaller';
  if (type === 'image/png') pipeline.png({ compressionLevel: 9, palette: smaller });
  else if (type === 'image/jpeg') pipeline.jpeg({ quality: smaller ? 70 : 85 });
  else pipeline.webp({ quality: smaller ? 70 : 85 });
  try {
    return await pipeline.toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw decodeError(error, field);
  }
}

function decodeError(error: unknown, field: string) {
  return /pixel limit/i.test((error as Error).message ?? '')
    ? tooManyPixels(field)
    : invalidImage('it is damaged or not really an image', field);
}
