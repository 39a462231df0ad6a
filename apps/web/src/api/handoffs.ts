import type {
  Handoff,
  HandoffDetail,
  HandoffReasonInput,
  HandoffResultInput,
  SendHandoffInput,
  UrgeTaskInput,
} from '@lianxi/domain';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { get, post, withQuery } from './client';
import { clueKeys, PAGE_SIZE } from './clues';
import { noRetryOn404, type Page, useListPage } from './queries';

type Reason = z.input<typeof HandoffReasonInput>;

/** 移送: the holder hands the clue on to another unit. */
export const sendHandoff = (clueId: string, body: z.input<typeof SendHandoffInput>) =>
  post<Handoff>(`/api/clues/${clueId}/handoffs`, body);

export const receiveHandoff = (id: string) => post<Handoff>(`/api/handoffs/${id}/receive`);
export const answerHandoff = (id: string, body: z.input<typeof HandoffResultInput>) =>
  post<Handoff>(`/api/handoffs/${id}/result`, body);
export const askReconsideration = (id: string, body: Reason) =>
  post<Handoff>(`/api/handoffs/${id}/reconsideration`, body);
export const referToProcuratorate = (id: string, body: Reason) =>
  post<Handoff>(`/api/handoffs/${id}/procuratorate`, body);
export const handOverItems = (id: string, body: Reason) =>
  post<Handoff>(`/api/handoffs/${id}/items`, body);

/** 催办 / 督办 of a hand-off the receiving unit still owes. */
export const chaseHandoff = (
  id: string,
  kind: 'urge' | 'supervise',
  body: z.input<typeof UrgeTaskInput>,
) => post<Handoff>(`/api/handoffs/${id}/${kind}`, body);

/** 移送收件箱 / 发件箱: one numbered page of the search. */
export const useHandoffList = (
  box: 'in' | 'out',
  query: Record<string, string | number | undefined>,
) => useListPage<Handoff>(clueKeys.handoffBox(box), '/api/handoffs', { ...query, box });

/** 移送收件箱 / 发件箱, newest first, paged by the server's cursor. */
export function useHandoffBox(box: 'in' | 'out') {
  return useInfiniteQuery({
    queryKey: clueKeys.handoffBox(box),
    queryFn: ({ pageParam }) =>
      get<Page<Handoff>>(withQuery('/api/handoffs', { box, limit: PAGE_SIZE, cursor: pageParam })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 30_000,
  });
}

export function useHandoff(id: string | undefined) {
  return useQuery({
    queryKey: clueKeys.handoff(id ?? ''),
    queryFn: () => get<HandoffDetail>(`/api/handoffs/${id}`),
    enabled: !!id,
    retry: noRetryOn404,
  });
}

/** 逾期移送件 for the 督办台: worst first, refreshed as the board is. */
export function useOverdueHandoffs() {
  return useQuery({
    queryKey: [...clueKeys.handoffs, 'overdue'],
    queryFn: () => get<{ items: Handoff[] }>('/api/handoffs/overdue').then((r) => r.items),
    refetchInterval: 30_000,
  });
}
