import {
  createRoutingRule,
  deleteRoutingRule,
  listRoutingRules,
  updateRoutingRule,
} from '@lianxi/core';
import {
  CreateRoutingRuleInput,
  IdParams,
  RoutingRule,
  UpdateRoutingRuleInput,
} from '@lianxi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export async function routingRuleRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['线索'];
  const editors = { access: ['office', 'admin'] as const };

  app.get(
    '/api/routing-rules',
    {
      config: { access: ['office', 'admin', 'supervisor', 'leader'] },
      schema: {
        tags,
        summary: '线索分流规则（按顺序，首条命中生效）',
        operationId: 'listRoutingRules',
        description: '按顺序列出线索分流规则，首条命中的规则生效。',
        response: { 200: z.object({ items: z.array(RoutingRule) }) },
      },
    },
    async (request) => listRoutingRules(request.ctx),
  );
  app.post(
    '/api/routing-rules',
    {
      config: editors,
      schema: {
        tags,
        summary: '新增分流规则',
        operationId: 'createRoutingRule',
        description: '新增一条线索分流规则。',
        body: CreateRoutingRuleInput,
        response: { 201: RoutingRule },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createRoutingRule(request.ctx, request.body)),
  );
  app.patch(
    '/api/routing-rules/:id',
    {
      config: editors,
      schema: {
        tags,
        summary: '修改分流规则',
        operationId: 'updateRoutingRule',
        description: '修改一条线索分流规则。',
        params: IdParams,
        body: UpdateRoutingRuleInput,
        response: { 200: RoutingRule },
      },
    },
    async (request) => updateRoutingRule(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/api/routing-rules/:id',
    {
      config: editors,
      schema: {
        tags,
        summary: '删除分流规则',
        operationId: 'deleteRoutingRule',
        description: '删除一条分流规则。',
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteRoutingRule(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
