import type { MyReportView } from '@countersign/contracts/approaches';
import { ActionIcon, CopyButton, Group, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { formatDate, formatDateTime } from '../../../lib/format';

function Fact({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div style={wide ? { gridColumn: '1 / -1' } : undefined}>
      <Text component="dt" size="xs" fw={600} c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** Long text a person typed or pasted: shown as plain text with its line breaks. */
function LongText({ text }: { text: string | null }) {
  if (!text) return <>—</>;
  return (
    <Text component="span" fw={400} style={{ whiteSpace: 'pre-wrap' }}>
      {text}
    </Text>
  );
}

/**
 * The profile address as text with a copy button, deliberately not a link: it may lead to a
 * hostile profile that logs who visits.
 */
function ProfileAddress({ url }: { url: string | null }) {
  if (!url) return <>—</>;
  return (
    <Group component="span" gap={4} wrap="nowrap" align="flex-start">
      <Text component="span" ff="monospace" fz="sm" style={{ overflowWrap: 'anywhere' }}>
        {url}
      </Text>
      <CopyButton value={url}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy the address'} withArrow>
            <ActionIcon
              variant="subtle"
              color={copied ? 'green' : 'gray'}
              size="sm"
              onClick={copy}
              aria-label={copied ? 'Address copied' : 'Copy the profile address'}
            >
              {copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

/** Everything the reporter told us, as a description list. */
export function ReportFacts({ report }: { report: MyReportView }) {
  return (
    <Stack gap="md">
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} spacing="md" m={0}>
        <Fact label="Reported">{formatDateTime(report.createdAt)}</Fact>
        <Fact label="Where">{report.platform}</Fact>
        <Fact label="When it happened">{formatDate(report.occurredOn)}</Fact>
        <Fact label="Name used">{report.nameUsed ?? '—'}</Fact>
        <Fact label="Replied">{report.replied ? 'Yes' : 'No'}</Fact>
        <Fact label="Profile address" wide>
          <ProfileAddress url={report.profileUrl} />
        </Fact>
        <Fact label="What was offered or asked" wide>
          <LongText text={report.offered} />
        </Fact>
        <Fact label="The message" wide>
          <LongText text={report.messageText} />
        </Fact>
      </SimpleGrid>
    </Stack>
  );
}
