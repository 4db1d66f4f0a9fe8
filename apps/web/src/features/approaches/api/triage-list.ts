import type { TriageListItem, TriageListQuery } from '@countersign/contracts/approaches';
import type { Page } from '@countersign/contracts/common';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export function triageListQueryOptions(query: TriageListQuery) {
  return queryOptions({
    queryKey: ['approaches', 'triage', 'list', query],
    queryFn: ({ signal }) => apiClient.get<Page<TriageListItem>>('/approaches/reports', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTriageList(query: TriageListQuery) {
  return useQuery(triageListQueryOptions(query));
}
