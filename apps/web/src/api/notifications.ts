import type { Notification, ReadAllNotificationsInput, ReadSubjectInput } from '@lianxi/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { z } from 'zod';
import { get, post } from './client';
import { keys, useListPage } from './queries';

export const markRead = (id: string) => post<Notification>(`/api/notifications/${id}/read`);
export type ReadAllBody = z.input<typeof ReadAllNotificationsInput>;
/** 全部标为已读, within the list's own search. */
export const markAllRead = (body: ReadAllBody) =>
  post<{ count: number }>('/api/notifications/read-all', body);

export const useNotificationList = (query: Record<string, string | number | undefined>) =>
  useListPage<Notification>(keys.notifications, '/api/notifications', query);

/**
 * Opening an item reads the caller's notices about it: the badge then counts only what
 * still waits. A failure is left unsaid: the item itself is what the user came for.
 */
export function useReadNoticesAbout(
  subjectType: ReadSubjectInput['subjectType'],
  subjectId: string | undefined,
) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!subjectId) return;
    post<{ count: number }>('/api/notifications/read', { subjectType, subjectId })
      .then(({ count }) => {
        if (count) return queryClient.invalidateQueries({ queryKey: keys.notifications });
      })
      .catch(() => {});
  }, [queryClient, subjectType, subjectId]);
}

export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: keys.unreadCount,
    queryFn: () => get<{ count: number }>('/api/notifications/unread-count'),
    select: (answer) => answer.count,
    enabled,
    refetchInterval: 30_000,
  });
}
