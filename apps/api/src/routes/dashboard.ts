import { monthlyTrends, taskRates } from '@lianxi/core';
import { Rates, RatesQuery, Trends, TrendsQuery } from '@lianxi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

/** The dashboards' charts: rates per unit over a period, and month-by-month trends. */
export async function dashboardRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['统计'];

  app.get(
    '/api/stats/rates',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '各单位签收及时率、按期办结率、逾期率（按下发日期区间；责任单位仅见本单位）',
        operationId: 'taskRates',
        description:
          '按下发日期区间统计各单位的签收及时率、按期办结率与逾期率；责任单位仅见本单位。',
        querystring: RatesQuery,
        response: { 200: Rates },
      },
    },
    async (request) => taskRates(request.ctx, request.query),
  );
  app.get(
    '/api/stats/trends',
    {
      config: { access: ['office', 'admin', 'supervisor', 'leader'] },
      schema: {
        tags,
        summary: '逐月走势：统计数据、催办督办、线索与移送',
        operationId: 'monthlyTrends',
        description: '逐月的统计数据、催办督办、线索与移送走势。',
        querystring: TrendsQuery,
        response: { 200: Trends },
      },
    },
    async (request) => monthlyTrends(request.ctx, request.query),
  );
}
