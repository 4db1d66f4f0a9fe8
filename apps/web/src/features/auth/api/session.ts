import type { LoginRequest, LoginResponse, SessionResponse } from '@countersign/contracts/auth';
import type { LogoutResponse } from '@countersign/contracts/sso';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient, isApiError, setCsrfToken } from '../../../lib/api-client';

const sessionQueryKey = ['auth', 'session'] as const;

/** The signed-in session, or null when nobody is signed in (the API answers 401). */
async function getSession(): Promise<SessionResponse | null> {
  try {
    const session = await apiClient.get<SessionResponse>('/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error, 401)) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

export const sessionQueryOptions = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: getSession,
  staleTime: Infinity,
});

export function useSession() {
  return useQuery(sessionQueryOptions);
}

/** The session inside the signed-in part of the app (RequireAuth guarantees there is one). */
export function useCurrentSession(): SessionResponse {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentSession() used outside RequireAuth');
  return data;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) => apiClient.post<LoginResponse>('/auth/login', credentials),
    onSuccess: (answer) => {
      // A second-factor step: no session yet (the form shows the next step).
      if ('step' in answer) return;
      setCsrfToken(answer.csrfToken);
      queryClient.setQueryData(sessionQueryKey, answer);
    },
  });
}

/** Signs the browser in with a session the API answered (after a second-factor step, say). */
export function useAcceptSession() {
  const queryClient = useQueryClient();
  return (session: SessionResponse) => {
    setCsrfToken(session.csrfToken);
    queryClient.setQueryData(sessionQueryKey, session);
  };
}

/**
 * Signs out, then reloads on /login so nothing of the previous user stays in memory; after a
 * single sign-on session, on the provider's logout page first (it sends the browser back to /login).
 */
export function useLogout() {
  return useMutation({
    mutationFn: () => apiClient.post<LogoutResponse>('/auth/logout'),
    onSettled: (answer) => window.location.replace(answer?.redirectTo ?? '/login'),
  });
}
