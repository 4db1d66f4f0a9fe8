import type { CheckAnswers } from '@countersign/approach-checker';
import type { ReportRating } from '@countersign/contracts/approaches';

/** What "Report this approach" carries from the checker to the report form, in router state. */
export interface ReportDraft {
  checkAnswers: CheckAnswers;
  messageText?: string;
  /** The rating the check gave, shown on the form; the API re-runs the check itself. */
  rating?: ReportRating;
}

/** Router state comes from history and may be anything: accept only a well-formed draft. */
export function readReportDraft(state: unknown): ReportDraft | undefined {
  if (typeof state !== 'object' || state === null || !('checkAnswers' in state)) return undefined;
  const { checkAnswers, messageText, rating } = state as Record<string, unknown>;
  if (typeof checkAnswers !== 'object' || checkAnswers === null || Array.isArray(checkAnswers))
    return undefined;
  return {
    checkAnswers: checkAnswers as CheckAnswers,
    messageText: typeof messageText === 'string' ? messageText : undefined,
    rating: rating === 'low' || rating === 'medium' || rating === 'high' ? rating : undefined,
  };
}
