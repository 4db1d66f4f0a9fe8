import { z } from 'zod';
import type { Page } from '../common/index.js';

/**
 * What a notification is about: a new high-rated approach report or a report's new status (to
 * officers, to the reporter), or a learner who has failed as many quiz rounds as the module's
 * retry policy allows before the officers are told; training reminders and escalations.
 */
export const NOTIFICATION_KINDS = [
  'report-new-high',
  'report-status-changed',
  'quiz-rounds-failed',
  /** Training due soon, today or overdue (mirrors the reminder email). */
  'training-reminder',
  /** To a manager or officer: someone's training is overdue (mirrors the escalation email). */
  'training-overdue',
  /** To the officers: a rule assigned someone remedial training after failures or a compromised ending. */
  'remedial-assigned',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** One in-app notification of the signed-in person. */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** Where it leads in the web app. */
  link: string;
  createdAt: string;
  read: boolean;
}

/** GET /api/notifications: the caller's notifications, newest first, with the number unread. */
export interface NotificationList extends Page<NotificationView> {
  unread: number;
}

/**
 * POST /api/notifications/read-all: marks the caller's notifications read. With `upTo` (the
 * newest notification the person has seen), only those created at or before it: one that arrived
 * after the list was shown stays unread.
 */
export const markAllReadSchema = z.object({
  upTo: z.iso.datetime({ offset: true, message: 'must be a date and time (ISO 8601)' }).optional(),
});
export type MarkAllReadRequest = z.input<typeof markAllReadSchema>;

export interface MarkAllReadResult {
  /** How many were unread and are now read. */
  marked: number;
  /** How many are still unread (those newer than `upTo`). */
  unread: number;
}
