import type { ReadSubjectInput } from '@lianxi/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { post } from './client';
import { keys } from './queries';

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
