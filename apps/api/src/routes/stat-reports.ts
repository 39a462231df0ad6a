import multipart from '@fastify/multipart';
import {
  correctStatReport,
  fileStatReport,
  getStatReport,
  importFigures,
  listStatReports,
  moveStatReport,
  summarizeFigures,
} from '@lianxi/core';
import {
  AppError,
  countedPage,
  CreateStatReportInput,
  IdParams,
  ReturnStatReportInput,
  StatReport,
  StatReportDetail,
  StatReportListQuery,
  Summary,
  SummaryQuery,
  UpdateStatReportInput,
} from '@lianxi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export async function statReportRoutes(base: FastifyInstance) {
  await base.register(multipart, {
    limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5, parts: 6 },
    throwFileSizeLimit: true,
  });
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['统计报表'];
  const filers = { access: ['office', 'admin', 'unit'] } as const;
  const office = { access: ['office', 'admin'] } as const;

  app.post(
    '/api/stat-reports',
    {
      config: filers,
      schema: {
        tags,
        summary: '填报月度统计报表',
        operationId: 'fileStatReport',
        description: '责任单位填报某月的统计报表（草稿）。',
        body: CreateStatReportInput,
        response: { 201: StatReport },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await fileStatReport(request.ctx, request.body)),
  );
  app.get(
    '/api/stat-reports',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '统计报表列表（责任单位仅见本单位）',
        operationId: 'listStatReports',
        description: '分页列出统计报表；责任单位仅见本单位。',
        querystring: StatReportListQuery,
        response: { 200: countedPage(StatReport) },
      },
    },
    async (request) => listStatReports(request.ctx, request.query),
  );
  app.get(
    '/api/stat-reports/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '统计报表详情（含修改记录）',
        operationId: 'getStatReport',
        description: '统计报表详情，含每次修改与更正的记录。',
        params: IdParams,
        response: { 200: StatReportDetail },
      },
    },
    async (request) => getStatReport(request.ctx, request.params.id),
  );
  app.patch(
    '/api/stat-reports/:id',
    {
      config: filers,
      schema: {
        tags,
        summary: '修改或更正统计报表',
        operationId: 'correctStatReport',
        description: '修改草稿，或更正已上报的统计报表。',
        params: IdParams,
        body: UpdateStatReportInput,
        response: { 200: StatReport },
      },
    },
    async (request) => correctStatReport(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/stat-reports/:id/submit',
    {
      config: filers,
      schema: {
        tags,
        summary: '上报',
        operationId: 'submitStatReport',
        description: '责任单位把统计报表上报联席办审核。',
        params: IdParams,
        response: { 200: StatReport },
      },
    },
    async (request) => moveStatReport(request.ctx, request.params.id, 'submit'),
  );
  app.post(
    '/api/stat-reports/:id/approve',
    {
      config: office,
      schema: {
        tags,
        summary: '审核通过',
        operationId: 'approveStatReport',
        description: '联席办审核通过统计报表。',
        params: IdParams,
        response: { 200: StatReport },
      },
    },
    async (request) => moveStatReport(request.ctx, request.params.id, 'approve'),
  );
  app.post(
    '/api/stat-reports/:id/return',
    {
      config: office,
      schema: {
        tags,
        summary: '退回修改',
        operationId: 'returnStatReport',
        description: '联席办把统计报表退回修改，附退回理由。',
        params: IdParams,
        body: ReturnStatReportInput,
        response: { 200: StatReport },
      },
    },
    async (request) => moveStatReport(request.ctx, request.params.id, 'return', request.body),
  );
  app.post(
    '/api/stat-reports/import',
    {
      config: office,
      schema: {
        tags,
        summary: '从 .xlsx 导入月度数据（有错误则整表不导入，逐行列出）',
        operationId: 'importFigures',
        consumes: ['multipart/form-data'],
        description: '从 .xlsx 文件导入各单位的月度数据；有任何错误则整表不导入，并逐行列出错误。',
        response: {
          200: z.object({
            imported: z.number().int(),
            created: z.number().int(),
            corrected: z.number().int(),
          }),
        },
      },
    },
    async (request) => {
      if (!request.isMultipart()) {
        throw new AppError(
          'unsupported_type',
          '请以 multipart/form-data 上传 .xlsx 文件（字段名 file）',
        );
      }
      const part = await request.file();
      if (!part || part.fieldname !== 'file') {
        part?.file.resume();
        throw new AppError('invalid_input', '请选择要导入的 .xlsx 文件', {
          errors: [{ field: 'body.file', message: '缺少文件' }],
        });
      }
      return importFigures(request.ctx, await part.toBuffer());
    },
  );
  app.get(
    '/api/stats/summary',
    {
      config: { access: ['office', 'admin', 'supervisor', 'leader'] },
      schema: {
        tags,
        summary: '统计汇总（按月环比、按单位、按单位类别）',
        operationId: 'summarizeFigures',
        description:
          '统计汇总：按月环比、按单位和按单位类别。scope=tree 时含下级联席会议：合计与明细覆盖本级及以下各级，conferences 列出每个联席会议本级的数字（figures）和含其下级的数字（treeFigures），每份已审核报表只计一次。',
        querystring: SummaryQuery,
        response: { 200: Summary },
      },
    },
    async (request) => summarizeFigures(request.ctx, request.query),
  );
}
