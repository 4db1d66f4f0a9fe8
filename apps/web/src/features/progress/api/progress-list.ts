import type { Page } from '@countersign/contracts/common';
import type { ProgressListQuery, ProgressRow } from '@countersign/contracts/progress';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export function progressListQueryOptions(query: ProgressListQuery) {
  return queryOptions({
    queryKey: ['progress', 'list', query],
    queryFn: ({ signal }) => apiClient.get<Page<ProgressRow>>('/progress', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useProgressList(query: ProgressListQuery) {
  return useQuery(progressListQueryOptions(query));
}
