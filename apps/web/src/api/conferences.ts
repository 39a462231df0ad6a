import type {
  CreatedSubConference,
  CreateSubConferenceInput,
  IssueOrderDownInput,
  IssueWorkOrderInput,
  OrderDownItem,
  OrderDownProgress,
  SubConference,
  SubConferenceTree,
  WorkOrder,
} from '@lianxi/domain';
import { useQuery } from '@tanstack/react-query';
import { get, post } from './client';

export const conferenceKeys = {
  tree: ['conferences', 'tree'] as const,
  ordersDown: ['conferences', 'orders-down'] as const,
  progress: (id: string) => ['conferences', 'orders-down', id] as const,
};

/** 下级联席会议: the caller's conference and everything below it. */
export const useConferenceTree = () =>
  useQuery({
    queryKey: conferenceKeys.tree,
    queryFn: () => get<SubConferenceTree>('/api/conferences/tree'),
  });

/** 设立下级联席会议; the answer carries the first accounts' one-time passwords. */
export const createSubConference = (input: CreateSubConferenceInput) =>
  post<CreatedSubConference>('/api/conferences', input);

export interface ConferenceNode extends SubConference {
  children?: ConferenceNode[];
}

/** The tree order of the API (each conference right after its parent) as nested rows. */
export function nest(items: SubConference[]): ConferenceNode[] {
  const byId = new Map<string, ConferenceNode>();
  const roots: ConferenceNode[] = [];
  for (const item of items) {
    const node: ConferenceNode = { ...item };
    byId.set(item.id, node);
    const parent = item.parentId ? byId.get(item.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/** 向下交办的交办单, newest first. */
export const useOrdersDown = () =>
  useQuery({
    queryKey: conferenceKeys.ordersDown,
    queryFn: () => get<{ items: OrderDownItem[] }>('/api/conferences/work-orders?limit=50'),
  });

/** 下级办理进度 of one order issued down. */
export const useOrderDownProgress = (id: string | undefined) =>
  useQuery({
    queryKey: conferenceKeys.progress(id ?? ''),
    queryFn: () => get<OrderDownProgress>(`/api/conferences/work-orders/${id}`),
    enabled: !!id,
    retry: (count, error) => (error as { status?: number }).status !== 404 && count < 2,
  });

/** 向下级交办. */
export const issueOrderDown = (input: IssueOrderDownInput) =>
  post<OrderDownProgress>('/api/conferences/work-orders', input);

/** 分解交办: the office below splits the share it received into its own order to its units. */
export const splitOrderDown = (shareId: string, input: IssueWorkOrderInput) =>
  post<WorkOrder>(`/api/conferences/work-orders/${shareId}/split`, input);
