import type { MyAssignment } from '@countersign/contracts/learning';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export const myAssignmentsQueryOptions = queryOptions({
  queryKey: ['learning', 'my-assignments'],
  queryFn: ({ signal }) => apiClient.get<MyAssignment[]>('/me/assignments', undefined, signal),
});

export function useMyAssignments() {
  return useQuery(myAssignmentsQueryOptions);
}
