import { Button, EmptyState, Paper, SimpleGrid, Skeleton, Stack, Title } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { hasPermission } from '@countersign/contracts/permissions';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/ui/error-state';
import { PageHeader } from '../../../components/ui/page-header';
import { ApproachesSummaryCard } from '../../approaches/components/approaches-summary-card';
import { useCurrentSession } from '../../auth/api/session';
import { useProgressOverview } from '../api/overview';
import { DepartmentTable, ModuleTable } from '../components/breakdown-tables';
import { DepartmentChart } from '../components/department-chart';
import { StatCards } from '../components/stat-cards';
import { TrendChart } from '../components/trend-chart';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="lg" p="lg" component="section">
      <Title order={2} fz="h4" mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function OverviewSkeleton() {
  return (
    <Stack gap="lg" role="status" aria-label="Loading the overview">
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="lg">
        {[0, 1, 2, 3].map((index) => (
          <Skeleton key={index} h={118} radius="lg" />
        ))}
      </SimpleGrid>
      <Skeleton h={320} radius="lg" />
      <Skeleton h={240} radius="lg" />
    </Stack>
  );
}

/** The officer's dashboard: how much of the assigned training is done, by department and module. */
export function OverviewPage() {
  const { user } = useCurrentSession();
  const overview = useProgressOverview();
  const data = overview.data;

  return (
    <>
      <PageHeader
        title="Completion overview"
        description={`Security-awareness training across ${user.organisation.name}.`}
        actions={
          <Button component={Link} to="/officer/people?status=overdue" variant="default">
            See overdue people
          </Button>
        }
      />
      {hasPermission(user.role, 'approaches:triage') && <ApproachesSummaryCard mb="lg" />}
      {overview.isPending && <OverviewSkeleton />}
      {overview.isError && (
        <ErrorState
          error={overview.error}
          title="The overview could not be loaded"
          onRetry={() => overview.refetch()}
        />
      )}
      {data && data.totals.assigned === 0 && (
        <EmptyState
          icon={<IconChartBar size={32} aria-hidden />}
          withIndicatorBackground
          title="No training assigned yet"
          description="Completion figures appear here once modules are assigned to people."
          py={64}
        >
          {hasPermission(user.role, 'assignments:manage') && (
            <EmptyState.Actions>
              <Button component={Link} to="/admin/assign">
                Assign training
              </Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      )}
      {data && data.totals.assigned > 0 && (
        <Stack gap="lg">
          <StatCards totals={data.totals} />
          <Section title="Completion by department">
            <DepartmentChart departments={data.departments} />
          </Section>
          <Section title="Completion over the last 12 months">
            <TrendChart departments={data.departments} />
          </Section>
          <Section title="By department">
            <DepartmentTable departments={data.departments} />
          </Section>
          <Section title="By module">
            <ModuleTable modules={data.modules} />
          </Section>
        </Stack>
      )}
    </>
  );
}
