import type { CertificateRow } from './certificates.service.js';

/** A file name that is safe in a zip and a download on every system: "Person – Module (2).pdf". */
export function certificateFileName(
  row: Pick<CertificateRow, 'person' | 'module' | 'cycle' | 'code'>,
): string {
  const clean = (text: string) =>
    text
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f"<>|:*?/\\;]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80);
  const cycle = row.cycle > 1 ? ` (${row.cycle})` : '';
  return `${clean(row.person) || 'Person'} - ${clean(row.module) || 'Module'}${cycle} - ${row.code.slice(0, 8)}.pdf`;
}
