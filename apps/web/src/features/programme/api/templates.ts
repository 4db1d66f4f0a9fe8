import type {
  TemplateInput,
  TemplateKind,
  TemplatePreview,
  TemplateView,
} from '@countersign/contracts/programme';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

const path = (kind?: TemplateKind, preview = false) =>
  `/programme/templates${kind ? `/${kind}` : ''}${preview ? '/preview' : ''}`;

export function useTemplates() {
  return useQuery({
    queryKey: ['programme', 'templates'],
    queryFn: () => apiClient.get<TemplateView[]>(path()),
  });
}

/** The template as it would render now, for the signed-in person (debounced by the caller). */
export function useTemplatePreview(kind: TemplateKind, input: TemplateInput | null) {
  return useQuery({
    queryKey: ['programme', 'template-preview', kind, input],
    queryFn: () => apiClient.post<TemplatePreview>(path(kind, true), input),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useSaveTemplate(kind: TemplateKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TemplateInput | null) =>
      input ? apiClient.put<TemplateView>(path(kind), input) : apiClient.delete<TemplateView>(path(kind)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['programme', 'templates'] }),
  });
}
