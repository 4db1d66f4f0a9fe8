import type {
  ChangePasswordRequest,
  ChangePasswordResponse,
  CredentialTokenInfo,
  ForgotPasswordResponse,
  SetPasswordResponse,
} from '@countersign/contracts/auth';
import { useMutation, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** The token of an invitation or reset link: in the URL fragment, which is never sent to a server. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

/** Whose link this is and until when; refused (404/410 with the reason) once it cannot be used. */
export function useLinkInfo(token: string | null) {
  return useQuery({
    queryKey: ['auth', 'link', token],
    queryFn: () => apiClient.post<CredentialTokenInfo>('/auth/password/token', { token }),
    enabled: token !== null,
    retry: false,
    staleTime: Infinity,
  });
}

export function useSetPassword() {
  return useMutation({
    mutationFn: (request: { token: string; password: string }) =>
      apiClient.post<SetPasswordResponse>('/auth/password/set', request),
  });
}

export function useForgotPassword() {
  return useMutation({
    mutationFn: (email: string) => apiClient.post<ForgotPasswordResponse>('/auth/password/forgot', { email }),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (request: ChangePasswordRequest) =>
      apiClient.post<ChangePasswordResponse>('/auth/password/change', request),
  });
}
