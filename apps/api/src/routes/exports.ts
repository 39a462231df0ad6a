import {
  type Ctx,
  exportAudit,
  exportClues,
  exportFigures,
  exportLoginLog,
  exportTasks,
  LOGIN_LOG_READERS,
} from '@lianxi/core';
import {
  AUDIT_READERS,
  AuditExportQuery,
  ClueExportQuery,
  LoginLogExportQuery,
  Month,
  TaskExportQuery,
} from '@lianxi/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Access } from '../plugins/auth.js';

const StatsQuery = z
  .object({ from: Month.optional(), to: Month.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: '起始月份不能晚于结束月份',
    path: ['from'],
  });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function exportRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['导出'];

  /** One .xlsx of a list: its filters checked as the list checks them, every matching row. */
  const filtered = <Q extends z.ZodType>(
    file: string,
    name: string,
    operationId: string,
    summary: string,
    access: Access,
    querystring: Q,
    write: (ctx: Ctx, query: z.infer<Q>) => Promise<Buffer>,
  ) =>
    app.get(
      `/api/exports/${file}`,
      {
        config: { access },
        schema: {
          tags,
          operationId,
          summary,
          description: `按与列表相同的筛选条件，把全部匹配的记录导出为「${name}」.xlsx 文件。`,
          produces: [XLSX],
          querystring,
        },
      },
      async (request, reply) =>
        sendWorkbook(reply, name, await write(request.ctx, request.query as z.infer<Q>)),
    );

  // the ledgers and the logs under the same filters as their pages
  filtered(
    'tasks.xlsx',
    '任务台账',
    'exportTasks',
    '导出任务台账 .xlsx（与任务列表同样的筛选）',
    'authenticated',
    TaskExportQuery,
    exportTasks,
  );
  filtered(
    'clues.xlsx',
    '线索台账',
    'exportClues',
    '导出线索台账 .xlsx（与线索列表同样的筛选，不含举报人）',
    'authenticated',
    ClueExportQuery,
    exportClues,
  );
  filtered(
    'audit.xlsx',
    '操作日志',
    'exportAudit',
    '导出操作日志 .xlsx',
    AUDIT_READERS,
    AuditExportQuery,
    exportAudit,
  );
  filtered(
    'login-log.xlsx',
    '登录日志',
    'exportLoginLog',
    '导出登录日志 .xlsx',
    LOGIN_LOG_READERS,
    LoginLogExportQuery,
    exportLoginLog,
  );

  // the figures by month; any other name under /api/exports is a 400 naming the file
  app.get(
    '/api/exports/:file',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '导出统计数据 .xlsx（按月份）',
        operationId: 'exportFigures',
        description: '按月份区间把统计数据导出为 .xlsx 文件；文件名只能是 stats.xlsx。',
        produces: [XLSX],
        params: z.object({ file: z.enum(['stats.xlsx']) }),
        querystring: StatsQuery,
      },
    },
    async (request, reply) =>
      sendWorkbook(
        reply,
        '统计数据',
        await exportFigures(
          request.ctx,
          request.query.from ?? '2000-01',
          request.query.to ?? '2100-12',
        ),
      ),
  );
}

const sendWorkbook = (reply: FastifyReply, name: string, data: Buffer) =>
  reply
    .header('content-type', XLSX)
    .header(
      'content-disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(`${name}.xlsx`)}`,
    )
    .header('cache-control', 'private, no-store')
    .send(data);
