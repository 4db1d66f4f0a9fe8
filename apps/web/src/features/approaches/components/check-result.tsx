import type { CheckResult } from '@countersign/approach-checker';
import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconLock, IconSend } from '@tabler/icons-react';
import type { Ref } from 'react';
import { plural } from '../../../lib/format';
import { FlagList } from './flag-list';
import { RatingBadge } from './report-badges';

const SUMMARY = {
  high: 'This looks like a hostile approach. Please report it.',
  medium: 'Several things here are worth a closer look by your security team.',
  low: 'Nothing here points strongly to a hostile approach.',
} as const;

interface CheckResultPanelProps {
  result: CheckResult;
  /** The message the check ran on, to show matches in context. */
  message?: string;
  /** The answers or message changed since this result was produced. */
  stale: boolean;
  onReport: () => void;
  headingRef?: Ref<HTMLHeadingElement>;
}

/** The checker's verdict: rating, each red flag with its evidence, and what to do next. */
export function CheckResultPanel({ result, message, stale, onReport, headingRef }: CheckResultPanelProps) {
  return (
    <Paper
      withBorder
      radius="lg"
      p={{ base: 'md', sm: 'xl' }}
      component="section"
      aria-labelledby="check-result-heading"
      data-testid="check-result"
    >
      <Stack gap="lg">
        <Stack gap="sm">
          <Title
            order={2}
            fz="h3"
            id="check-result-heading"
            ref={headingRef}
            tabIndex={-1}
            style={{ scrollMarginTop: 80 }}
          >
            Result
          </Title>
          <Group gap="md" align="center">
            <RatingBadge rating={result.rating} large data-testid="rating-badge" />
            <Text size="sm" c="dimmed">
              {plural(result.flags.length, 'red flag')} found
            </Text>
          </Group>
          <Text fw={600}>{SUMMARY[result.rating]}</Text>
          {stale && (
            <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />} p="sm">
              You changed your answers or the message after this check. Press “Check” again to update the
              result.
            </Alert>
          )}
        </Stack>

        <Stack gap="sm">
          <Title order={3} fz="h4">
            What to do next
          </Title>
          <List spacing="xs" type="ordered">
            {result.advice.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </Stack>

        <Group gap="md" align="center">
          <Button size="lg" leftSection={<IconSend size={20} aria-hidden />} onClick={onReport}>
            Report this approach
          </Button>
          <Group gap={6} wrap="nowrap" c="dimmed">
            <IconLock size={16} aria-hidden />
            <Text size="sm">Nothing is stored unless you choose to report it.</Text>
          </Group>
        </Group>

        <Stack gap="sm">
          <Title order={3} fz="h4">
            Red flags ({result.flags.length})
          </Title>
          <FlagList flags={result.flags} message={message} headingOrder={4} />
        </Stack>
      </Stack>
    </Paper>
  );
}
