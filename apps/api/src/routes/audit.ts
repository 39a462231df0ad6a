import { listAudit, verifyAudit } from '@lianxi/core';
import { AUDIT_READERS, AuditEntry, AuditQuery, AuditVerifyResult, page } from '@lianxi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

export async function auditRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['操作日志'];

  app.get(
    '/api/audit',
    {
      config: { access: AUDIT_READERS },
      schema: {
        tags,
        summary: '操作日志',
        querystring: AuditQuery,
        response: { 200: page(AuditEntry) },
      },
    },
    async (request) => listAudit(request.ctx, request.query),
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
