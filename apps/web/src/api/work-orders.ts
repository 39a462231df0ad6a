import type { IssueWorkOrderInput, WorkOrder, WorkOrderListItem } from '@lianxi/domain';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { get, post } from './client';
import { keys, type Page, useListPage } from './queries';

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

export function useWorkOrders() {
  return useQuery({
    queryKey: keys.workOrders,
    queryFn: () => get<Page<WorkOrderListItem>>('/api/work-orders?limit=200'),
  });
}

export function useWorkOrder(id: string | undefined) {
  return useQuery({
    queryKey: keys.workOrder(id ?? ''),
    queryFn: () => get<WorkOrder>(`/api/work-orders/${id}`),
    enabled: !!id,
    retry: (count, error) => (error as { status?: number }).status !== 404 && count < 2,
  });
}
