import { z } from 'zod';

/**
 * Importing people from a CSV file: a preview that writes nothing, then an apply that writes
 * everything or nothing. Header names are matched case-insensitively; spaces, underscores and
 * hyphens are alike ("Manager email", "manager_email").
 */
export const IMPORT_COLUMNS = [
  'email',
  'name',
  'department',
  'role',
  'manager email',
  'sensitivity tier',
  'job title',
  'start date',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_IMPORT_COLUMNS: readonly ImportColumn[] = ['email', 'name'];

export const IMPORT_MAX_ROWS = 100_000;
export const IMPORT_MAX_BYTES = 32 * 1024 * 1024;
/** Problems listed in an answer; the count says how many there are in all. */
export const IMPORT_PROBLEMS_SHOWN = 1000;

/** The template offered for download: the header and one example line. */
export const IMPORT_TEMPLATE_CSV =
  `${IMPORT_COLUMNS.join(',')}\r\n` +
  'ada.lovelace@example.org,Ada Lovelace,Engineering,employee,grace.hopper@example.org,elevated,Analyst,2026-01-05\r\n';

/** Query of POST /api/people/import/preview and /apply. */
export const importOptionsSchema = z
  .object({
    deactivateMissing: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true')
      .describe('Deactivate the active people of the organisation who are not in the file.'),
  })
  .strict();
export type ImportOptions = z.input<typeof importOptionsSchema>;

export interface ImportProblem {
  /** The file's line (the header is line 1); null for a problem of the whole file. */
  line: number | null;
  column: ImportColumn | null;
  message: string;
}

export interface ImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  deactivated: number;
  departmentsCreated: number;
  /** Invitation emails queued for the people created (0 without a mail server). */
  invitations: number;
  problemCount: number;
  /** The first IMPORT_PROBLEMS_SHOWN problems, in line order. */
  problems: ImportProblem[];
}

export interface ImportApplied extends ImportSummary {
  importId: string;
}
