import { listAudit, listAuditActors, verifyAudit } from '@lianxi/core';
import {
  AUDIT_READERS,
  AuditActor,
  AuditPage,
  AuditQuery,
  AuditVerifyResult,
} from '@lianxi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export async function auditRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['操作日志'];

  app.get(
    '/api/audit',
    {
      config: { access: AUDIT_READERS },
      schema: {
        tags,
        summary: '操作日志（按对象、操作人、操作、日期筛选）',
        operationId: 'listAudit',
        description: '分页查询操作日志，可按对象、操作人、操作类型和日期区间筛选。',
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    async (request) => listAudit(request.ctx, request.query),
  );

  app.get(
    '/api/audit/actors',
    {
      config: { access: AUDIT_READERS },
      schema: {
        tags,
        summary: '操作日志的操作人选项',
        operationId: 'listAuditActors',
        description: '操作日志中出现过的操作人，供筛选条件选用。',
        response: { 200: z.object({ items: z.array(AuditActor) }) },
      },
    },
    async (request) => listAuditActors(request.ctx),
  );

  app.get(
    '/api/audit/verify',
    {
      config: { access: AUDIT_READERS },
      schema: {
        tags,
        summary: '校验操作日志哈希链',
        operationId: 'verifyAudit',
        description: '逐条校验操作日志的哈希链，报告是否完整以及第一处断裂的位置。',
        response: { 200: AuditVerifyResult },
      },
    },
    async (request) => verifyAudit(request.ctx),
  );
}
