import type { CompletionTotals } from '@countersign/contracts/progress';
import { SimpleGrid } from '@mantine/core';
import { IconAlertTriangle, IconChecklist, IconProgress, IconUsersGroup } from '@tabler/icons-react';
import { StatCard } from '../../../components/ui/stat-card';
import { formatCount } from '../../../lib/format';
import { formatCompletionRate } from './completion-rate';

export function StatCards({ totals }: { totals: CompletionTotals }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="lg" data-testid="stat-cards">
      <StatCard
        label="Assigned"
        value={formatCount(totals.assigned)}
        detail="module assignments in total"
        icon={<IconUsersGroup size={24} />}
        color="navy"
      />
      <StatCard
        label="Completion rate"
        value={formatCompletionRate(totals)}
        detail={totals.assigned === 0 ? 'nobody assigned yet' : `${formatCount(totals.completed)} completed`}
        icon={<IconChecklist size={24} />}
        color="green"
      />
      <StatCard
        label="Overdue"
        value={formatCount(totals.overdue)}
        detail="past their due date"
        icon={<IconAlertTriangle size={24} />}
        color="red"
      />
      <StatCard
        label="In progress"
        value={formatCount(totals.inProgress)}
        detail={`${formatCount(totals.notStarted)} not started`}
        icon={<IconProgress size={24} />}
        color="blue"
      />
    </SimpleGrid>
  );
}
