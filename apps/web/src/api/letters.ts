import type {
  Assessment,
  CreateLetterInput,
  DeductionEntryInput,
  Letter,
  LetterDetail,
  ManualScoresInput,
  RankingRow,
  UpdateLetterInput,
} from '@lianxi/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { get, patch, post, withQuery } from './client';
import { meetingKeys } from './meetings';
import { keys, type ListQuery, noRetryOn404, useListPage } from './queries';

export const createLetter = (body: z.input<typeof CreateLetterInput>) =>
  post<Letter>('/api/letters', body);
export const updateLetter = (id: string, body: z.input<typeof UpdateLetterInput>) =>
  patch<Letter>(`/api/letters/${id}`, body);
export const issueLetter = (id: string) => post<Letter>(`/api/letters/${id}/issue`);
export const signLetter = (id: string) => post<Letter>(`/api/letters/${id}/sign`);
export const scoreLetter = (id: string, body: z.input<typeof ManualScoresInput>) =>
  post<LetterDetail>(`/api/letters/${id}/scores`, body);
export const deductFromLetter = (id: string, body: z.input<typeof DeductionEntryInput>) =>
  post<LetterDetail>(`/api/letters/${id}/deductions`, body);
export const finalizeAssessment = (id: string) =>
  post<Assessment>(`/api/letters/${id}/assessment/finalize`);

/** 责任书: one numbered page of the search, within what the caller may see. */
export const useLetterList = (query: ListQuery) =>
  useListPage<Letter>(meetingKeys.letters, '/api/letters', query);

export function useLetter(id: string | undefined) {
  return useQuery({
    queryKey: meetingKeys.letter(id ?? ''),
    queryFn: () => get<LetterDetail>(`/api/letters/${id}`),
    enabled: !!id,
    retry: noRetryOn404,
  });
}

/** The assessment: live (measured on every read) until the office finalises it. */
export function useAssessment(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.assessment(id ?? ''),
    queryFn: () => get<Assessment>(`/api/letters/${id}/assessment`),
    enabled: !!id && enabled,
    retry: noRetryOn404,
  });
}

export function useRanking(year: number) {
  return useQuery({
    queryKey: meetingKeys.ranking(year),
    queryFn: () => get<{ items: RankingRow[] }>(withQuery('/api/letters/ranking', { year })),
    select: (r) => r.items,
  });
}

/** After any letter action: the letter, its assessment, the lists and the ranking. */
export function useInvalidateLetters() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: meetingKeys.letters }),
      client.invalidateQueries({ queryKey: keys.notifications }),
    ]);
}
