import type { ProgressOverview } from '@countersign/contracts/progress';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export const progressOverviewQueryOptions = queryOptions({
  queryKey: ['progress', 'overview'],
  queryFn: ({ signal }) => apiClient.get<ProgressOverview>('/progress/overview', undefined, signal),
});

export function useProgressOverview() {
  return useQuery(progressOverviewQueryOptions);
}
