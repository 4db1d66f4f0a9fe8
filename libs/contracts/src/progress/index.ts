import { z } from 'zod';
import { isoDateSchema, type Page, pageQuerySchema, textSchema, uuidSchema } from '../common/index.js';
import type { AssignmentStatus } from '../learning/index.js';
import type { UserSummary } from '../directory/index.js';
import type { PersonStatus } from '../people/index.js';

export interface CompletionTotals {
  assigned: number;
  completed: number;
  inProgress: number;
  notStarted: number;
  overdue: number;
  /** completed / assigned, 0..100, one decimal. */
  completionRate: number;
}

export interface ProgressOverview {
  totals: CompletionTotals;
  departments: (CompletionTotals & { departmentId: string | null; name: string; people: number })[];
  modules: (CompletionTotals & { moduleId: string; title: string })[];
}

/** One week of the trend: how things stood at the end of the week (for this week: now). */
export interface TrendPoint {
  /** Monday of the week (UTC), YYYY-MM-DD. */
  weekStart: string;
  /** Current assignments of active people. */
  required: number;
  completed: number;
  overdue: number;
  /** completed / required and overdue / required, 0..100, one decimal. */
  completionRate: number;
  overdueRate: number;
}

export interface ProgressTrend {
  /** The last 52 finished weeks, oldest first; weeks before anything was required are left out. */
  weeks: TrendPoint[];
  /** This week so far. */
  current: TrendPoint;
}

export const progressTrendQuerySchema = z.object({
  departmentId: uuidSchema.optional().describe('Only this department; the whole organisation without it.'),
});

export const PROGRESS_STATUS_FILTERS = ['completed', 'in-progress', 'not-started', 'overdue'] as const;

export const progressListQuerySchema = pageQuerySchema.extend({
  status: z.enum(PROGRESS_STATUS_FILTERS).optional(),
  departmentId: uuidSchema.optional(),
  moduleId: uuidSchema.optional(),
  q: textSchema.trim().max(100).optional().describe("Part of the person's name or email address."),
  sort: z.enum(['dueDate', 'name', 'completedAt']).default('dueDate'),
  leavers: z
    .enum(['hide', 'show'])
    .default('hide')
    .describe(
      'show: deactivated people (leavers) are listed too, marked as such; they never count in rates.',
    ),
  /**
   * Opaque keyset cursor: the `nextCursor` of the page before. With it the page starts right after
   * that row (fast at any depth) and `page` only numbers the page for "Showing x–y of N"; without
   * it `page` is an offset. The API decodes and checks it (400 naming `after` when it is not one).
   */
  after: textSchema
    .trim()
    .min(1)
    .max(2000)
    .optional()
    .describe('The `nextCursor` of the page before: the page starts right after its last row.'),
});
export type ProgressListQuery = z.input<typeof progressListQuerySchema>;
export type ProgressSort = z.infer<typeof progressListQuerySchema>['sort'];

export interface ProgressRow {
  assignmentId: string;
  /** `deactivated` is there, true, only for a leaver (listed with `leavers=show`, and on their page). */
  user: { id: string; name: string; email: string; deactivated?: true };
  department: { id: string; name: string } | null;
  module: { id: string; title: string };
  /** 1 for the first time, 2 for the first refresh, … */
  cycle: number;
  /** False for an earlier cycle (kept as history on the person's page). */
  current: boolean;
  /** How it was assigned: by an administrator, by a rule, by the demo, or as remedial training. */
  source: 'manual' | 'rule' | 'seed' | 'remedial';
  status: AssignmentStatus;
  overdue: boolean;
  dueDate: string;
  completedAt: string | null;
  scorePercent: number | null;
  completedVersion: number | null;
}

/** A page of the people list: the common page fields plus the cursor of the next page. */
export interface ProgressPage extends Page<ProgressRow> {
  /** Pass as `after` (with `page + 1`) for the next page, served by keyset; null on the last page. */
  nextCursor: string | null;
}

export interface AttemptSummary {
  id: string;
  module: { id: string; title: string };
  version: number;
  startedAt: string;
  finishedAt: string | null;
  status: 'in-progress' | 'passed';
  scenarioOutcome: 'safe' | 'compromised' | null;
  quizRounds: number;
  lastScorePercent: number | null;
}

export interface PersonDetail {
  /** `status` says whether the person is a leaver (deactivated): their records stay visible. */
  user: UserSummary & { manager: { id: string; name: string } | null; status: PersonStatus };
  assignments: ProgressRow[];
  attempts: AttemptSummary[];
}

/**
 * GET /api/progress/export.csv: the list's own query (filters, sort, leavers), every page. `page`,
 * `pageSize` and `after` are not part of it (a link built from the list's query string may carry
 * them; they are ignored), so the file is the whole list the screen pages through.
 */
export const progressExportQuerySchema = progressListQuerySchema.omit({
  page: true,
  pageSize: true,
  after: true,
});
export type ProgressExportQuery = z.input<typeof progressExportQuerySchema>;

/** The CSV's columns, in the table's order (the person cell's name, email and marker split out). */
export const PROGRESS_CSV_COLUMNS = [
  'Person',
  'Email',
  'Deactivated',
  'Department',
  'Module',
  'Cycle',
  'Status',
  'Overdue',
  'Due date',
  'Completed at (UTC)',
  'Days late',
  'Score (%)',
  'Version',
] as const;

const STATUS_WORDS: Record<AssignmentStatus, string> = {
  completed: 'Completed',
  'in-progress': 'In progress',
  'not-started': 'Not started',
};

/**
 * Whole days a completion came after its due date, by calendar day in UTC (0 when on time or not
 * completed). The web counts in the viewer's time zone; a file has no viewer, so it says UTC.
 */
export function daysLateUtc(dueDate: string, completedAt: string | null): number {
  if (!completedAt) return 0;
  const days = (Date.parse(completedAt.slice(0, 10)) - Date.parse(dueDate)) / 86_400_000;
  return Math.max(0, Math.round(days));
}

/**
 * One list row as the CSV's cells, in PROGRESS_CSV_COLUMNS order: the table's facts in a form a
 * spreadsheet can sort and filter (ISO dates, plain numbers, empty for "—"). Status words are the
 * table's badges ("Completed late" when completed after the due date).
 */
export function progressCsvCells(row: ProgressRow): (string | number)[] {
  const late = daysLateUtc(row.dueDate, row.completedAt);
  return [
    row.user.name,
    row.user.email,
    row.user.deactivated ? 'Yes' : 'No',
    row.department?.name ?? '',
    row.module.title,
    row.cycle,
    row.status === 'completed' && late > 0 ? 'Completed late' : STATUS_WORDS[row.status],
    row.overdue ? 'Yes' : 'No',
    row.dueDate,
    row.completedAt ?? '',
    row.completedAt ? late : '',
    row.scorePercent ?? '',
    row.completedVersion ?? '',
  ];
}

/** GET /api/progress/compliance-report.pdf: one department (or the whole organisation) on a day. */
export const complianceReportQuerySchema = z.object({
  departmentId: uuidSchema.optional().describe('The department; without it, the whole organisation.'),
  date: isoDateSchema
    .optional()
    .describe('The day the report is "as of" (YYYY-MM-DD, UTC), today or earlier; default today.'),
});
export type ComplianceReportQuery = z.input<typeof complianceReportQuerySchema>;
