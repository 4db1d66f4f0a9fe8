import type { ApproachStats } from '@countersign/contracts/approaches';
import { SimpleGrid, Skeleton } from '@mantine/core';
import { IconAlertOctagon, IconCircleDot, IconClockHour4, IconInbox } from '@tabler/icons-react';
import { ErrorState } from '../../../components/ui/error-state';
import { StatCard } from '../../../components/ui/stat-card';
import { formatCount, formatHours } from '../../../lib/format';
import { useApproachStats } from '../api/stats';

const GRID = { base: 1, xs: 2, lg: 4 };

export function StatFigures({ stats }: { stats: ApproachStats }) {
  return (
    <SimpleGrid cols={GRID} spacing="lg" data-testid="approach-stats">
      <StatCard
        label="Open reports"
        value={formatCount(stats.open)}
        detail="new, in review or escalated"
        icon={<IconInbox size={24} />}
        color="navy"
      />
      <StatCard
        label="New"
        value={formatCount(stats.new)}
        detail="not looked at yet"
        icon={<IconCircleDot size={24} />}
        color="blue"
      />
      <StatCard
        label="High-rated, open"
        value={formatCount(stats.highOpen)}
        detail="rated high risk by the checker"
        icon={<IconAlertOctagon size={24} />}
        color="red"
      />
      <StatCard
        label="Time to first review"
        value={formatHours(stats.medianHoursToFirstReview)}
        detail={stats.medianHoursToFirstReview === null ? 'no reviews in 90 days' : 'median, last 90 days'}
        icon={<IconClockHour4 size={24} />}
        color="green"
      />
    </SimpleGrid>
  );
}

/** The queue's headline figures. */
export function TriageStatCards() {
  const stats = useApproachStats();
  if (stats.isPending) {
    return (
      <SimpleGrid cols={GRID} spacing="lg" role="status" aria-label="Loading the figures">
        {[0, 1, 2, 3].map((index) => (
          <Skeleton key={index} h={118} radius="lg" />
        ))}
      </SimpleGrid>
    );
  }
  if (stats.isError) {
    return (
      <ErrorState
        error={stats.error}
        title="The figures could not be loaded"
        onRetry={() => stats.refetch()}
      />
    );
  }
  return <StatFigures stats={stats.data} />;
}
