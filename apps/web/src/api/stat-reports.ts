import type {
  CreateStatReportInput,
  ReturnStatReportInput,
  StatReport,
  UpdateStatReportInput,
} from '@lianxi/domain';
import type { z } from 'zod';
import { download, patch, post, upload, withQuery } from './client';

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
