import type { ApproachStats } from '@countersign/contracts/approaches';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export const approachStatsQueryOptions = queryOptions({
  queryKey: ['approaches', 'triage', 'stats'],
  queryFn: ({ signal }) => apiClient.get<ApproachStats>('/approaches/stats', undefined, signal),
});

export function useApproachStats() {
  return useQuery(approachStatsQueryOptions);
}
