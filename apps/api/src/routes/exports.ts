import { exportClues, exportFigures, exportTasks } from '@lianxi/core';
import { Month } from '@lianxi/domain';
import type { FastifyInstance } from 'fastify';
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
}
