import type { SessionResponse } from '@countersign/contracts/auth';
import type {
  EnrolmentStart,
  PersonSecondFactor,
  RecoveryCodes,
  SecondFactorSignInRequest,
  SecondFactorStatus,
} from '@countersign/contracts/second-factor';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { sessionQueryOptions, useAcceptSession } from './session';

const statusKey = ['auth', 'second-factor'] as const;
const personKey = (userId: string) => ['people', userId, 'second-factor'] as const;

// ------------------------------------------------------------------ sign-in steps

/** The code step after the password; the session starts when it succeeds. */
export function useSecondFactorSignIn() {
  const accept = useAcceptSession();
  return useMutation({
    mutationFn: (request: SecondFactorSignInRequest) =>
      apiClient.post<SessionResponse>('/auth/login/second-factor', request),
    onSuccess: accept,
  });
}

/** Enrolment the organisation requires, during sign-in: the app to add. */
export function useSignInEnrolment() {
  return useMutation({
    mutationFn: (challenge: string) => apiClient.post<EnrolmentStart>('/auth/login/enrol', { challenge }),
  });
}

/**
 * ...and its first code. The answer holds the session and the recovery codes; the session is
 * taken up only once the person has saved the codes (taking it up leaves the sign-in page).
 */
export function useSignInEnrolmentConfirm() {
  return useMutation({
    mutationFn: (request: { challenge: string; code: string }) =>
      apiClient.post<SessionResponse & RecoveryCodes>('/auth/login/enrol/confirm', request),
  });
}

// ------------------------------------------------------------------ one's own factor

export function useSecondFactorStatus() {
  return useQuery({
    queryKey: statusKey,
    queryFn: ({ signal }) => apiClient.get<SecondFactorStatus>('/auth/second-factor', undefined, signal),
  });
}

/** Done with an enrolment, new codes or a removal: the page and session show the factor as it now is. */
export function useSecondFactorChanged() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: statusKey }),
      queryClient.invalidateQueries({ queryKey: sessionQueryOptions.queryKey }),
    ]);
}

export function useStartEnrolment() {
  return useMutation({
    mutationFn: () => apiClient.post<EnrolmentStart>('/auth/second-factor/enrol'),
  });
}

/** Confirms the app; the status is refreshed when the person has saved their recovery codes. */
export function useConfirmEnrolment() {
  return useMutation({
    mutationFn: (code: string) => apiClient.post<RecoveryCodes>('/auth/second-factor/confirm', { code }),
  });
}

export function useRegenerateRecoveryCodes() {
  return useMutation({
    mutationFn: (code: string) =>
      apiClient.post<RecoveryCodes>('/auth/second-factor/recovery-codes', { code }),
  });
}

export function useRemoveSecondFactor() {
  const refresh = useSecondFactorChanged();
  return useMutation({
    mutationFn: (code: string) => apiClient.post<void>('/auth/second-factor/remove', { code }),
    onSuccess: refresh,
  });
}

// ------------------------------------------------------------------ administrators

export function usePersonSecondFactor(userId: string) {
  return useQuery({
    queryKey: personKey(userId),
    queryFn: ({ signal }) =>
      apiClient.get<PersonSecondFactor>(
        `/people/${encodeURIComponent(userId)}/second-factor`,
        undefined,
        signal,
      ),
  });
}

export function useResetSecondFactor(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiClient.post<PersonSecondFactor & { sessionsEnded: number }>(
        `/people/${encodeURIComponent(userId)}/second-factor/reset`,
      ),
    onSuccess: (factor) => {
      queryClient.setQueryData(personKey(userId), factor);
      return queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** Recovery codes as a text file to keep. */
export function recoveryCodesFile(codes: readonly string[], account: string): string {
  return [
    `Countersign recovery codes for ${account}`,
    '',
    'Each code signs you in once, instead of a code from your authenticator app.',
    'Keep them somewhere safe, apart from your phone.',
    '',
    ...codes,
    '',
  ].join('\n');
}
