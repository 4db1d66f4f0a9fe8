import type {
  AddNoteRequest,
  AssignReportRequest,
  ChangeStatusRequest,
  TriageReportView,
} from '@countersign/contracts/approaches';
import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiClient, isApiError } from '../../../lib/api-client';

const reportPath = (reportId: string, action?: 'assign' | 'status' | 'notes' | 'export') =>
  `/approaches/reports/${encodeURIComponent(reportId)}${action ? `/${action}` : ''}`;

const triageReportKey = (reportId: string) => ['approaches', 'triage', 'report', reportId] as const;

/** One report as officers see it. Every fetch is a "viewed" entry in the audit trail. */
export function triageReportQueryOptions(reportId: string) {
  return queryOptions({
    queryKey: triageReportKey(reportId),
    queryFn: ({ signal }) => apiClient.get<TriageReportView>(reportPath(reportId), undefined, signal),
    // A refetch is recorded as a view: do not add one each time the window regains focus.
    refetchOnWindowFocus: false,
  });
}

export function useTriageReport(reportId: string) {
  return useQuery(triageReportQueryOptions(reportId));
}

function isReportView(value: unknown): value is TriageReportView {
  return typeof value === 'object' && value !== null && 'reference' in value && 'notes' in value;
}

/**
 * After a change: take the updated report from the response when the API sends it (otherwise
 * reload it), and refresh the queue, the counts and the report's audit trail.
 */
async function afterChange(queryClient: QueryClient, reportId: string, response: unknown): Promise<void> {
  if (isReportView(response)) queryClient.setQueryData(triageReportKey(reportId), response);
  await Promise.all([
    isReportView(response)
      ? undefined
      : queryClient.invalidateQueries({ queryKey: triageReportKey(reportId) }),
    queryClient.invalidateQueries({ queryKey: ['approaches', 'triage', 'list'] }),
    queryClient.invalidateQueries({ queryKey: ['approaches', 'triage', 'stats'] }),
    queryClient.invalidateQueries({ queryKey: ['approaches', 'audit', reportId] }),
  ]);
}

export function useAssignReport(reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: AssignReportRequest) =>
      apiClient.post<unknown>(reportPath(reportId, 'assign'), request),
    onSuccess: (response) => afterChange(queryClient, reportId, response),
  });
}

export function useChangeStatus(reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ChangeStatusRequest) =>
      apiClient.post<unknown>(reportPath(reportId, 'status'), request),
    onSuccess: (response) => afterChange(queryClient, reportId, response),
    // 409: the move is no longer allowed (someone else changed the status): show the current one.
    onError: (error) =>
      isApiError(error, 409)
        ? queryClient.invalidateQueries({ queryKey: triageReportKey(reportId) })
        : undefined,
  });
}

export function useAddNote(reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: AddNoteRequest) => apiClient.post<unknown>(reportPath(reportId, 'notes'), request),
    onSuccess: (response) => afterChange(queryClient, reportId, response),
  });
}

/** Downloads the report as the JSON bundle for the authorities (the export is itself audited). */
export function useExportReport(reportId: string, reference: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiClient.download(reportPath(reportId, 'export'), `approach-report-${reference}.json`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['approaches', 'audit', reportId] }),
  });
}
