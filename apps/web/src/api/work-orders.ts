import type { IssueWorkOrderInput, WorkOrder, WorkOrderListItem } from '@lianxi/domain';
import type { z } from 'zod';
import { post } from './client';
import { keys, useListPage } from './queries';

export type IssueWorkOrderBody = z.input<typeof IssueWorkOrderInput>;

export const issueWorkOrder = (body: IssueWorkOrderBody) =>
  post<WorkOrder>('/api/work-orders', body);

/** A meeting's resolution becomes a work order, issued from the meeting's page. */
export const issueFromResolution = (resolutionId: string, body: IssueWorkOrderBody) =>
  post<WorkOrder>(`/api/resolutions/${resolutionId}/work-orders`, body);

/** Where the order's own files are uploaded, and listed. */
export const orderAttachmentsPath = (id: string) => `/api/work-orders/${id}/attachments`;

export const useWorkOrderList = (query: Record<string, string | number | undefined>) =>
  useListPage<WorkOrderListItem>(keys.workOrders, '/api/work-orders', query);
