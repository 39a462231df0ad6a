import type {
  Handoff,
  HandoffReasonInput,
  HandoffResultInput,
  SendHandoffInput,
  UrgeTaskInput,
} from '@lianxi/domain';
import type { z } from 'zod';
import { post } from './client';
import { clueKeys } from './clues';
import { useListPage } from './queries';

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
