/** The image types the API accepts in uploads (screenshots, authored media). */
export const UPLOAD_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type UploadImageType = (typeof UPLOAD_IMAGE_TYPES)[number];

/**
 * What a file really is, from its first bytes: the browser's declared type and the file name are
 * the uploader's claim, not evidence. Only PNG, JPEG and WebP are accepted; a few other common
 * types are recognised so that the refusal can name what was sent.
 */
export function sniffType(bytes: Uint8Array): { type: string; accepted: UploadImageType | null } {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  const ascii = (from: number, text: string) =>
    [...text].every((c, i) => bytes[from + i] === c.charCodeAt(0));

  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))
    return { type: 'image/png', accepted: 'image/png' };
  if (starts(0xff, 0xd8, 0xff)) return { type: 'image/jpeg', accepted: 'image/jpeg' };
  if (bytes.length >= 12 && ascii(0, 'RIFF') && ascii(8, 'WEBP'))
    return { type: 'image/webp', accepted: 'image/webp' };

  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return { type: 'image/gif', accepted: null };
  if (ascii(0, '%PDF-')) return { type: 'application/pdf', accepted: null };
  if (starts(0x50, 0x4b, 0x03, 0x04)) return { type: 'application/zip', accepted: null };
  if (ascii(0, 'BM')) return { type: 'image/bmp', accepted: null };
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a))
    return { type: 'image/tiff', accepted: null };
  if (bytes.length >= 12 && ascii(4, 'ftyp')) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    return { type: /^(heic|heix|mif1|msf1|hevc)$/.test(brand) ? 'image/heic' : 'video/mp4', accepted: null };
  }
  if (isText(bytes)) {
    const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
    if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg')))
      return { type: 'image/svg+xml', accepted: null };
    if (head.startsWith('<!doctype html') || head.startsWith('<html'))
      return { type: 'text/html', accepted: null };
    return { type: 'text/plain', accepted: null };
  }
  return { type: 'application/octet-stream', accepted: null };
}

/** Valid UTF-8 without control characters other than tab, line feed and carriage return. */
function isText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(sample);
  } catch {
    // A multi-byte character cut at the end of the sample is still text.
    if (sample.length < bytes.length) {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, sample.length - 3));
      } catch {
        return false;
      }
    } else return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}
