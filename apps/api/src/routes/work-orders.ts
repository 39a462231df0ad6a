import { getWorkOrder, issueWorkOrder, listWorkOrders, previewIssue } from '@lianxi/core';
import {
  countedPage,
  IdParams,
  IssuePreview,
  IssuePreviewQuery,
  IssueWorkOrderInput,
  WorkOrderListQuery,
  WorkOrder,
  WorkOrderListItem,
} from '@lianxi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

export async function workOrderRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['交办单'];

  app.post(
    '/api/work-orders',
    {
      config: { access: ['office', 'admin'] },
      schema: {
        tags,
        summary: '下发交办单',
        operationId: 'issueWorkOrder',
        description:
          '联席办下发交办单，为每个承办单位（牵头或协办）生成一项任务，期限按工作日历计算。',
        body: IssueWorkOrderInput,
        response: { 201: WorkOrder },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await issueWorkOrder(request.ctx, request.body)),
  );

  app.get(
    '/api/work-orders/due-preview',
    {
      config: { access: ['office', 'admin'] },
      schema: {
        tags,
        summary: '预览期限：此刻下发的交办单的签收时限与办理期限（按工作日历）',
        operationId: 'previewIssue',
        description: '预览此刻下发的交办单的签收时限与办理期限（按工作日历），不保存任何数据。',
        querystring: IssuePreviewQuery,
        response: { 200: IssuePreview },
      },
    },
    async (request) => previewIssue(request.ctx, request.query),
  );

  app.get(
    '/api/work-orders',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '交办单列表',
        operationId: 'listWorkOrders',
        description: '分页列出调用者可见的交办单。',
        querystring: WorkOrderListQuery,
        response: { 200: countedPage(WorkOrderListItem) },
      },
    },
    async (request) => listWorkOrders(request.ctx, request.query),
  );

  app.get(
    '/api/work-orders/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '交办单详情',
        operationId: 'getWorkOrder',
        description: '交办单详情，含各承办单位的任务。',
        params: IdParams,
        response: { 200: WorkOrder },
      },
    },
    async (request) => getWorkOrder(request.ctx, request.params.id),
  );
}
