import { Group, Progress, Text } from '@mantine/core';
import { formatPercent } from '../../../lib/format';

/** A rate as a number and a small bar, for table cells. */
export function CompletionRate({ rate, label }: { rate: number; label: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={rate} color="green" w={80} aria-label={label} />
      <Text size="sm" fw={600}>
        {formatPercent(rate)}
      </Text>
    </Group>
  );
}
