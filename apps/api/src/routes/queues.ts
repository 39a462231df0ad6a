import { readQueuesOverview } from '@lianxi/core';
import { QueuesOverview } from '@lianxi/domain';
import { openQueueInspector, type QueueInspector } from '@lianxi/queue';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';

/** 队列监控: the administrators' view of the job queues and the outbox behind them. */
export async function queueRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  // opened on the first look, not at start: most API processes never need it
  let queues: Promise<QueueInspector> | undefined;
  const inspector = () => (queues ??= openQueueInspector(deps.redis, deps.config.queuePrefix));
  app.addHook('onClose', async () => {
    if (queues) await (await queues).close();
  });

  app.get(
    '/api/admin/queues',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['系统管理'],
        summary: '队列监控：各队列等待、执行、延迟、失败的任务数，最近的失败及未投递的 outbox',
        operationId: 'readQueuesOverview',
        description:
          '系统管理员查看各队列等待、执行、延迟、失败的任务数，最近的失败与尚未投递的 outbox 记录。',
        response: { 200: QueuesOverview },
      },
    },
    async (request) => readQueuesOverview(request.ctx, await inspector()),
  );
}
