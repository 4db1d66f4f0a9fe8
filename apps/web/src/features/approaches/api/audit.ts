import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/**
 * One entry of a report's audit trail, as GET /audit?subjectId= answers it. Contracts have no
 * audit folder yet; when they do, import the type from there and delete this one.
 */
export interface AuditEntry {
  at: string;
  actor: { id: string; name: string } | null;
  action: string;
  details: unknown;
}

export function reportAuditQueryOptions(reportId: string) {
  return queryOptions({
    queryKey: ['approaches', 'audit', reportId],
    queryFn: async ({ signal }) => {
      // An array as agreed; a page of entries is accepted too, should the endpoint become paged.
      const data = await apiClient.get<AuditEntry[] | { items: AuditEntry[] }>(
        '/audit',
        { subjectId: reportId },
        signal,
      );
      return Array.isArray(data) ? data : data.items;
    },
  });
}

/** Loaded only when the officer opens the audit section. */
export function useReportAudit(reportId: string, enabled: boolean) {
  return useQuery({ ...reportAuditQueryOptions(reportId), enabled });
}
