import type { Briefing, StatReport, StatReportDetail, Summary } from '@lianxi/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get, withQuery } from './client';
import { keys, useListPage } from './queries';

export const figureKeys = {
  reports: ['stat-reports'] as const,
  report: (id: string) => ['stat-reports', 'one', id] as const,
  summary: ['stats-summary'] as const,
  briefings: ['briefings'] as const,
  briefing: (id: string) => ['briefings', 'one', id] as const,
};

const noRetryOn404 = (count: number, error: unknown) =>
  (error as { status?: number }).status !== 404 && count < 2;

/** 统计报表: one numbered page of the search (a unit only gets its own). */
export const useStatReportList = (query: Record<string, string | number | undefined>) =>
  useListPage<StatReport>(figureKeys.reports, '/api/stat-reports', query);

export function useStatReport(id: string | undefined) {
  return useQuery({
    queryKey: figureKeys.report(id ?? ''),
    queryFn: () => get<StatReportDetail>(`/api/stat-reports/${id}`),
    enabled: !!id,
    retry: noRetryOn404,
  });
}

export function useSummary(from: string, to: string, groupBy: Summary['groupBy'], enabled = true) {
  return useQuery({
    queryKey: [...figureKeys.summary, from, to, groupBy],
    queryFn: () => get<Summary>(withQuery('/api/stats/summary', { from, to, groupBy })),
    enabled: enabled && from <= to,
  });
}

/** After a report is filed, corrected, approved or imported: lists, details and summaries. */
export function useInvalidateFigures() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: figureKeys.reports }),
      client.invalidateQueries({ queryKey: figureKeys.summary }),
      client.invalidateQueries({ queryKey: keys.notifications }),
    ]);
}

export function useBriefing(id: string | undefined) {
  return useQuery({
    queryKey: figureKeys.briefing(id ?? ''),
    queryFn: () => get<Briefing>(`/api/briefings/${id}`),
    enabled: !!id,
    retry: noRetryOn404,
  });
}
