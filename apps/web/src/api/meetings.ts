import type {
  CreateMeetingInput,
  CreateResolutionInput,
  Meeting,
  MeetingDetail,
  Resolution,
  UpdateMeetingInput,
} from '@lianxi/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { get, patch, post } from './client';
import { keys, noRetryOn404, useListPage } from './queries';

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

export const createMeeting = (body: z.input<typeof CreateMeetingInput>) =>
  post<Meeting>('/api/meetings', body);
export const updateMeeting = (id: string, body: z.input<typeof UpdateMeetingInput>) =>
  patch<Meeting>(`/api/meetings/${id}`, body);
export const addResolution = (meetingId: string, body: z.input<typeof CreateResolutionInput>) =>
  post<Resolution>(`/api/meetings/${meetingId}/resolutions`, body);
