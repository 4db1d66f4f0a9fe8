import { Box } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { MessagePage } from './message-page';

/**
 * Last line of defence for a page that crashed or whose code failed to load (e.g. after a deploy).
 * `standalone` when rendered outside the app shell, which otherwise provides the main landmark.
 */
export function RouteError({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  const message = (
    <MessagePage icon={<IconAlertTriangle size={32} />} title="This page failed to load">
      Reload the page to try again. If it keeps happening, tell your administrator: {detail}
    </MessagePage>
  );
  return standalone ? <Box component="main">{message}</Box> : message;
}
