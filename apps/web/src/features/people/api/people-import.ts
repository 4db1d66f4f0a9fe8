import type { ImportApplied, ImportSummary } from '@countersign/contracts/people-import';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export interface ImportRequest {
  file: File;
  deactivateMissing: boolean;
  onProgress: (fraction: number) => void;
}

const send = <T>(step: 'preview' | 'apply', { file, deactivateMissing, onProgress }: ImportRequest) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiClient.upload<T>(`/people/import/${step}?deactivateMissing=${deactivateMissing}`, form, {
    onProgress,
  });
};

/** What the file would do; nothing is written. */
export function usePreviewImport() {
  return useMutation({ mutationFn: (request: ImportRequest) => send<ImportSummary>('preview', request) });
}

/** Imports the file: everything or nothing. */
export function useApplyImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ImportRequest) => send<ImportApplied>('apply', request),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['people'] }),
        queryClient.invalidateQueries({ queryKey: ['directory'] }),
        queryClient.invalidateQueries({ queryKey: ['progress'] }),
      ]),
  });
}

export const downloadTemplate = () => apiClient.download('/people/import/template', 'people-template.csv');
export const downloadResult = (importId: string) =>
  apiClient.download(`/people/imports/${encodeURIComponent(importId)}/result`, 'people-import-result.csv');
