import {
  briefingDocx,
  briefingHtml,
  composeBriefingDraft,
  editBriefing,
  getBriefing,
  listBriefings,
  publishBriefing,
} from '@lianxi/core';
import {
  Briefing,
  BriefingListQuery,
  countedPage,
  CreateBriefingInput,
  IdParams,
  UpdateBriefingInput,
} from '@lianxi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

const fileName = (b: Briefing) => `${b.title}${b.year}年第${b.issueNo}期.docx`;

export async function briefingRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['工作简报'];
  const office = { access: ['office', 'admin'] } as const;
  const anyone = { access: 'authenticated' } as const;

  app.post(
    '/api/briefings',
    {
      config: office,
      schema: {
        tags,
        summary: '按期间生成简报草稿',
        operationId: 'composeBriefingDraft',
        description:
          '按统计期间汇总数据生成一期简报草稿，草稿可再编辑后印发。coverage=tree 时统计数字含下级联席会议：先写合计，再逐个写各下级的数字。',
        body: CreateBriefingInput,
        response: { 201: Briefing },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await composeBriefingDraft(request.ctx, request.body)),
  );
  app.get(
    '/api/briefings',
    {
      config: anyone,
      schema: {
        tags,
        summary: '简报列表（按期号、标题、状态、印发日期、统计期间筛选）',
        operationId: 'listBriefings',
        description: '分页列出简报，可按期号、标题、状态、印发日期和统计期间筛选。',
        querystring: BriefingListQuery,
        response: { 200: countedPage(Briefing) },
      },
    },
    async (request) => listBriefings(request.ctx, request.query),
  );
  app.get(
    '/api/briefings/:id',
    {
      config: anyone,
      schema: {
        tags,
        summary: '简报',
        operationId: 'getBriefing',
        description: '一期简报的全文与状态。',
        params: IdParams,
        response: { 200: Briefing },
      },
    },
    async (request) => getBriefing(request.ctx, request.params.id),
  );
  app.patch(
    '/api/briefings/:id',
    {
      config: office,
      schema: {
        tags,
        summary: '编辑简报草稿',
        operationId: 'editBriefing',
        description: '编辑简报草稿的标题与正文；已印发的简报不可再改。',
        params: IdParams,
        body: UpdateBriefingInput,
        response: { 200: Briefing },
      },
    },
    async (request) => editBriefing(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/briefings/:id/publish',
    {
      config: office,
      schema: {
        tags,
        summary: '印发简报',
        operationId: 'publishBriefing',
        description: '印发简报草稿，印发后内容定稿。',
        params: IdParams,
        response: { 200: Briefing },
      },
    },
    async (request) => publishBriefing(request.ctx, request.params.id),
  );
  app.get(
    '/api/briefings/:id/docx',
    {
      config: anyone,
      schema: {
        tags,
        summary: '下载 Word 版',
        operationId: 'briefingDocx',
        produces: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        description: '以 Word（.docx）文件下载一期简报。',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const b = await getBriefing(request.ctx, request.params.id);
      return reply
        .header(
          'content-type',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        )
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(fileName(b))}`,
        )
        .header('cache-control', 'private, no-store')
        .send(await briefingDocx(b));
    },
  );
  app.get(
    '/api/briefings/:id/html',
    {
      config: anyone,
      schema: {
        tags,
        summary: '打印版（HTML）',
        operationId: 'briefingHtml',
        produces: ['text/html'],
        description: '一期简报的打印版 HTML 页面，供浏览器打印。',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const b = await getBriefing(request.ctx, request.params.id);
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .send(briefingHtml(b));
    },
  );
}
