import type {
  Assessment,
  CreateMeetingInput,
  CreateResolutionInput,
  Letter,
  LetterDetail,
  Meeting,
  MeetingDetail,
  RankingRow,
  Resolution,
  UpdateMeetingInput,
} from '@lianxi/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { get, patch, post, withQuery } from './client';
import { keys, useListPage } from './queries';

export const meetingKeys = {
  meetings: ['meetings'] as const,
  meeting: (id: string) => ['meetings', 'one', id] as const,
  letters: ['letters'] as const,
  letter: (id: string) => ['letters', 'one', id] as const,
  assessment: (id: string) => ['letters', 'assessment', id] as const,
  ranking: (year: number) => ['letters', 'ranking', year] as const,
};

/** A list's query as its page's URL holds it: filters, offset, limit and sort. */
type ListQuery = Record<string, string | number | undefined>;
const noRetryOn404 = (count: number, error: unknown) =>
  (error as { status?: number }).status !== 404 && count < 2;

/** 会议: one numbered page of the search (README "Lists"). */
export const useMeetingList = (query: ListQuery) =>
  useListPage<Meeting>(meetingKeys.meetings, '/api/meetings', query);

export function useMeeting(id: string | undefined) {
  return useQuery({
    queryKey: meetingKeys.meeting(id ?? ''),
    queryFn: () => get<MeetingDetail>(`/api/meetings/${id}`),
    enabled: !!id,
    retry: noRetryOn404,
  });
}

/** After a meeting, resolution or order changes: the meeting and the order lists move. */
export function useInvalidateMeetings() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: meetingKeys.meetings }),
      client.invalidateQueries({ queryKey: keys.workOrders }),
      client.invalidateQueries({ queryKey: keys.tasks }),
    ]);
}

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

export const createMeeting = (body: z.input<typeof CreateMeetingInput>) =>
  post<Meeting>('/api/meetings', body);
export const updateMeeting = (id: string, body: z.input<typeof UpdateMeetingInput>) =>
  patch<Meeting>(`/api/meetings/${id}`, body);
export const addResolution = (meetingId: string, body: z.input<typeof CreateResolutionInput>) =>
  post<Resolution>(`/api/meetings/${meetingId}/resolutions`, body);
