import {
  createLetter,
  finalizeAssessment,
  getAssessment,
  getLetter,
  issueLetter,
  listLetters,
  rankLetters,
  recordDeduction,
  scoreIndicators,
  signLetter,
  updateLetter,
} from '@lianxi/core';
import {
  Assessment,
  countedPage,
  CreateLetterInput,
  DeductionEntryInput,
  IdParams,
  Letter,
  LetterDetail,
  LetterListQuery,
  ManualScoresInput,
  RankingQuery,
  RankingRow,
  UpdateLetterInput,
} from '@lianxi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export async function letterRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['责任书与考核'];
  const office = { access: ['office', 'admin'] } as const;
  const anyone = { access: 'authenticated' } as const;

  app.post(
    '/api/letters',
    {
      config: office,
      schema: { tags, summary: '起草责任书', body: CreateLetterInput, response: { 201: Letter } },
    },
    async (request, reply) => reply.status(201).send(await createLetter(request.ctx, request.body)),
  );
  app.get(
    '/api/letters',
    {
      config: anyone,
      schema: {
        tags,
        summary: '责任书列表（责任单位仅见本单位）',
        querystring: LetterListQuery,
        response: { 200: countedPage(Letter) },
      },
    },
    async (request) => listLetters(request.ctx, request.query),
  );
  app.get(
    '/api/letters/ranking',
    {
      config: anyone,
      schema: {
        tags,
        summary: '年度考核排名（责任单位仅见本单位名次）',
        querystring: RankingQuery,
        response: { 200: z.object({ items: z.array(RankingRow) }) },
      },
    },
    async (request) => rankLetters(request.ctx, request.query),
  );
  app.get(
    '/api/letters/:id',
    {
      config: anyone,
      schema: { tags, summary: '责任书详情', params: IdParams, response: { 200: LetterDetail } },
    },
    async (request) => getLetter(request.ctx, request.params.id),
  );
  app.patch(
    '/api/letters/:id',
    {
      config: office,
      schema: {
        tags,
        summary: '修改责任书草稿',
        params: IdParams,
        body: UpdateLetterInput,
        response: { 200: Letter },
      },
    },
    async (request) => updateLetter(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/letters/:id/issue',
    {
      config: office,
      schema: { tags, summary: '下达责任书', params: IdParams, response: { 200: Letter } },
    },
    async (request) => issueLetter(request.ctx, request.params.id),
  );
  app.post(
    '/api/letters/:id/sign',
    {
      config: { access: ['unit'] },
      schema: {
        tags,
        summary: '签订责任书（责任单位）',
        params: IdParams,
        response: { 200: Letter },
      },
    },
    async (request) => signLetter(request.ctx, request.params.id),
  );
  app.post(
    '/api/letters/:id/scores',
    {
      config: office,
      schema: {
        tags,
        summary: '人工评分',
        params: IdParams,
        body: ManualScoresInput,
        response: { 200: LetterDetail },
      },
    },
    async (request) => scoreIndicators(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/letters/:id/deductions',
    {
      config: office,
      schema: {
        tags,
        summary: '登记扣分',
        params: IdParams,
        body: DeductionEntryInput,
        response: { 200: LetterDetail },
      },
    },
    async (request) => recordDeduction(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/api/letters/:id/assessment',
    {
      config: anyone,
      schema: {
        tags,
        summary: '考核结果（未定稿时按实时数据计算）',
        params: IdParams,
        response: { 200: Assessment },
      },
    },
    async (request) => getAssessment(request.ctx, request.params.id),
  );
  app.post(
    '/api/letters/:id/assessment/finalize',
    {
      config: office,
      schema: { tags, summary: '考核定稿', params: IdParams, response: { 200: Assessment } },
    },
    async (request) => finalizeAssessment(request.ctx, request.params.id),
  );
}
