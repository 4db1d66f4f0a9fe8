import { Button, EmptyState, Paper, Skeleton, Stack } from '@mantine/core';
import { IconInbox, IconShieldSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/ui/error-state';
import { PageHeader } from '../../../components/ui/page-header';
import { useMyReports } from '../api/my-reports';
import { MyReportsTable } from '../components/my-reports-table';

/** "My reports": the approaches the signed-in person reported, with status and outcome. */
export function MyReportsPage() {
  const reports = useMyReports();

  return (
    <>
      <PageHeader
        title="My reports"
        description="Approaches you reported, what your security team is doing with them, and the outcome."
        actions={
          <Button
            component={Link}
            to="/approaches/check"
            leftSection={<IconShieldSearch size={18} aria-hidden />}
          >
            Check an approach
          </Button>
        }
      />
      {reports.isPending && (
        <Stack gap="sm" role="status" aria-label="Loading your reports">
          {[0, 1, 2, 3].map((index) => (
            <Skeleton key={index} h={44} />
          ))}
        </Stack>
      )}
      {reports.isError && (
        <ErrorState
          error={reports.error}
          title="Your reports could not be loaded"
          onRetry={() => reports.refetch()}
        />
      )}
      {reports.data?.length === 0 && (
        <EmptyState
          icon={<IconInbox size={32} aria-hidden />}
          withIndicatorBackground
          title="You have not reported anything yet"
          description="If a message or connection request feels odd, check it: it takes a minute, and nothing is stored unless you report it."
          py={64}
        >
          <EmptyState.Actions>
            <Button component={Link} to="/approaches/check">
              Check an approach
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      )}
      {reports.data && reports.data.length > 0 && (
        <Paper withBorder radius="lg" p="lg">
          <MyReportsTable reports={reports.data} />
        </Paper>
      )}
    </>
  );
}
