import type { CloseClueInput, Clue, ClueDetail, ClueIntake, CreateClueInput } from '@lianxi/domain';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { exportPath, get, post, withQuery } from './client';
import { keys, noRetryOn404, type Page, useListPage } from './queries';

export const clueKeys = {
  clues: ['clues'] as const,
  clueList: (status: string) => ['clues', 'list', status] as const,
  clue: (id: string) => ['clues', 'one', id] as const,
  handoffs: ['handoffs'] as const,
  handoffBox: (box: 'in' | 'out') => ['handoffs', 'box', box] as const,
  handoff: (id: string) => ['handoffs', 'one', id] as const,
  routingRules: ['routing-rules'] as const,
};

export const PAGE_SIZE = 50;

/** A new clue the worker has not routed yet: it does so within seconds of intake. */
export const awaitingRouting = (clue: ClueDetail, now = Date.now()) =>
  clue.status === 'open' &&
  clue.handoffs.length === 0 &&
  now - new Date(clue.createdAt).getTime() < 2 * 60_000;

/** The clue list, one page at a time: 加载更多 follows the server's cursor. */
export function useClueList(status: 'open' | 'closed' | undefined) {
  return useInfiniteQuery({
    queryKey: clueKeys.clueList(status ?? 'all'),
    queryFn: ({ pageParam }) =>
      get<Page<Clue>>(withQuery('/api/clues', { status, limit: PAGE_SIZE, cursor: pageParam })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useClue(id: string | undefined) {
  return useQuery({
    queryKey: clueKeys.clue(id ?? ''),
    queryFn: () => get<ClueDetail>(`/api/clues/${id}`),
    enabled: !!id,
    retry: noRetryOn404,
    // Routing happens in the background a few seconds after intake: look again until it has.
    refetchInterval: (query) =>
      query.state.data && awaitingRouting(query.state.data) ? 3000 : false,
  });
}

/** After any clue or hand-off action: the clue, both boxes and the bell all move together. */
export function useInvalidateClues() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: clueKeys.clues }),
      client.invalidateQueries({ queryKey: clueKeys.handoffs }),
      client.invalidateQueries({ queryKey: keys.notifications }),
    ]);
}

type ListQuery = Record<string, string | number | undefined>;

/** 登记线索: the answer says whether the same subject was reported before. */
export const createClue = (body: z.input<typeof CreateClueInput>) =>
  post<ClueIntake>('/api/clues', body);
export const closeClue = (id: string, body: z.input<typeof CloseClueInput>) =>
  post<Clue>(`/api/clues/${id}/close`, body);

/** Where a clue's files are uploaded. */
export const clueAttachmentsPath = (id: string) => `/api/clues/${id}/attachments`;

/** 线索: one numbered page of the search. */
export const useClueSearch = (query: ListQuery) =>
  useListPage<Clue>(clueKeys.clues, '/api/clues', query);

export const clueExportPath = (query: ListQuery) => exportPath('/api/exports/clues.xlsx', query);
