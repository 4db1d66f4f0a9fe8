import { Alert, Button, Checkbox, CopyButton, Group, List, Paper, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconDownload, IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { recoveryCodesFile } from '../api/second-factor';

interface RecoveryCodesPanelProps {
  codes: readonly string[];
  /** The account the codes belong to, named in the downloaded file. */
  account: string;
  /** Called once the person says they have saved the codes. */
  onDone: () => void;
  doneLabel?: string;
}

/**
 * The ten recovery codes, shown once: copy or download them, then say they are saved. The
 * button stays off until then, so nobody leaves the only view of them by accident.
 */
export function RecoveryCodesPanel({
  codes,
  account,
  onDone,
  doneLabel = 'Continue',
}: RecoveryCodesPanelProps) {
  const [saved, setSaved] = useState(false);
  const text = recoveryCodesFile(codes, account);

  const download = () => {
    const href = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = href;
    link.download = 'countersign-recovery-codes.txt';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  };

  return (
    <Stack gap="md" data-testid="recovery-codes">
      <Alert
        color="orange"
        variant="light"
        icon={<IconKey size={18} aria-hidden />}
        title="Save your recovery codes now"
      >
        If you lose your phone, each of these codes signs you in once instead of a code from the app. They are
        shown only this once: keep them somewhere safe, apart from your phone.
      </Alert>
      <Paper withBorder radius="md" p="md" bg="var(--mantine-color-gray-0)">
        <List
          listStyleType="none"
          spacing={4}
          ff="monospace"
          fz="md"
          aria-label="Recovery codes"
          style={{ columns: 2 }}
        >
          {codes.map((code) => (
            <List.Item key={code}>{code}</List.Item>
          ))}
        </List>
      </Paper>
      <Group gap="sm">
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button
              variant="default"
              onClick={copy}
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            >
              {copied ? 'Copied' : 'Copy codes'}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={download} leftSection={<IconDownload size={16} aria-hidden />}>
          Download as a text file
        </Button>
      </Group>
      <Checkbox
        label="I have saved my recovery codes somewhere safe"
        checked={saved}
        onChange={(e) => setSaved(e.currentTarget.checked)}
      />
      <Group>
        <Button onClick={onDone} disabled={!saved}>
          {doneLabel}
        </Button>
      </Group>
      {!saved && (
        <Text size="sm" c="dimmed">
          Tick the box once you have copied or downloaded the codes.
        </Text>
      )}
    </Stack>
  );
}
