import type {
  CloseCaseInput,
  OpinionInput,
  OverdueItem,
  SupervisionCase,
  SupervisionCaseDetail,
} from '@lianxi/domain';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { get, post, withQuery } from './client';
import { keys, type Page, useListPage } from './queries';

export const addCaseOpinion = (caseId: string, body: z.input<typeof OpinionInput>) =>
  post<SupervisionCaseDetail>(`/api/supervision/cases/${caseId}/opinions`, body);

export const closeCase = (caseId: string, body: z.input<typeof CloseCaseInput>) =>
  post<SupervisionCaseDetail>(`/api/supervision/cases/${caseId}/close`, body);

/** 督办件: one numbered page of the search. */
export const useCaseList = (query: Record<string, string | number | undefined>) =>
  useListPage<SupervisionCase>(keys.cases, '/api/supervision/cases', query);

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
