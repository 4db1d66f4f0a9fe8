import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** A value to paste elsewhere (the SCIM URL, a new token), as text with a copy button. */
export function CopyField({ value, label }: { value: string; label: string }) {
  return (
    <Group gap={6} wrap="nowrap" align="center">
      <Text ff="monospace" fz="sm" style={{ overflowWrap: 'anywhere' }} data-testid={`copy-${label}`}>
        {value}
      </Text>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : `Copy the ${label}`} withArrow>
            <ActionIcon
              variant="subtle"
              color={copied ? 'green' : 'gray'}
              onClick={copy}
              aria-label={copied ? `${label} copied` : `Copy the ${label}`}
            >
              {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
