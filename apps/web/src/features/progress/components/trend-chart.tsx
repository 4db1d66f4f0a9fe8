// Loaded with the pages that show it, not with the first page (see app/providers.tsx).
import '@mantine/charts/styles.css';
import type { ProgressOverview, TrendPoint } from '@countersign/contracts/progress';
import { LineChart } from '@mantine/charts';
import { Group, Select, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { ErrorState } from '../../../components/ui/error-state';
import { useProgressTrend } from '../api/trends';

const SERIES = [
  { name: 'Completed', color: 'green.7' },
  { name: 'Overdue', color: 'red.7' },
];

const weekLabel = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const longWeek = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

function label(point: TrendPoint, current: boolean): string {
  return current ? 'This week' : weekLabel.format(new Date(`${point.weekStart}T00:00:00Z`));
}

/**
 * Completion and overdue rates week by week over the last year, for the organisation or one
 * department. The figures come from the records (see the API's progress-trends.service.ts); a
 * table with the same figures is there for screen readers.
 */
export function TrendChart({ departments }: { departments: ProgressOverview['departments'] }) {
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const trend = useProgressTrend(departmentId);
  const options = [
    { value: '', label: 'Whole organisation' },
    ...departments
      .filter((d): d is typeof d & { departmentId: string } => d.departmentId !== null)
      .map((d) => ({ value: d.departmentId, label: d.name })),
  ];
  const points = trend.data
    ? [...trend.data.weeks.map((w) => ({ w, current: false })), { w: trend.data.current, current: true }]
    : [];
  const data = points.map(({ w, current }) => ({
    week: label(w, current),
    Completed: w.completionRate,
    Overdue: w.overdueRate,
  }));
  const recorded = trend.data?.weeks.some((w) => w.required > 0) ?? false;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed" maw={560}>
          Share of required training completed and overdue at the end of each week, from the records. People
          count in their current department.
        </Text>
        <Select
          label="Department"
          data={options}
          value={departmentId ?? ''}
          onChange={(value) => setDepartmentId(value || null)}
          allowDeselect={false}
          w={240}
        />
      </Group>
      {trend.isPending && <Skeleton h={280} radius="md" aria-label="Loading the trend" />}
      {trend.isError && (
        <ErrorState
          error={trend.error}
          title="The trend could not be loaded"
          onRetry={() => trend.refetch()}
        />
      )}
      {trend.data && (
        <>
          {!recorded && (
            <Text size="sm">
              No finished week has been recorded yet: the weekly figures are computed each night from the
              records. Until then only this week is shown.
            </Text>
          )}
          <LineChart
            h={280}
            data={data}
            dataKey="week"
            series={SERIES}
            curveType="linear"
            withDots={false}
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            yAxisProps={{ domain: [0, 100] }}
            unit="%"
            xAxisProps={{ minTickGap: 24 }}
          />
          <VisuallyHidden>
            <Table>
              <caption>Completion and overdue rate by week</caption>
              <thead>
                <tr>
                  <th scope="col">Week starting</th>
                  <th scope="col">Required</th>
                  <th scope="col">Completed</th>
                  <th scope="col">Overdue</th>
                </tr>
              </thead>
              <tbody>
                {points.map(({ w, current }) => (
                  <tr key={w.weekStart}>
                    <th scope="row">
                      {current ? 'This week' : longWeek.format(new Date(`${w.weekStart}T00:00:00Z`))}
                    </th>
                    <td>{w.required}</td>
                    <td>
                      {w.completed} ({w.completionRate}%)
                    </td>
                    <td>
                      {w.overdue} ({w.overdueRate}%)
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </VisuallyHidden>
        </>
      )}
    </Stack>
  );
}
