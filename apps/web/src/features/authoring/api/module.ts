import type {
  AuthoringModuleDetail,
  PublishModuleRequest,
  SaveDraftRequest,
  SaveDraftResponse,
} from '@countersign/contracts/authoring';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { libraryKey } from './library';

export const moduleDetailQueryOptions = (moduleId: string) =>
  queryOptions({
    queryKey: ['authoring', 'module', moduleId],
    queryFn: ({ signal }) =>
      apiClient.get<AuthoringModuleDetail>(`/authoring/modules/${moduleId}`, undefined, signal),
    // The editor keeps its own copy while open; refetching underneath it would only confuse.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

export function useModuleDetail(moduleId: string) {
  return useQuery(moduleDetailQueryOptions(moduleId));
}

export function saveDraft(moduleId: string, body: SaveDraftRequest): Promise<SaveDraftResponse> {
  return apiClient.put<SaveDraftResponse>(`/authoring/modules/${moduleId}/draft`, body);
}

export function usePublishModule(moduleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PublishModuleRequest) =>
      apiClient.post<AuthoringModuleDetail>(`/authoring/modules/${moduleId}/publish`, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(moduleDetailQueryOptions(moduleId).queryKey, detail);
      return queryClient.invalidateQueries({ queryKey: libraryKey });
    },
  });
}
