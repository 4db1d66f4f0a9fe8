import { Skeleton, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorState } from '../../../components/ui/error-state';
import { isApiError } from '../../../lib/api-client';

/** Loading skeleton, "not found" and retryable error states of a single-report page. */
export function ReportLoadState({ query }: { query: UseQueryResult<unknown> }) {
  if (query.isPending) {
    return (
      <Stack gap="lg" role="status" aria-label="Loading the report">
        <Skeleton h={130} radius="lg" />
        <Skeleton h={290} radius="lg" />
      </Stack>
    );
  }
  if (!query.isError) return null;
  if (isApiError(query.error) && query.error.isNotFound) {
    return <ErrorState error={query.error} title="Report not found" />;
  }
  return (
    <ErrorState error={query.error} title="This report could not be loaded" onRetry={() => query.refetch()} />
  );
}
