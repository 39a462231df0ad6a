import type {
  AcceptTaskInput,
  Escalation,
  ExtensionAllowance,
  ExtensionDecisionInput,
  ExtensionRequest,
  ExtensionRequestInput,
  ProgressInput,
  ReportInput,
  ReturnTaskInput,
  ReviewInput,
  RulingInput,
  TaskDetail,
  TaskStatus,
  TaskSummary,
  UrgeTaskInput,
  WithdrawInput,
} from '@lianxi/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { exportPath, get, post, withQuery } from './client';
import { keys, type Page, useListPage } from './queries';

type ListQuery = Record<string, string | number | undefined>;

/** Every task verb answers the task as it now stands. */
const act = (id: string, verb: string, body: object) =>
  post<TaskDetail>(`/api/tasks/${id}/${verb}`, body);

export const acceptTask = (id: string, body: z.input<typeof AcceptTaskInput>) =>
  act(id, 'accept', body ?? {});
export const returnTask = (id: string, body: z.input<typeof ReturnTaskInput>) =>
  act(id, 'return', body);
export const reportProgress = (id: string, body: z.input<typeof ProgressInput>) =>
  act(id, 'progress', body);
export const reportResult = (id: string, body: z.input<typeof ReportInput>) =>
  act(id, 'report', body);
export const reviewTask = (id: string, body: z.input<typeof ReviewInput>) =>
  act(id, 'review', body);
export const ruleOnReturn = (id: string, body: z.input<typeof RulingInput>) =>
  act(id, 'ruling', body);
export const withdrawTask = (id: string, body: z.input<typeof WithdrawInput>) =>
  act(id, 'withdraw', body);

/** 催办 / 督办 by a supervisor's hand. */
export const chaseTask = (
  id: string,
  kind: 'urge' | 'supervise',
  body: z.input<typeof UrgeTaskInput>,
) => act(id, kind, body);

export const requestExtension = (id: string, body: z.input<typeof ExtensionRequestInput>) =>
  post<ExtensionRequest>(`/api/tasks/${id}/extension-requests`, body);
export const decideExtension = (requestId: string, body: z.input<typeof ExtensionDecisionInput>) =>
  post<ExtensionRequest>(`/api/extension-requests/${requestId}/decision`, body);

/** Where a task's evidence is uploaded. */
export const taskAttachmentsPath = (id: string) => `/api/tasks/${id}/attachments`;

/** 任务: one numbered page of the search, within what the caller may see. */
export const useTaskList = (query: ListQuery) =>
  useListPage<TaskSummary>(keys.tasks, '/api/tasks', query);

export const taskExportPath = (query: ListQuery) => exportPath('/api/exports/tasks.xlsx', query);

export function useTaskPage(status: TaskStatus | undefined, limit = 100) {
  return useQuery({
    queryKey: [...keys.tasks, 'page', status ?? 'all', limit],
    queryFn: () => get<Page<TaskSummary>>(withQuery('/api/tasks', { status, limit })),
  });
}

/** Tasks in any of several statuses, soonest due first, in one request. */
export function useTasksIn(
  statuses: TaskStatus[],
  filters: Record<string, string | undefined> = {},
) {
  return useQuery({
    queryKey: [...keys.tasks, 'page', statuses.join(','), 200, filters],
    queryFn: () =>
      get<Page<TaskSummary>>(
        withQuery('/api/tasks', {
          ...filters,
          status: statuses.join(','),
          sort: 'dueAt',
          offset: '0',
          limit: 200,
        }),
      ),
    select: (page) => page.items,
  });
}

export function useTask(id: string | undefined) {
  return useQuery({
    queryKey: keys.task(id ?? ''),
    queryFn: () => get<TaskDetail>(`/api/tasks/${id}`),
    enabled: !!id,
    retry: (count, error) => (error as { status?: number }).status !== 404 && count < 2,
  });
}

export function useEscalations(id: string, enabled = true) {
  return useQuery({
    queryKey: [...keys.task(id), 'escalations'],
    queryFn: () => get<{ items: Escalation[] }>(`/api/tasks/${id}/escalations`),
    enabled,
  });
}

export function useExtensionRequests(id: string, enabled = true) {
  return useQuery({
    queryKey: [...keys.task(id), 'extensions'],
    queryFn: () => get<{ items: ExtensionRequest[] }>(`/api/tasks/${id}/extension-requests`),
    enabled,
  });
}

/** How far the task may still be extended, for the picker to know before anything is sent. */
export function useExtensionAllowance(id: string, enabled = true) {
  return useQuery({
    queryKey: [...keys.task(id), 'extension-allowance'],
    queryFn: () => get<ExtensionAllowance>(`/api/tasks/${id}/extension-allowance`),
    enabled,
  });
}

/** After any task action: lists, dashboards and boards all derive from task state. */
export function useInvalidateTasks() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: keys.tasks }),
      client.invalidateQueries({ queryKey: keys.workOrders }),
      client.invalidateQueries({ queryKey: ['supervision'] }),
      client.invalidateQueries({ queryKey: keys.notifications }),
    ]);
}
