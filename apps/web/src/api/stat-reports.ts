import type {
  CreateStatReportInput,
  ReturnStatReportInput,
  StatReport,
  StatReportDetail,
  UpdateStatReportInput,
} from '@lianxi/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { download, get, patch, post, upload, withQuery } from './client';
import { keys, noRetryOn404, useListPage } from './queries';

/** What an import did: every row of the sheet, in one transaction. */
export interface ImportOutcome {
  imported: number;
  created: number;
  corrected: number;
}

export const createStatReport = (body: z.input<typeof CreateStatReportInput>) =>
  post<StatReport>('/api/stat-reports', body);
export const updateStatReport = (id: string, body: z.input<typeof UpdateStatReportInput>) =>
  patch<StatReport>(`/api/stat-reports/${id}`, body);
export const submitStatReport = (id: string) => post<StatReport>(`/api/stat-reports/${id}/submit`);
export const approveStatReport = (id: string) =>
  post<StatReport>(`/api/stat-reports/${id}/approve`);
export const returnStatReport = (id: string, body: z.input<typeof ReturnStatReportInput>) =>
  post<StatReport>(`/api/stat-reports/${id}/return`, body);
export const importStatReports = (file: Blob) =>
  upload<ImportOutcome>('/api/stat-reports/import', file);

/** The months' figures as a spreadsheet; an empty bound is left open. */
export const downloadStats = (from: string | undefined, to: string | undefined, fileName: string) =>
  download(withQuery('/api/exports/stats.xlsx', { from, to }), fileName);

export const figureKeys = {
  reports: ['stat-reports'] as const,
  report: (id: string) => ['stat-reports', 'one', id] as const,
  summary: ['stats-summary'] as const,
  briefings: ['briefings'] as const,
  briefing: (id: string) => ['briefings', 'one', id] as const,
};

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
