import type {
  Briefing,
  StatReport,
  StatReportDetail,
  StatReportStatus,
  Summary,
} from '@lianxi/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get, withQuery } from './client';
import { keys } from './queries';

export const figureKeys = {
  reports: ['stat-reports'] as const,
  reportList: (filter: ReportFilter) =>
    ['stat-reports', 'list', filter.month ?? '', filter.unitId ?? '', filter.status ?? ''] as const,
  report: (id: string) => ['stat-reports', 'one', id] as const,
  summary: ['stats-summary'] as const,
  briefings: ['briefings'] as const,
  briefing: (id: string) => ['briefings', 'one', id] as const,
};

export interface ReportFilter {
  month?: string;
  unitId?: string;
  status?: StatReportStatus;
}

const noRetryOn404 = (count: number, error: unknown) =>
  (error as { status?: number }).status !== 404 && count < 2;

/** 统计报表, newest month first (a unit only gets its own). */
export function useStatReports(filter: ReportFilter = {}) {
  return useQuery({
    queryKey: figureKeys.reportList(filter),
    queryFn: () =>
      get<{ items: StatReport[] }>(
        withQuery('/api/stat-reports', {
          month: filter.month,
          unitId: filter.unitId,
          status: filter.status,
        }),
      ),
    select: (r) =>
      [...r.items].sort(
        (a, b) => b.month.localeCompare(a.month) || a.unitId.localeCompare(b.unitId),
      ),
  });
}

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

export function useBriefings() {
  return useQuery({
    queryKey: figureKeys.briefings,
    queryFn: () => get<{ items: Briefing[] }>('/api/briefings'),
    select: (r) => r.items,
  });
}

export function useBriefing(id: string | undefined) {
  return useQuery({
    queryKey: figureKeys.briefing(id ?? ''),
    queryFn: () => get<Briefing>(`/api/briefings/${id}`),
    enabled: !!id,
    retry: noRetryOn404,
  });
}
