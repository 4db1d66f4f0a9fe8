import type { MyReportView } from '@countersign/contracts/approaches';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export const myReportsQueryOptions = queryOptions({
  queryKey: ['approaches', 'mine'],
  queryFn: ({ signal }) => apiClient.get<MyReportView[]>('/approaches/reports/mine', undefined, signal),
});

export function useMyReports() {
  return useQuery(myReportsQueryOptions);
}

export function myReportQueryOptions(reportId: string) {
  return queryOptions({
    queryKey: ['approaches', 'mine', reportId],
    queryFn: ({ signal }) =>
      apiClient.get<MyReportView>(
        `/approaches/reports/mine/${encodeURIComponent(reportId)}`,
        undefined,
        signal,
      ),
  });
}

export function useMyReport(reportId: string) {
  return useQuery(myReportQueryOptions(reportId));
}
