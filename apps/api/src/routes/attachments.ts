import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import multipart from '@fastify/multipart';
import { addAttachment, attachmentStore, openAttachment } from '@lianxi/core';
import { AppError, ATTACHMENT_MAX_BYTES, Attachment, IdParams } from '@lianxi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';

/** RFC 6266: an ASCII fallback and the UTF-8 name, so Chinese file names survive. */
const disposition = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export async function attachmentRoutes(base: FastifyInstance, deps: AppDeps) {
  // Multipart is parsed here only: every other route takes JSON.
  await base.register(multipart, {
    limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 5, parts: 6 },
    throwFileSizeLimit: false,
  });
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['线索'];
  const store = attachmentStore(deps.config.dataDir);

  app.post(
    '/api/clues/:id/attachments',
    {
      config: { access: ['office', 'admin', 'unit'] },
      schema: {
        tags,
        summary: '上传证据附件（multipart/form-data，字段 file，≤ 20 MB）',
        params: IdParams,
        response: { 201: Attachment },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new AppError('unsupported_type', '请以 multipart/form-data 上传文件（字段名 file）');
      }
      const part = await request.file();
      if (!part || part.fieldname !== 'file') {
        part?.file.resume();
        throw new AppError('invalid_input', '请选择要上传的文件', {
          errors: [{ field: 'body.file', message: '缺少文件' }],
        });
      }
      const saved = await addAttachment(
        request.ctx,
        request.params.id,
        { fileName: part.filename, stream: part.file, truncated: () => part.file.truncated },
        store,
      );
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/api/attachments/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '下载证据附件', params: IdParams },
    },
    async (request, reply) => {
      const file = await openAttachment(request.ctx, request.params.id, store);
      const present = await stat(file.path).then(
        () => true,
        () => false,
      );
      if (!present) throw new AppError('not_found', '附件文件已不在存储中，请联系管理员');
      return reply
        .header('content-type', file.mediaType)
        .header('content-length', file.size)
        .header('content-disposition', disposition(file.fileName))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(createReadStream(file.path));
    },
  );
}
