import type { NotificationView } from '../approaches/index.js';
import type { Page } from '../common/index.js';

/** In-app notifications of the signed-in person. */
export type { NotificationView };

/** GET /api/notifications: the caller's notifications, newest first, with the number unread. */
export interface NotificationList extends Page<NotificationView> {
  unread: number;
}
