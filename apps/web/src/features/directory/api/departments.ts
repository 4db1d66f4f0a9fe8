import type { DepartmentView } from '@countersign/contracts/directory';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export const departmentsQueryOptions = queryOptions({
  queryKey: ['directory', 'departments'],
  queryFn: ({ signal }) => apiClient.get<DepartmentView[]>('/departments', undefined, signal),
  staleTime: 5 * 60_000,
});

export function useDepartments() {
  return useQuery(departmentsQueryOptions);
}
