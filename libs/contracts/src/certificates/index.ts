import { z } from 'zod';
import { textSchema, uuidSchema } from '../common/index.js';
import { progressListQuerySchema } from '../progress/index.js';

/**
 * Certificates: one per completion, with a verification code anyone can check at
 * `/verify/<code>` (no sign-in). A code is 32 characters of the base32 alphabet (A–Z, 2–7):
 * 160 random bits. People may type it in groups of four, with spaces or hyphens, in any case.
 */

export const CERTIFICATE_CODE_LENGTH = 32;
const CODE_PATTERN = /^[A-Z2-7]{32}$/;

/** The code as stored and used in links: separators removed, upper case. */
export function normaliseCertificateCode(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase();
}

/** The code as printed for people to read and type: groups of four. */
export function formatCertificateCode(code: string): string {
  return (normaliseCertificateCode(code).match(/.{1,4}/g) ?? []).join('-');
}

/**
 * The day of a completion or revocation as certificates and the verify page print it, in UTC so
 * that both say the same wherever they are read: "2 January 2026".
 */
export function formatCertificateDate(at: string | Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(at));
}

export function isCertificateCode(input: string): boolean {
  return CODE_PATTERN.test(normaliseCertificateCode(input));
}

export const certificateCodeSchema = textSchema
  .max(100)
  .transform(normaliseCertificateCode)
  .refine((code) => CODE_PATTERN.test(code), {
    message: `must be the ${CERTIFICATE_CODE_LENGTH}-character code printed on the certificate (letters A–Z and digits 2–7)`,
  });

/** GET /api/verify/:code — everything the public may learn from a code, and nothing more. */
export interface CertificateVerification {
  code: string;
  status: 'valid' | 'revoked';
  /** When it was revoked (status `revoked`), else null. */
  revokedAt: string | null;
  organisation: string;
  person: string;
  module: string;
  version: number;
  completedAt: string;
  scorePercent: number;
}

/** The 404 code of a verification code nobody issued. */
export const UNKNOWN_CERTIFICATE = 'certificate_unknown';

/** A certificate as officers see it on a person's page. */
export interface CertificateView {
  id: string;
  code: string;
  assignmentId: string;
  module: { id: string; title: string };
  version: number;
  cycle: number;
  completedAt: string;
  scorePercent: number;
  issuedAt: string;
  /** Null while valid. */
  revocation: { at: string; by: { id: string; name: string } | null; reason: string } | null;
}

/** GET /api/certificates?userId= — a person's certificates, newest first. */
export const certificateListQuerySchema = z.object({
  userId: uuidSchema.describe('The person whose certificates to list.'),
});
export type CertificateListQuery = z.input<typeof certificateListQuerySchema>;

/** POST /api/certificates/:id/revoke and /reinstate. */
export const certificateDecisionSchema = z.object({
  reason: textSchema
    .trim()
    .min(3, 'must say why, in at least 3 characters')
    .max(500)
    .describe('Why, in a sentence: kept in the audit log (and, for a revocation, on the certificate).'),
});
export type CertificateDecision = z.input<typeof certificateDecisionSchema>;

/**
 * GET /api/certificates/zip — the certificates of the completed rows of the officer's people list,
 * with the list's own filters (paging and sort are ignored: every matching row is in the zip).
 */
export const certificateZipQuerySchema = progressListQuerySchema.pick({
  status: true,
  departmentId: true,
  moduleId: true,
  q: true,
  leavers: true,
});
export type CertificateZipQuery = z.input<typeof certificateZipQuerySchema>;
