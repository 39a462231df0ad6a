import type {
  CreatedSubConference,
  CreateSubConferenceInput,
  SubConference,
  SubConferenceTree,
} from '@lianxi/domain';
import { useQuery } from '@tanstack/react-query';
import { get, post } from '../../api/client';

export const conferenceKeys = { tree: ['conferences', 'tree'] as const };

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
