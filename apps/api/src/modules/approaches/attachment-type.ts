import { ATTACHMENT_TYPES } from '@countersign/contracts/approaches';

export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** The magic-byte check is shared with authored media uploads. */
export { sniffType } from '../../common/image-type.js';

const EXTENSIONS: Record<AttachmentType, string> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/webp': '.webp',
};

/**
 * A file name safe to store and to put in a Content-Disposition header: the last path segment,
 * without control or quote characters, at most 200 characters, ending in the extension of the
 * real type.
 */
export function safeFileName(original: string | undefined, type: AttachmentType): string {
  const base = (original ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"<>|:*?;]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const stem = cleaned.replace(/\.[A-Za-z0-9]{1,5}$/, '').slice(0, 180) || 'screenshot';
  return `${stem}${EXTENSIONS[type]}`;
}

/** `inline; filename="…"; filename*=UTF-8''…`: an ASCII fallback plus the exact name (RFC 6266). */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
