import type { QueuesOverview } from '@lianxi/domain';
import { useQuery } from '@tanstack/react-query';
import { get } from './client';
/** 队列监控, looked at again every ten seconds while the page is open. */
export function useQueuesOverview() {
  return useQuery({
    queryKey: ['admin', 'queues'],
    queryFn: () => get<QueuesOverview>('/api/admin/queues'),
    refetchInterval: 10_000,
  });
}
