import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, withQuery } from './client';

/** A list's query as its page's URL holds it: filters, offset, limit and sort. */
export type ListQuery = Record<string, string | number | undefined>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  /** counted when the list is asked by page number (`offset`) */
  total?: number;
}

/**
 * One numbered page of a searchable list (README "Lists"). The previous page stays on screen
 * while the next loads, so the pager and the search bar do not jump.
 */
export function useListPage<T>(key: readonly unknown[], path: string, query: ListQuery) {
  return useQuery({
    queryKey: [...key, 'list', query],
    queryFn: () => get<Page<T>>(withQuery(path, query)),
    placeholderData: keepPreviousData,
  });
}

/** A missing item stays missing: asking again would only delay the 「不存在」 page. */
export const noRetryOn404 = (count: number, error: unknown) =>
  (error as { status?: number }).status !== 404 && count < 2;

export const keys = {
  units: ['units'] as const,
  unit: (id: string) => ['units', id] as const,
  tasks: ['tasks'] as const,
  task: (id: string) => ['tasks', 'one', id] as const,
  workOrders: ['work-orders'] as const,
  workOrder: (id: string) => ['work-orders', id] as const,
  overdue: ['supervision', 'overdue'] as const,
  cases: ['supervision', 'cases'] as const,
  notifications: ['notifications'] as const,
  // The list (useListPage adds 'list') and the badge's count are different answers: they must
  // not share a cache entry.
  unreadCount: ['notifications', 'unread-count'] as const,
  policy: ['policy'] as const,
  calendar: (year: number) => ['calendar', year] as const,
};
