// Loaded with the pages that show it, not with the first page (see app/providers.tsx).
import '@mantine/charts/styles.css';
import type { ProgressOverview } from '@countersign/contracts/progress';
import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';

/**
 * Two bars per department: the assignments by status, stacked, and beside them the overdue ones.
 * Overdue assignments are also in progress or not started, so they get a bar of their own rather
 * than a slice of the stack (which would count them twice).
 */
const SERIES = [
  { name: 'Completed', color: 'green.7', stackId: 'status' },
  { name: 'In progress', color: 'blue.5', stackId: 'status' },
  { name: 'Not started', color: 'gray.4', stackId: 'status' },
  { name: 'Overdue', color: 'red.7', stackId: 'overdue' },
];

/** Bars per department; the table below carries the same figures for screen readers. */
export function DepartmentChart({ departments }: { departments: ProgressOverview['departments'] }) {
  const data = departments.map((department) => ({
    department: department.name,
    Completed: department.completed,
    'In progress': department.inProgress,
    'Not started': department.notStarted,
    Overdue: department.overdue,
  }));
  return (
    <>
      <BarChart
        h={Math.max(240, data.length * 64 + 80)}
        data={data}
        dataKey="department"
        series={SERIES}
        // Not type="stacked": that puts every series in one stack. The series' stackIds stack the
        // statuses and set the overdue bar beside them.
        type="default"
        orientation="vertical"
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        yAxisProps={{ width: 160 }}
        gridAxis="none"
      />
      <Text size="xs" c="dimmed" mt="xs">
        Overdue assignments are also counted as in progress or not started. The same figures appear in the “By
        department” table.
      </Text>
    </>
  );
}
