import dayjs from 'dayjs';

/**
 * Whole days a completion came after its due date; 0 when it was on or before the due date (or
 * has not happened). A due date is a calendar day, so the completion counts by its calendar day
 * in the viewer's time zone: the same day every date on screen is shown in (`formatDate`).
 */
export function daysLate(dueDate: string, completedAt: string | null | undefined): number {
  if (!completedAt) return 0;
  const completedOn = dayjs(completedAt).startOf('day');
  const due = dayjs(dueDate).startOf('day');
  return Math.max(0, completedOn.diff(due, 'day'));
}

/** "1 day after the due date", "12 days after the due date". */
export function lateBy(days: number): string {
  return `${days} ${days === 1 ? 'day' : 'days'} after the due date`;
}
