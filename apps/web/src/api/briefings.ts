import type { Briefing, CreateBriefingInput, UpdateBriefingInput } from '@lianxi/domain';
import type { z } from 'zod';
import { download, getText, patch, post } from './client';
import { figureKeys } from './figures';
import { useListPage } from './queries';

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
