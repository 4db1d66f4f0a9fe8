import { z } from 'zod';
import { pageQuerySchema, uuidSchema } from '../common/index.js';
import type { AssignmentStatus } from '../learning/index.js';
import type { UserSummary } from '../directory/index.js';

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

export const PROGRESS_STATUS_FILTERS = ['completed', 'in-progress', 'not-started', 'overdue'] as const;

export const progressListQuerySchema = pageQuerySchema.extend({
  status: z.enum(PROGRESS_STATUS_FILTERS).optional(),
  departmentId: uuidSchema.optional(),
  moduleId: uuidSchema.optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['dueDate', 'name', 'completedAt']).default('dueDate'),
});
export type ProgressListQuery = z.input<typeof progressListQuerySchema>;

export interface ProgressRow {
  assignmentId: string;
  user: { id: string; name: string; email: string };
  department: { id: string; name: string } | null;
  module: { id: string; title: string };
  status: AssignmentStatus;
  overdue: boolean;
  dueDate: string;
  completedAt: string | null;
  scorePercent: number | null;
  completedVersion: number | null;
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
  user: UserSummary & { manager: { id: string; name: string } | null };
  assignments: ProgressRow[];
  attempts: AttemptSummary[];
}
