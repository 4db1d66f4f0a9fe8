import type { Page } from '@countersign/contracts/common';
import type { UserListQuery, UserSummary } from '@countersign/contracts/directory';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export function usersQueryOptions(query: UserListQuery) {
  return queryOptions({
    queryKey: ['directory', 'users', query],
    queryFn: ({ signal }) => apiClient.get<Page<UserSummary>>('/users', query, signal),
    placeholderData: keepPreviousData,
  });
}

/** People whose name or email matches `q`; nothing is fetched for fewer than two characters. */
export function useUserSearch(q: string) {
  const term = q.trim();
  return useQuery({ ...usersQueryOptions({ q: term, pageSize: 20 }), enabled: term.length >= 2 });
}
