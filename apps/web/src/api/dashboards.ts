import type { FigureScope, Rates, Summary, TaskStats, Trends } from '@lianxi/domain';
import { useQuery } from '@tanstack/react-query';
import { get, withQuery } from './client';
import { keys } from './queries';
import { figureKeys } from './stat-reports';

/** 签收及时率 / 按期办结率 / 逾期率 of the tasks issued from..to (days). */
export function useRates(from: string, to: string) {
  return useQuery({
    queryKey: ['stats-rates', from, to],
    queryFn: () => get<Rates>(withQuery('/api/stats/rates', { from, to })),
    enabled: from <= to,
  });
}

/** Month by month figures, escalations, clues and hand-offs, from..to (months). */
export function useTrends(from: string, to: string) {
  return useQuery({
    queryKey: ['stats-trends', from, to],
    queryFn: () => get<Trends>(withQuery('/api/stats/trends', { from, to })),
    enabled: from <= to,
  });
}

/** Dashboard figures, counted by the server within the caller's scope. */
export function useTaskStats() {
  return useQuery({
    queryKey: [...keys.tasks, 'stats'],
    queryFn: () => get<TaskStats>('/api/stats/tasks'),
  });
}

/**
 * 统计汇总 of from..to (months); `tree` adds every conference below the caller's
 * (含下级联席会议), with each one's figures in `conferences`.
 */
export function useSummary(
  from: string,
  to: string,
  groupBy: Summary['groupBy'],
  enabled = true,
  scope: FigureScope = 'own',
) {
  return useQuery({
    queryKey: [...figureKeys.summary, from, to, groupBy, scope],
    queryFn: () =>
      get<Summary>(
        withQuery('/api/stats/summary', {
          from,
          to,
          groupBy,
          ...(scope === 'tree' ? { scope } : {}),
        }),
      ),
    enabled: enabled && from <= to,
  });
}
