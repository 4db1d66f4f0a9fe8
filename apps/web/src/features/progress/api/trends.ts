import type { ProgressTrend } from '@countersign/contracts/progress';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export const progressTrendQueryOptions = (departmentId: string | null) =>
  queryOptions({
    queryKey: ['progress', 'trends', departmentId ?? 'all'],
    queryFn: ({ signal }) =>
      apiClient.get<ProgressTrend>('/progress/trends', departmentId ? { departmentId } : undefined, signal),
  });

/** Weekly rates for the last year; keeps the last chart on screen while another department loads. */
export function useProgressTrend(departmentId: string | null) {
  return useQuery({ ...progressTrendQueryOptions(departmentId), placeholderData: keepPreviousData });
}
