import { Indicator } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useNotifications } from '../api/notifications';
import { BellButton } from './bell-button';

const loadPanel = () => import('./notification-panel');
const NotificationPanel = lazy(async () => ({ default: (await loadPanel()).NotificationPanel }));

/**
 * The header's bell: the unread count, polled. Its popover comes with the first click (fetched
 * as soon as the pointer or focus reaches the bell): the learner's first page need not carry it.
 */
export function NotificationBell() {
  const notifications = useNotifications();
  const [panelWanted, setPanelWanted] = useState(false);
  const unread = notifications.data?.unread ?? 0;
  const button = (
    <BellButton
      unread={unread}
      aria-haspopup="dialog"
      aria-expanded={false}
      onPointerEnter={() => void loadPanel()}
      onFocus={() => void loadPanel()}
      onClick={() => setPanelWanted(true)}
    />
  );

  return (
    <Indicator
      label={unread > 99 ? '99+' : unread}
      disabled={unread === 0}
      size={18}
      color="red"
      offset={6}
      attributes={{ indicator: { 'aria-hidden': true } }}
    >
      {panelWanted ? (
        <Suspense fallback={button}>
          <NotificationPanel />
        </Suspense>
      ) : (
        button
      )}
    </Indicator>
  );
}
