import { closeClue, getClue, listClues, receiveClue } from '@lianxi/core';
import {
  countedPage,
  ClueDetail,
  CloseClueInput,
  ClueIntake,
  ClueListQuery,
  Clue,
  CreateClueInput,
  IdParams,
} from '@lianxi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';

export async function clueRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['线索'];
  const keys = deps.config.reporterKeys;

  app.post(
    '/api/clues',
    {
      config: { access: ['office', 'admin', 'unit'] },
      schema: {
        tags,
        summary: '登记线索（重复举报并入在办线索）',
        operationId: 'receiveClue',
        description: '登记一条线索；与在办线索重复的举报并入该线索，按分流规则确定承办单位。',
        body: CreateClueInput,
        response: { 201: ClueIntake },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await receiveClue(request.ctx, request.body, keys)),
  );
  app.get(
    '/api/clues',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '线索列表（不含举报人信息）',
        operationId: 'listClues',
        description: '分页列出调用者可见的线索（不含举报人信息），可按查询参数筛选。',
        querystring: ClueListQuery,
        response: { 200: countedPage(Clue) },
      },
    },
    async (request) => listClues(request.ctx, request.query),
  );
  app.get(
    '/api/clues/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '线索详情',
        operationId: 'getClue',
        description: '一条线索的详情。',
        params: IdParams,
        response: { 200: ClueDetail },
      },
    },
    async (request) => getClue(request.ctx, request.params.id, keys),
  );
  app.post(
    '/api/clues/:id/close',
    {
      config: { access: ['office', 'admin', 'unit'] },
      schema: {
        tags,
        summary: '办结线索（所有移送均已反馈）',
        operationId: 'closeClue',
        description: '所有移送均已反馈办理结果后办结线索。',
        params: IdParams,
        body: CloseClueInput,
        response: { 200: Clue },
      },
    },
    async (request) => closeClue(request.ctx, request.params.id, request.body),
  );
}
