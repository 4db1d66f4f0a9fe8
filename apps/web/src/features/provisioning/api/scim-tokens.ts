import type {
  CreateScimTokenRequest,
  ScimTokenCreated,
  ScimTokenList,
  ScimTokenView,
} from '@countersign/contracts/provisioning';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export const tokensKey = ['provisioning', 'tokens'] as const;

export function useScimTokens() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: ({ signal }) => apiClient.get<ScimTokenList>('/provisioning/tokens', undefined, signal),
  });
}

export function useCreateScimToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateScimTokenRequest) =>
      apiClient.post<ScimTokenCreated>('/provisioning/tokens', input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: tokensKey }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]),
  });
}

export function useRevokeScimToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => apiClient.post<ScimTokenView>(`/provisioning/tokens/${tokenId}/revoke`),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: tokensKey }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]),
  });
}
