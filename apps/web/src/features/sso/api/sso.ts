import type {
  SaveSsoConnectionRequest,
  SsoConnectionView,
  SsoDiscoverResponse,
} from '@countersign/contracts/sso';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

const connectionKey = ['sso', 'connection'] as const;

export function useSsoConnection() {
  return useQuery({
    queryKey: connectionKey,
    queryFn: ({ signal }) => apiClient.get<SsoConnectionView>('/sso', undefined, signal),
  });
}

export function useSaveSsoConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveSsoConnectionRequest) => apiClient.put<SsoConnectionView>('/sso', input),
    onSuccess: (saved) => {
      queryClient.setQueryData(connectionKey, saved);
      return queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** Where an address signs in: with a password, or through its organisation's provider. */
export function useDiscoverSignIn() {
  return useMutation({
    mutationFn: (email: string) => apiClient.post<SsoDiscoverResponse>('/auth/sso/discover', { email }),
  });
}
