import type { AuditEventView } from '@countersign/contracts/audit';
import type { Page } from '@countersign/contracts/common';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export function reportAuditQueryOptions(reportId: string) {
  return queryOptions({
    queryKey: ['approaches', 'audit', reportId],
    queryFn: async ({ signal }) => {
      // The newest 200 entries: far more than one report gathers in practice.
      const page = await apiClient.get<Page<AuditEventView>>(
        '/audit',
        { subjectId: reportId, pageSize: 200 },
        signal,
      );
      return page.items;
    },
  });
}

/** Loaded only when the officer opens the audit section. */
export function useReportAudit(reportId: string, enabled: boolean) {
  return useQuery({ ...reportAuditQueryOptions(reportId), enabled });
}
