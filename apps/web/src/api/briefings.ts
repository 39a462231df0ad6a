import type { Briefing, CreateBriefingInput, UpdateBriefingInput } from '@lianxi/domain';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { download, get, getText, patch, post } from './client';
import { noRetryOn404, useListPage } from './queries';
import { figureKeys } from './stat-reports';

export const createBriefing = (body: z.input<typeof CreateBriefingInput>) =>
  post<Briefing>('/api/briefings', body);
export const updateBriefing = (id: string, body: z.input<typeof UpdateBriefingInput>) =>
  patch<Briefing>(`/api/briefings/${id}`, body);
export const publishBriefing = (id: string) => post<Briefing>(`/api/briefings/${id}/publish`);

/** The printable page, as the server lays it out. */
export const briefingHtml = (id: string) => getText(`/api/briefings/${id}/html`);
export const downloadBriefingDocx = (id: string, fileName: string) =>
  download(`/api/briefings/${id}/docx`, fileName);

export const useBriefingList = (query: Record<string, string | number | undefined>) =>
  useListPage<Briefing>(figureKeys.briefings, '/api/briefings', query);

export function useBriefing(id: string | undefined) {
  return useQuery({
    queryKey: figureKeys.briefing(id ?? ''),
    queryFn: () => get<Briefing>(`/api/briefings/${id}`),
    enabled: !!id,
    retry: noRetryOn404,
  });
}
