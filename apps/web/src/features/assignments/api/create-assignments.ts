import type { CreateAssignmentsRequest, CreateAssignmentsResponse } from '@countersign/contracts/assignments';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export function useCreateAssignments() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateAssignmentsRequest) =>
      apiClient.post<CreateAssignmentsResponse>('/assignments', request),
    // Completion figures, lists and (if admins assigned themselves) "My training" have changed.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['progress'] }),
        queryClient.invalidateQueries({ queryKey: ['learning'] }),
      ]),
  });
}
