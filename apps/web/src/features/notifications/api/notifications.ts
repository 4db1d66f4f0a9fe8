import type {
  MarkAllReadRequest,
  MarkAllReadResult,
  NotificationList,
} from '@countersign/contracts/notifications';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

const notificationsKey = ['notifications'] as const;

export const notificationsQueryOptions = queryOptions({
  queryKey: notificationsKey,
  queryFn: ({ signal }) => apiClient.get<NotificationList>('/notifications', undefined, signal),
  // In-app notifications are polled; only while the tab is visible (react-query's default).
  refetchInterval: 30_000,
  staleTime: 15_000,
});

export function useNotifications() {
  return useQuery(notificationsQueryOptions);
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.post<void>(`/notifications/${encodeURIComponent(id)}/read`),
    // Shown as read at once; the next poll brings the server's figures.
    onMutate: (id) => {
      queryClient.setQueryData<NotificationList>(notificationsKey, (current) => {
        if (!current) return current;
        const target = current.items.find((item) => item.id === id);
        if (!target || target.read) return current;
        return {
          ...current,
          items: current.items.map((item) => (item.id === id ? { ...item, read: true } : item)),
          unread: Math.max(0, current.unread - 1),
        };
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

/**
 * "Mark all as read", up to the newest notification on screen: one that arrives meanwhile stays
 * unread. Shown as read at once; the server's count follows.
 */
export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (upTo: string | undefined) =>
      apiClient.post<MarkAllReadResult>('/notifications/read-all', { upTo } satisfies MarkAllReadRequest),
    onMutate: (upTo) => {
      queryClient.setQueryData<NotificationList>(notificationsKey, (current) => {
        if (!current) return current;
        const items = current.items.map((item) =>
          upTo === undefined || item.createdAt <= upTo ? { ...item, read: true } : item,
        );
        return { ...current, items, unread: items.filter((item) => !item.read).length };
      });
    },
    onSuccess: (result) => {
      queryClient.setQueryData<NotificationList>(notificationsKey, (current) =>
        current ? { ...current, unread: result.unread } : current,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
