import {
  exportAudit,
  exportClues,
  exportFigures,
  exportLoginLog,
  exportTasks,
  LOGIN_LOG_READERS,
} from '@lianxi/core';
import { AUDIT_READERS, AuditExportQuery, LoginLogExportQuery, Month } from '@lianxi/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

const ExportParams = z.object({ file: z.enum(['tasks.xlsx', 'clues.xlsx', 'stats.xlsx']) });
const ExportQuery = z
  .object({ from: Month.optional(), to: Month.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: '起始月份不能晚于结束月份',
    path: ['from'],
  });
const NAMES = {
  'tasks.xlsx': '任务台账',
  'clues.xlsx': '线索台账',
  'stats.xlsx': '统计数据',
} as const;

export async function exportRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/exports/:file',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['导出'],
        summary: '导出 .xlsx（任务、线索（不含举报人）、统计数据）',
        params: ExportParams,
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const { file } = request.params;
      const ctx = request.ctx;
      const data =
        file === 'tasks.xlsx'
          ? await exportTasks(ctx)
          : file === 'clues.xlsx'
            ? await exportClues(ctx)
            : await exportFigures(
                ctx,
                request.query.from ?? '2000-01',
                request.query.to ?? '2100-12',
              );
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`${NAMES[file]}.xlsx`)}`,
        )
        .header('cache-control', 'private, no-store')
        .send(data);
    },
  );

  // the logs under the same filters as their pages; static paths win over `:file` above
  app.get(
    '/api/exports/audit.xlsx',
    {
      config: { access: AUDIT_READERS },
      schema: { tags: ['导出'], summary: '导出操作日志 .xlsx', querystring: AuditExportQuery },
    },
    async (request, reply) =>
      sendWorkbook(reply, '操作日志', await exportAudit(request.ctx, request.query)),
  );
  app.get(
    '/api/exports/login-log.xlsx',
    {
      config: { access: [...LOGIN_LOG_READERS] },
      schema: { tags: ['导出'], summary: '导出登录日志 .xlsx', querystring: LoginLogExportQuery },
    },
    async (request, reply) =>
      sendWorkbook(reply, '登录日志', await exportLoginLog(request.ctx, request.query)),
  );
}

const sendWorkbook = (reply: FastifyReply, name: string, data: Buffer) =>
  reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header(
      'content-disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(`${name}.xlsx`)}`,
    )
    .header('cache-control', 'private, no-store')
    .send(data);
