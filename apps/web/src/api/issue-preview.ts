import { type IssuePreview, IssuePreviewQuery } from '@lianxi/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get, withQuery } from './client';

const previewKey = (q: IssuePreviewQuery) =>
  ['work-orders', 'due-preview', q.priority, q.dueInWorkdays ?? 'default'] as const;
const previewPath = (q: IssuePreviewQuery) =>
  withQuery('/api/work-orders/due-preview', {
    priority: q.priority,
    dueInWorkdays: q.dueInWorkdays,
  });

/** What the form's values would ask, or null while a value is one the order would refuse. */
export function previewQueryOf(values: {
  priority?: string;
  dueInWorkdays?: number | null;
}): IssuePreviewQuery | null {
  const parsed = IssuePreviewQuery.safeParse({
    priority: values.priority ?? 'normal',
    dueInWorkdays: values.dueInWorkdays ?? undefined,
  });
  return parsed.success ? parsed.data : null;
}

/**
 * The limits an order issued now would get, counted by the server on the conference's
 * calendar. Asked again each minute, since "now" moves (a form left open past midnight).
 */
export function useIssuePreview(query: IssuePreviewQuery | null) {
  return useQuery({
    queryKey: query ? previewKey(query) : ['work-orders', 'due-preview', 'none'],
    queryFn: () => get<IssuePreview>(previewPath(query!)),
    enabled: query !== null,
    refetchInterval: 60_000,
  });
}

/** The same, asked afresh: what the confirmation shows right before the order is sent. */
export function useFreshIssuePreview() {
  const client = useQueryClient();
  return (query: IssuePreviewQuery) =>
    client.fetchQuery({
      queryKey: previewKey(query),
      queryFn: () => get<IssuePreview>(previewPath(query)),
      staleTime: 0,
    });
}
