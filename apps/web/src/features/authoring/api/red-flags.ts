import type { RedFlagView } from '@countersign/contracts/training';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export const redFlagsQueryOptions = queryOptions({
  queryKey: ['training', 'red-flags'],
  queryFn: ({ signal }) => apiClient.get<RedFlagView[]>('/red-flags', undefined, signal),
  staleTime: Infinity,
});

export function useRedFlags() {
  return useQuery(redFlagsQueryOptions);
}
