import { Alert, Stack, Text } from '@mantine/core';
import { IconMessageCircle } from '@tabler/icons-react';
import { paragraphs } from '../../../lib/format';

/** The security team's closing message to the reporter, as plain text. */
export function OutcomePanel({
  outcome,
  title = 'Outcome from your security team',
}: {
  outcome: string;
  title?: string;
}) {
  return (
    <Alert
      color="green"
      variant="light"
      icon={<IconMessageCircle aria-hidden />}
      title={title}
      data-testid="report-outcome"
    >
      <Stack gap="xs">
        {paragraphs(outcome).map((line, index) => (
          <Text key={index} size="sm">
            {line}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
