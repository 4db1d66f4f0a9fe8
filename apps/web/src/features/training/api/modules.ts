import type { ModuleSummary } from '@countersign/contracts/training';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export const modulesQueryOptions = queryOptions({
  queryKey: ['training', 'modules'],
  queryFn: ({ signal }) => apiClient.get<ModuleSummary[]>('/modules', undefined, signal),
  staleTime: 5 * 60_000,
});

export function useModules() {
  return useQuery(modulesQueryOptions);
}
