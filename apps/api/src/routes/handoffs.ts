import { answerHandoff, listHandoffs, receiveHandoff, sendHandoff } from '@lianxi/core';
import {
  Handoff,
  HandoffBoxQuery,
  HandoffResultInput,
  IdParams,
  page,
  SendHandoffInput,
} from '@lianxi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

export async function handoffRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['线索'];

  app.post(
    '/api/clues/:id/handoffs',
    {
      config: { access: ['office', 'admin', 'unit'] },
      schema: {
        tags,
        summary: '移送线索',
        params: IdParams,
        body: SendHandoffInput,
        response: { 201: Handoff },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await sendHandoff(request.ctx, request.params.id, request.body)),
  );
  app.get(
    '/api/handoffs',
    {
      config: { access: ['office', 'admin', 'unit'] },
      schema: {
        tags,
        summary: '移送收件箱 / 发件箱',
        querystring: HandoffBoxQuery,
        response: { 200: page(Handoff) },
      },
    },
    async (request) => listHandoffs(request.ctx, request.query),
  );
  app.post(
    '/api/handoffs/:id/receive',
    {
      config: { access: ['unit'] },
      schema: { tags, summary: '接收移送', params: IdParams, response: { 200: Handoff } },
    },
    async (request) => receiveHandoff(request.ctx, request.params.id),
  );
  app.post(
    '/api/handoffs/:id/result',
    {
      config: { access: ['unit'] },
      schema: {
        tags,
        summary: '反馈移送办理结果',
        params: IdParams,
        body: HandoffResultInput,
        response: { 200: Handoff },
      },
    },
    async (request) => answerHandoff(request.ctx, request.params.id, request.body),
  );
}
