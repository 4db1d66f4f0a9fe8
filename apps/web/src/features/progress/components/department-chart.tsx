// Loaded with the pages that show it, not with the first page (see app/providers.tsx).
import '@mantine/charts/styles.css';
import type { ProgressOverview } from '@countersign/contracts/progress';
import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';

const SERIES = [
  { name: 'Completed', color: 'green.7' },
  { name: 'In progress', color: 'blue.5' },
  { name: 'Not started', color: 'gray.4' },
];

/** Stacked bars per department; the table below carries the same figures for screen readers. */
export function DepartmentChart({ departments }: { departments: ProgressOverview['departments'] }) {
  const data = departments.map((department) => ({
    department: department.name,
    Completed: department.completed,
    'In progress': department.inProgress,
    'Not started': department.notStarted,
  }));
  return (
    <>
      <BarChart
        h={Math.max(220, data.length * 44 + 80)}
        data={data}
        dataKey="department"
        series={SERIES}
        type="stacked"
        orientation="vertical"
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        yAxisProps={{ width: 160 }}
        gridAxis="none"
      />
      <Text size="xs" c="dimmed" mt="xs">
        The same figures appear in the “By department” table.
      </Text>
    </>
  );
}
