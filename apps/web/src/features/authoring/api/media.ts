import { MAX_MEDIA_BYTES, MEDIA_TYPES, type MediaAsset } from '@countersign/contracts/media';
import { apiClient } from '../../../lib/api-client';
import { formatBytes } from '../../../lib/format';

export const MEDIA_ACCEPT = MEDIA_TYPES.join(',');
export const MAX_MEDIA_MB = MAX_MEDIA_BYTES / (1024 * 1024);

/**
 * Why a picked file cannot be uploaded as an image, or undefined when it can. The server checks
 * the bytes again; this only spares the author a pointless wait.
 */
export function imageFileProblem(file: Pick<File, 'name' | 'type' | 'size'>): string | undefined {
  if (!(MEDIA_TYPES as readonly string[]).includes(file.type)) {
    return `${file.name} is not a PNG, JPEG or WebP image.`;
  }
  if (file.size > MAX_MEDIA_BYTES) {
    return `${file.name} is ${formatBytes(file.size)}, over the ${MAX_MEDIA_MB} MB limit. Choose a smaller image.`;
  }
  return undefined;
}

/** Uploads an image for use in a module (multipart field `file`); answers the stored asset. */
export function uploadMedia(
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<MediaAsset> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiClient.upload<MediaAsset>('/authoring/media', form, { onProgress, signal });
}
