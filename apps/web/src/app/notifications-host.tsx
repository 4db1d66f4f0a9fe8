import { Notifications } from '@mantine/notifications';

/** Where toasts appear; loaded by providers.tsx with the first one. */
export function NotificationsHost() {
  return <Notifications position="top-right" />;
}
