import type { PersonDetail } from '@countersign/contracts/progress';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export function personQueryOptions(userId: string) {
  return queryOptions({
    queryKey: ['progress', 'person', userId],
    queryFn: ({ signal }) =>
      apiClient.get<PersonDetail>(`/progress/people/${encodeURIComponent(userId)}`, undefined, signal),
  });
}

export function usePerson(userId: string) {
  return useQuery(personQueryOptions(userId));
}
