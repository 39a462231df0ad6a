import type {
  CloseCaseInput,
  OpinionInput,
  SupervisionCase,
  SupervisionCaseDetail,
} from '@lianxi/domain';
import type { z } from 'zod';
import { post } from './client';
import { keys, useListPage } from './queries';

export const addCaseOpinion = (caseId: string, body: z.input<typeof OpinionInput>) =>
  post<SupervisionCaseDetail>(`/api/supervision/cases/${caseId}/opinions`, body);

export const closeCase = (caseId: string, body: z.input<typeof CloseCaseInput>) =>
  post<SupervisionCaseDetail>(`/api/supervision/cases/${caseId}/close`, body);

/** 督办件: one numbered page of the search. */
export const useCaseList = (query: Record<string, string | number | undefined>) =>
  useListPage<SupervisionCase>(keys.cases, '/api/supervision/cases', query);
