import type {
  AuthoringModuleDetail,
  CreateModuleRequest,
  LibraryModule,
} from '@countersign/contracts/authoring';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export const libraryKey = ['authoring', 'modules'] as const;

export const libraryQueryOptions = queryOptions({
  queryKey: libraryKey,
  queryFn: ({ signal }) => apiClient.get<LibraryModule[]>('/authoring/modules', undefined, signal),
});

export function useLibrary() {
  return useQuery(libraryQueryOptions);
}

export function useCreateModule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateModuleRequest) =>
      apiClient.post<AuthoringModuleDetail>('/authoring/modules', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: libraryKey }),
  });
}

export function useDuplicateModule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (moduleId: string) =>
      apiClient.post<AuthoringModuleDetail>(`/authoring/modules/${moduleId}/duplicate`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: libraryKey }),
  });
}

/**
 * Imports an exported module document (parsed from the chosen file, otherwise untouched) as a
 * new module with a draft. A document the API refuses comes back as an ApiError whose details
 * name each JSON path at fault.
 */
export function useImportModule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (document: unknown) =>
      apiClient.post<AuthoringModuleDetail>('/authoring/modules/import', document),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: libraryKey }),
  });
}

/** Where the JSON Schema of the module document is published, for people generating modules. */
export const MODULE_SCHEMA_HREF = '/api/authoring/module-schema.json';

export function useSetArchived() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ moduleId, archived }: { moduleId: string; archived: boolean }) =>
      apiClient.post<LibraryModule>(`/authoring/modules/${moduleId}/${archived ? 'archive' : 'unarchive'}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['authoring'] }),
  });
}
