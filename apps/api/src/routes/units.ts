import { addDuty, createUnit, getUnit, listUnits, updateUnit } from '@lianxi/core';
import {
  CreateDutyInput,
  CreateUnitInput,
  Duty,
  IdParams,
  ROSTER_EDITORS,
  Unit,
  UnitDetail,
  UpdateUnitInput,
} from '@lianxi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export async function unitRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['成员单位'];

  app.get(
    '/api/units',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '成员单位列表',
        operationId: 'listUnits',
        description: '列出全部成员单位。',
        response: { 200: z.object({ items: z.array(Unit) }) },
      },
    },
    async (request) => listUnits(request.ctx),
  );

  app.get(
    '/api/units/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '成员单位及其职责',
        operationId: 'getUnit',
        description: '成员单位详情及其职责。',
        params: IdParams,
        response: { 200: UnitDetail },
      },
    },
    async (request) => getUnit(request.ctx, request.params.id),
  );

  app.post(
    '/api/units',
    {
      config: { access: ROSTER_EDITORS },
      schema: {
        tags,
        summary: '新增成员单位',
        operationId: 'createUnit',
        description: '新增一个成员单位。',
        body: CreateUnitInput,
        response: { 201: UnitDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await createUnit(request.ctx, request.body)),
  );

  app.patch(
    '/api/units/:id',
    {
      config: { access: ROSTER_EDITORS },
      schema: {
        tags,
        summary: '修改成员单位',
        operationId: 'updateUnit',
        description: '修改成员单位的信息。',
        params: IdParams,
        body: UpdateUnitInput,
        response: { 200: UnitDetail },
      },
    },
    async (request) => updateUnit(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/units/:id/duties',
    {
      config: { access: ROSTER_EDITORS },
      schema: {
        tags,
        summary: '新增职责',
        operationId: 'addDuty',
        description: '为成员单位新增一项职责。',
        params: IdParams,
        body: CreateDutyInput,
        response: { 201: Duty },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addDuty(request.ctx, request.params.id, request.body)),
  );
}
