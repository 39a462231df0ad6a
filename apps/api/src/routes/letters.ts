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
      schema: {
        tags,
        summary: '起草责任书',
        operationId: 'createLetter',
        description: '联席办起草一份目标责任书。',
        body: CreateLetterInput,
        response: { 201: Letter },
      },
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
        operationId: 'listLetters',
        description: '分页列出目标责任书；责任单位仅见本单位的责任书。',
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
        operationId: 'rankLetters',
        description: '某年度各单位的考核得分排名；责任单位仅见本单位名次。',
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
      schema: {
        tags,
        summary: '责任书详情',
        operationId: 'getLetter',
        description: '目标责任书详情。',
        params: IdParams,
        response: { 200: LetterDetail },
      },
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
        operationId: 'updateLetter',
        description: '修改尚未下达的责任书草稿。',
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
      schema: {
        tags,
        summary: '下达责任书',
        operationId: 'issueLetter',
        description: '把责任书下达给责任单位签订。',
        params: IdParams,
        response: { 200: Letter },
      },
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
        operationId: 'signLetter',
        description: '责任单位签订下达给本单位的责任书。',
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
        operationId: 'scoreIndicators',
        description: '联席办为人工评分的指标打分。',
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
        operationId: 'recordDeduction',
        description: '联席办登记一项扣分及其理由。',
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
        operationId: 'getAssessment',
        description: '责任书的考核结果；未定稿时按实时数据计算。',
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
      schema: {
        tags,
        summary: '考核定稿',
        operationId: 'finalizeAssessment',
        description: '考核定稿，此后结果不再随数据变化。',
        params: IdParams,
        response: { 200: Assessment },
      },
    },
    async (request) => finalizeAssessment(request.ctx, request.params.id),
  );
}
