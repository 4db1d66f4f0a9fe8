import type { AuditAction, AuditEventsPage, AuditSubjectType } from '@countersign/contracts/audit';
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** The audit page's filters as the web holds them (the API's query, without paging). */
export interface AuditFilterValues {
  actorId?: string;
  action?: AuditAction[];
  subjectType?: AuditSubjectType;
  subjectId?: string;
  from?: string;
  to?: string;
}

const PAGE_SIZE = 50;

/** The filters as query parameters: several actions travel as one comma-separated value. */
export function auditQuery(filters: AuditFilterValues): Record<string, string | undefined> {
  return {
    actorId: filters.actorId,
    action: filters.action?.length ? filters.action.join(',') : undefined,
    subjectType: filters.subjectType,
    subjectId: filters.subjectId,
    from: filters.from,
    to: filters.to,
  };
}

/** The audit log, newest first, one page after another ("Load more") by the API's cursor. */
export function useAuditEvents(filters: AuditFilterValues) {
  return useInfiniteQuery({
    queryKey: ['audit', 'events', filters],
    queryFn: ({ pageParam, signal }) =>
      apiClient.get<AuditEventsPage>(
        '/audit/events',
        { ...auditQuery(filters), pageSize: PAGE_SIZE, after: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Downloads the filtered log as CSV (the export is recorded in the log). */
export function downloadAuditCsv(filters: AuditFilterValues): Promise<void> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(auditQuery(filters))) if (value) params.set(key, value);
  const search = params.toString();
  return apiClient.download(`/audit/events.csv${search ? `?${search}` : ''}`, 'audit-log.csv');
}
