import { getCalendarYear, importCalendarYear, loadPolicy, updatePolicy } from '@lianxi/core';
import {
  CalendarYearView,
  ImportCalendarInput,
  PolicyView,
  ROSTER_EDITORS,
  UpdatePolicyInput,
  YearParams,
} from '@lianxi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export async function policyCalendarRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/policy',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['督办规则'],
        summary: '督办规则',
        operationId: 'loadPolicy',
        description: '当前的督办规则：签收时限、办理期限与催办督办的规则。',
        response: { 200: PolicyView },
      },
    },
    async (request) => loadPolicy(request.ctx, request.ctx.conferenceId),
  );
  app.put(
    '/api/policy',
    {
      config: { access: ROSTER_EDITORS },
      schema: {
        tags: ['督办规则'],
        summary: '修改督办规则（对此后下发的交办单生效）',
        operationId: 'updatePolicy',
        description: '修改督办规则，对此后下发的交办单生效。',
        body: UpdatePolicyInput,
        response: { 200: PolicyView },
      },
    },
    async (request) => updatePolicy(request.ctx, request.body),
  );

  app.get(
    '/api/calendar/:year',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['工作日历'],
        summary: '某年的节假日与调休安排',
        operationId: 'getCalendarYear',
        description: '某年的法定节假日与调休工作日。',
        params: YearParams,
        response: { 200: CalendarYearView },
      },
    },
    async (request) => getCalendarYear(request.ctx, request.params.year),
  );
  app.put(
    '/api/calendar/:year',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['工作日历'],
        summary: '导入某年的节假日与调休安排',
        operationId: 'importCalendarYear',
        description: '导入某年的节假日与调休安排，此后的期限按其计算。',
        params: YearParams,
        body: ImportCalendarInput,
        response: { 200: CalendarYearView.extend({ recounted: z.number().int() }) },
      },
    },
    async (request) => importCalendarYear(request.ctx, request.params.year, request.body),
  );
}
