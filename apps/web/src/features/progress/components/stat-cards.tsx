import type { CompletionTotals } from '@countersign/contracts/progress';
import { Group, Paper, SimpleGrid, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconChecklist, IconProgress, IconUsersGroup } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { formatCount, formatPercent } from '../../../lib/format';

interface StatCardProps {
  label: string;
  value: string;
  detail: string;
  icon: ReactNode;
  color: string;
}

function StatCard({ label, value, detail, icon, color }: StatCardProps) {
  return (
    <Paper withBorder radius="lg" p="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text size="sm" fw={600} c="dimmed">
            {label}
          </Text>
          <Text fz={32} fw={700} lh={1.2} mt={4}>
            {value}
          </Text>
          <Text size="sm" c="dimmed" mt={4}>
            {detail}
          </Text>
        </div>
        <ThemeIcon variant="light" color={color} size={44} radius="md" aria-hidden>
          {icon}
        </ThemeIcon>
      </Group>
    </Paper>
  );
}

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
        value={formatPercent(totals.completionRate)}
        detail={`${formatCount(totals.completed)} completed`}
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
