import type { OutboxItem, OutboxPage, OutboxQuery } from '@countersign/contracts/programme';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export function useOutbox(query: OutboxQuery) {
  return useQuery({
    queryKey: ['programme', 'outbox', query],
    queryFn: ({ signal }) => apiClient.get<OutboxPage>('/programme/outbox', query, signal),
    placeholderData: keepPreviousData,
    // Queued emails go out within seconds: the page follows them.
    refetchInterval: 10_000,
  });
}

export function useRetryEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (emailId: string) =>
      apiClient.post<OutboxItem>(`/programme/outbox/${encodeURIComponent(emailId)}/retry`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['programme', 'outbox'] }),
  });
}
