import { z } from 'zod';
import type { NotificationView } from '../approaches/index.js';
import type { Page } from '../common/index.js';

/** In-app notifications of the signed-in person. */
export type { NotificationView };

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
