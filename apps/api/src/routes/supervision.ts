import {
  addOpinion,
  closeCase,
  getCase,
  listCases,
  overdueBoard,
  SUPERVISION_READERS,
  taskStats,
} from '@lianxi/core';
import {
  countedPage,
  CaseListQuery,
  CloseCaseInput,
  IdParams,
  OpinionInput,
  OverdueItem,
  SupervisionCase,
  SupervisionCaseDetail,
  TaskStats,
} from '@lianxi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export async function supervisionRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['督查督办'];

  app.get(
    '/api/supervision/overdue',
    {
      config: { access: SUPERVISION_READERS },
      schema: {
        tags,
        summary: '逾期事项（按督办级别从重到轻）',
        operationId: 'overdueBoard',
        description: '逾期事项，按督办级别从重到轻排列。',
        response: { 200: z.object({ items: z.array(OverdueItem) }) },
      },
    },
    async (request) => overdueBoard(request.ctx),
  );
  app.get(
    '/api/supervision/cases',
    {
      config: { access: SUPERVISION_READERS },
      schema: {
        tags,
        summary: '督办件列表',
        operationId: 'listCases',
        description: '分页列出督办件。',
        querystring: CaseListQuery,
        response: { 200: countedPage(SupervisionCase) },
      },
    },
    async (request) => listCases(request.ctx, request.query),
  );
  app.get(
    '/api/supervision/cases/:id',
    {
      config: { access: SUPERVISION_READERS },
      schema: {
        tags,
        summary: '督办件详情',
        operationId: 'getCase',
        description: '督办件详情。',
        params: IdParams,
        response: { 200: SupervisionCaseDetail },
      },
    },
    async (request) => getCase(request.ctx, request.params.id),
  );
  app.post(
    '/api/supervision/cases/:id/opinions',
    {
      config: { access: ['supervisor'] },
      schema: {
        tags,
        summary: '添加督办意见',
        operationId: 'addOpinion',
        description: '督查人员为督办件添加督办意见。',
        params: IdParams,
        body: OpinionInput,
        response: { 201: SupervisionCaseDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addOpinion(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/api/supervision/cases/:id/close',
    {
      config: { access: ['supervisor'] },
      schema: {
        tags,
        summary: '办结督办件',
        operationId: 'closeCase',
        description: '督查人员办结督办件。',
        params: IdParams,
        body: CloseCaseInput,
        response: { 200: SupervisionCaseDetail },
      },
    },
    async (request) => closeCase(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/api/stats/tasks',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['统计'],
        summary: '任务统计（按状态、督办颜色、单位）',
        operationId: 'taskStats',
        description: '任务统计：按状态、督办颜色和单位计数。',
        response: { 200: TaskStats },
      },
    },
    async (request) => taskStats(request.ctx),
  );
}
