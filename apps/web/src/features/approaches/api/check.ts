import type { CheckInput, CheckResult } from '@countersign/approach-checker';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** Runs the checker on the server with the organisation's rules; nothing is stored. */
export function useCheckApproach() {
  return useMutation({
    mutationFn: (input: CheckInput) => apiClient.post<CheckResult>('/approaches/check', input),
  });
}
