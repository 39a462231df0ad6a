import type {
  Assessment,
  Letter,
  LetterDetail,
  Meeting,
  MeetingDetail,
  MeetingKind,
  RankingRow,
} from '@lianxi/domain';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, withQuery } from './client';
import { keys, type Page } from './queries';

export const meetingKeys = {
  meetings: ['meetings'] as const,
  meetingList: (kind: string) => ['meetings', 'list', kind] as const,
  meeting: (id: string) => ['meetings', 'one', id] as const,
  letters: ['letters'] as const,
  letterList: (year: number) => ['letters', 'list', year] as const,
  letter: (id: string) => ['letters', 'one', id] as const,
  assessment: (id: string) => ['letters', 'assessment', id] as const,
  ranking: (year: number) => ['letters', 'ranking', year] as const,
};

const PAGE_SIZE = 50;
const noRetryOn404 = (count: number, error: unknown) =>
  (error as { status?: number }).status !== 404 && count < 2;

/** 会议 newest first, one page at a time. */
export function useMeetingList(kind: MeetingKind | undefined) {
  return useInfiniteQuery({
    queryKey: meetingKeys.meetingList(kind ?? 'all'),
    queryFn: ({ pageParam }) =>
      get<Page<Meeting>>(withQuery('/api/meetings', { kind, limit: PAGE_SIZE, cursor: pageParam })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

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

export function useLetters(year: number) {
  return useQuery({
    queryKey: meetingKeys.letterList(year),
    queryFn: () => get<{ items: Letter[] }>(withQuery('/api/letters', { year })),
    select: (r) => r.items,
  });
}

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
