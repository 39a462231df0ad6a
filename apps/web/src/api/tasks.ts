import type {
  AcceptTaskInput,
  ExtensionDecisionInput,
  ExtensionRequest,
  ExtensionRequestInput,
  ProgressInput,
  ReportInput,
  ReturnTaskInput,
  ReviewInput,
  RulingInput,
  TaskDetail,
  TaskSummary,
  UrgeTaskInput,
  WithdrawInput,
} from '@lianxi/domain';
import type { z } from 'zod';
import { post } from './client';
import { exportPath } from './logs';
import { keys, useListPage } from './queries';

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
