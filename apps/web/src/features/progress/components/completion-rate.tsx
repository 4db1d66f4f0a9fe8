import type { CompletionTotals } from '@countersign/contracts/progress';
import { Group, Progress, Text } from '@mantine/core';
import { formatPercent } from '../../../lib/format';

type RateTotals = Pick<CompletionTotals, 'assigned' | 'completionRate'>;

/**
 * The completion rate as shown: `—` when nobody is assigned, since 0 of 0 is no rate at all
 * (the API sends 0 there, which read as "nobody did it").
 */
export function formatCompletionRate(totals: RateTotals): string {
  return totals.assigned === 0 ? '—' : formatPercent(totals.completionRate);
}

/** A rate as a number and a small bar, for table cells; only `—` when nobody is assigned. */
export function CompletionRate({ totals, label }: { totals: RateTotals; label: string }) {
  if (totals.assigned === 0) {
    return (
      <Text
        size="sm"
        c="dimmed"
        title="Nobody is assigned training here"
        aria-label={`${label}: nobody assigned`}
      >
        —
      </Text>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={totals.completionRate} color="green" w={80} aria-label={label} />
      <Text size="sm" fw={600}>
        {formatPercent(totals.completionRate)}
      </Text>
    </Group>
  );
}
