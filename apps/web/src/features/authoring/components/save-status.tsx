import { Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconLoader2 } from '@tabler/icons-react';
import dayjs from 'dayjs';
import type { DraftEditor } from '../editor/use-draft-editor';

/** "Saving…", "Saved 14:05" or "Not saved — retry": always visible in the editor's header. */
export function SaveStatus({ editor }: { editor: DraftEditor }) {
  const { status, lastSavedAt } = editor;
  let body;
  switch (status) {
    case 'saving':
    case 'pending':
      body = (
        <>
          <IconLoader2 size={16} aria-hidden />
          <Text size="sm">{status === 'saving' ? 'Saving…' : 'Unsaved changes'}</Text>
        </>
      );
      break;
    case 'saved':
      body = (
        <>
          <IconCheck size={16} color="var(--mantine-color-green-7)" aria-hidden />
          <Text size="sm">
            {lastSavedAt ? `Saved ${dayjs(lastSavedAt).format('HH:mm')}` : 'All changes saved'}
          </Text>
        </>
      );
      break;
    case 'invalid':
      body = (
        <>
          <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" aria-hidden />
          <Text size="sm" c="red.8">
            Not saved — see Problems
          </Text>
        </>
      );
      break;
    case 'error':
      body = (
        <>
          <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" aria-hidden />
          <Text size="sm" c="red.8" title={editor.errorMessage ?? undefined}>
            Not saved
          </Text>
          <Button size="compact-xs" variant="light" color="red" onClick={() => void editor.retry()}>
            Retry
          </Button>
        </>
      );
      break;
    case 'conflict':
      body = (
        <>
          <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" aria-hidden />
          <Text size="sm" c="red.8">
            Not saved — changed elsewhere
          </Text>
        </>
      );
      break;
  }
  return (
    <Group gap={6} role="status" aria-live="polite" data-testid="save-status" wrap="nowrap">
      {body}
    </Group>
  );
}
