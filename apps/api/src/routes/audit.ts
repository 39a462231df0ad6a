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
        response: { 200: z.object({ items: z.array(AuditActor) }) },
      },
    },
    async (request) => listAuditActors(request.ctx),
  );

  app.get(
    '/api/audit/verify',
    {
      config: { access: AUDIT_READERS },
      schema: { tags, summary: '校验操作日志哈希链', response: { 200: AuditVerifyResult } },
    },
    async (request) => verifyAudit(request.ctx),
  );
}
