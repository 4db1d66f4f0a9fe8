import type { AttachmentView, CreateReportRequest, MyReportView } from '@countersign/contracts/approaches';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { myReportsQueryOptions } from './my-reports';

export function useCreateReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateReportRequest) =>
      apiClient.post<MyReportView>('/approaches/reports', request),
    onSuccess: (report) => {
      queryClient.setQueryData(['approaches', 'mine', report.id], report);
      return queryClient.invalidateQueries({ queryKey: myReportsQueryOptions.queryKey });
    },
  });
}

/** Sends one screenshot of a report already made (multipart field `file`). */
export function uploadAttachment(
  reportId: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<AttachmentView> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiClient.upload<AttachmentView>(
    `/approaches/reports/${encodeURIComponent(reportId)}/attachments`,
    form,
    { onProgress, signal },
  );
}

/**
 * A key that makes a retried submission harmless. `crypto.randomUUID` exists only in secure
 * contexts (HTTPS or localhost); an intranet served over plain HTTP gets random bytes instead.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
