import type {
  Escalation,
  ExtensionAllowance,
  ExtensionRequest,
  OverdueItem,
  PolicyView,
  SupervisionCase,
  SupervisionCaseDetail,
  TaskDetail,
  TaskStats,
  TaskStatus,
  TaskSummary,
  Unit,
  UnitDetail,
  WorkOrder,
  WorkOrderListItem,
} from '@lianxi/domain';
import { keepPreviousData, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchCalendar } from './calendar';
import { get, withQuery } from './client';

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
export function useListPage<T>(
  key: readonly unknown[],
  path: string,
  query: Record<string, string | number | undefined>,
) {
  return useQuery({
    queryKey: [...key, 'list', query],
    queryFn: () => get<Page<T>>(withQuery(path, query)),
    placeholderData: keepPreviousData,
  });
}

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

export function useUnits() {
  return useQuery({
    queryKey: keys.units,
    queryFn: () => get<{ items: Unit[] }>('/api/units').then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

/** Unit names by id, for tables that only carry `unitId`. */
export function useUnitNames(): (id: string) => string {
  const { data } = useUnits();
  return useMemo(() => {
    const names = new Map((data ?? []).map((u) => [u.id, u.name]));
    return (id: string) => names.get(id) ?? '—';
  }, [data]);
}

export function useUnit(id: string | undefined) {
  return useQuery({
    queryKey: keys.unit(id ?? ''),
    queryFn: () => get<UnitDetail>(`/api/units/${id}`),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
}

export function useUnitDetails(ids: string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: keys.unit(id),
      queryFn: () => get<UnitDetail>(`/api/units/${id}`),
      staleTime: 5 * 60_000,
    })),
  });
}

export function useTaskPage(status: TaskStatus | undefined, limit = 100) {
  return useQuery({
    queryKey: [...keys.tasks, 'page', status ?? 'all', limit],
    queryFn: () => get<Page<TaskSummary>>(withQuery('/api/tasks', { status, limit })),
  });
}

/** Tasks in any of several statuses, soonest due first, in one request. */
export function useTasksIn(
  statuses: TaskStatus[],
  filters: Record<string, string | undefined> = {},
) {
  return useQuery({
    queryKey: [...keys.tasks, 'page', statuses.join(','), 200, filters],
    queryFn: () =>
      get<Page<TaskSummary>>(
        withQuery('/api/tasks', {
          ...filters,
          status: statuses.join(','),
          sort: 'dueAt',
          offset: '0',
          limit: 200,
        }),
      ),
    select: (page) => page.items,
  });
}

/** Dashboard figures, counted by the server within the caller's scope. */
export function useTaskStats() {
  return useQuery({
    queryKey: [...keys.tasks, 'stats'],
    queryFn: () => get<TaskStats>('/api/stats/tasks'),
  });
}

export function useTask(id: string | undefined) {
  return useQuery({
    queryKey: keys.task(id ?? ''),
    queryFn: () => get<TaskDetail>(`/api/tasks/${id}`),
    enabled: !!id,
    retry: (count, error) => (error as { status?: number }).status !== 404 && count < 2,
  });
}

export function useEscalations(id: string, enabled = true) {
  return useQuery({
    queryKey: [...keys.task(id), 'escalations'],
    queryFn: () => get<{ items: Escalation[] }>(`/api/tasks/${id}/escalations`),
    enabled,
  });
}

export function useExtensionRequests(id: string, enabled = true) {
  return useQuery({
    queryKey: [...keys.task(id), 'extensions'],
    queryFn: () => get<{ items: ExtensionRequest[] }>(`/api/tasks/${id}/extension-requests`),
    enabled,
  });
}

/** How far the task may still be extended, for the picker to know before anything is sent. */
export function useExtensionAllowance(id: string, enabled = true) {
  return useQuery({
    queryKey: [...keys.task(id), 'extension-allowance'],
    queryFn: () => get<ExtensionAllowance>(`/api/tasks/${id}/extension-allowance`),
    enabled,
  });
}

export function useWorkOrders() {
  return useQuery({
    queryKey: keys.workOrders,
    queryFn: () => get<Page<WorkOrderListItem>>('/api/work-orders?limit=200'),
  });
}

export function useWorkOrder(id: string | undefined) {
  return useQuery({
    queryKey: keys.workOrder(id ?? ''),
    queryFn: () => get<WorkOrder>(`/api/work-orders/${id}`),
    enabled: !!id,
    retry: (count, error) => (error as { status?: number }).status !== 404 && count < 2,
  });
}

export function useOverdue() {
  return useQuery({
    queryKey: keys.overdue,
    queryFn: () => get<{ items: OverdueItem[] }>('/api/supervision/overdue').then((r) => r.items),
    refetchInterval: 30_000,
  });
}

export function useCases(status: 'open' | 'closed' | undefined) {
  return useQuery({
    queryKey: [...keys.cases, status ?? 'all'],
    queryFn: () =>
      get<Page<SupervisionCase>>(withQuery('/api/supervision/cases', { status, limit: 200 })),
  });
}

export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: [...keys.cases, 'one', id ?? ''],
    queryFn: () => get<SupervisionCaseDetail>(`/api/supervision/cases/${id}`),
    enabled: !!id,
  });
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

export function usePolicy() {
  return useQuery({ queryKey: keys.policy, queryFn: () => get<PolicyView>('/api/policy') });
}

export function useCalendar(year: number) {
  return useQuery({
    queryKey: keys.calendar(year),
    queryFn: () => fetchCalendar(year),
    staleTime: 60 * 60_000,
  });
}

/** After any task action: lists, dashboards and boards all derive from task state. */
export function useInvalidateTasks() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: keys.tasks }),
      client.invalidateQueries({ queryKey: keys.workOrders }),
      client.invalidateQueries({ queryKey: ['supervision'] }),
      client.invalidateQueries({ queryKey: keys.notifications }),
    ]);
}
