import { Button, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';

interface DownloadButtonProps extends Omit<ButtonProps, 'onClick' | 'loading'> {
  /** Fetches the file and hands it to the browser (see apiClient.download). */
  start: () => Promise<void>;
  children: string;
  /** The accessible name when the visible label is not enough (several on one page). */
  'aria-label'?: string;
  /** What the error notification's title says when the download is refused. */
  failureTitle?: string;
}

/**
 * A button that downloads a file, shows progress while it comes, and says why when it cannot. A
 * download changes nothing the app holds, so plain state rather than a query-cache mutation.
 */
export function DownloadButton({ start, children, failureTitle, ...props }: DownloadButtonProps) {
  const [pending, setPending] = useState(false);
  const click = async () => {
    setPending(true);
    try {
      await start();
    } catch (error) {
      notifications.show({
        color: 'red',
        title: failureTitle ?? 'The download did not start',
        message: error instanceof Error ? error.message : 'The download failed.',
      });
    } finally {
      setPending(false);
    }
  };
  return (
    <Button
      leftSection={<IconDownload size={16} aria-hidden />}
      {...props}
      loading={pending}
      onClick={() => void click()}
    >
      {children}
    </Button>
  );
}
