import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import multipart from '@fastify/multipart';
import {
  addAttachment,
  addOrderAttachment,
  addTaskAttachment,
  attachmentsOfOrder,
  attachmentsOfTask,
  attachmentStore,
  openAttachment,
  type Upload,
} from '@lianxi/core';
import {
  AppError,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  Attachment,
  AttachmentList,
  IdParams,
  TaskAttachmentFields,
} from '@lianxi/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';

/** RFC 6266: an ASCII fallback and the UTF-8 name, so Chinese file names survive. */
const disposition = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * The one upload shape: multipart/form-data with the file under `file` and any fields
 * before it. Answers the file as a verb takes it, and the fields that came with it.
 */
async function filePart(
  request: FastifyRequest,
): Promise<{ upload: Upload; fields: Record<string, string> }> {
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
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const one = Array.isArray(value) ? value[0] : value;
    if (one && one.type === 'field' && typeof one.value === 'string') fields[name] = one.value;
  }
  return {
    upload: { fileName: part.filename, stream: part.file, truncated: () => part.file.truncated },
    fields,
  };
}

const UPLOAD_SUMMARY = '（multipart/form-data，字段 file，≤ 20 MB）';

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
        consumes: ['multipart/form-data'],
        summary: `上传证据附件${UPLOAD_SUMMARY}`,
        operationId: 'addAttachment',
        description:
          '为线索上传一份证据附件。联席办、系统管理员及线索相关的责任单位可上传；文件按类型与大小检查后存储，应答附件的元数据。',
        params: IdParams,
        response: { 201: Attachment },
      },
    },
    async (request, reply) => {
      const { upload } = await filePart(request);
      const saved = await addAttachment(request.ctx, request.params.id, upload, store);
      return reply.status(201).send(saved);
    },
  );

  app.post(
    '/api/work-orders/:id/attachments',
    {
      config: { access: ['office', 'admin'] },
      schema: {
        tags: ['交办单'],
        consumes: ['multipart/form-data'],
        summary: `上传交办单附件${UPLOAD_SUMMARY}`,
        operationId: 'addOrderAttachment',
        description:
          '为交办单上传附件（如原始文件、领导批示）。仅联席办与系统管理员可上传；应答附件的元数据。',
        params: IdParams,
        response: { 201: Attachment },
      },
    },
    async (request, reply) => {
      const { upload } = await filePart(request);
      const saved = await addOrderAttachment(request.ctx, request.params.id, upload, store);
      return reply.status(201).send(saved);
    },
  );
  app.get(
    '/api/work-orders/:id/attachments',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['交办单'],
        summary: '交办单的附件（本单附件及可见任务的佐证材料）',
        operationId: 'attachmentsOfOrder',
        description: '列出交办单本身的附件，以及调用者可见的各任务的佐证材料。',
        params: IdParams,
        response: { 200: AttachmentList },
      },
    },
    async (request) => attachmentsOfOrder(request.ctx, request.params.id),
  );

  app.post(
    '/api/tasks/:id/attachments',
    {
      config: {
        access: ['office', 'admin', 'unit'],
        formFields: { eventId: '关联的进展或反馈记录编号（正整数，可选）' },
      },
      schema: {
        tags: ['任务'],
        consumes: ['multipart/form-data'],
        summary: `上传任务佐证材料${UPLOAD_SUMMARY}；可在文件前附字段 eventId 关联进展或反馈记录`,
        operationId: 'addTaskAttachment',
        description:
          '为任务上传佐证材料；文件字段前可附 eventId，把材料关联到该任务的某条进展或反馈记录。应答附件的元数据。',
        params: IdParams,
        response: { 201: Attachment },
      },
    },
    async (request, reply) => {
      const { upload, fields } = await filePart(request);
      const parsed = TaskAttachmentFields.safeParse(fields);
      if (!parsed.success) {
        upload.stream.resume();
        throw new AppError('invalid_input', '办理记录编号无效', {
          errors: [{ field: 'body.eventId', message: '办理记录编号应为正整数' }],
        });
      }
      const saved = await addTaskAttachment(
        request.ctx,
        request.params.id,
        parsed.data,
        upload,
        store,
      );
      return reply.status(201).send(saved);
    },
  );
  app.get(
    '/api/tasks/:id/attachments',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['任务'],
        summary: '任务的佐证材料',
        operationId: 'attachmentsOfTask',
        description: '列出任务的佐证材料（按上传时间）。',
        params: IdParams,
        response: { 200: AttachmentList },
      },
    },
    async (request) => attachmentsOfTask(request.ctx, request.params.id),
  );

  app.get(
    '/api/attachments/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '下载附件（线索证据、交办单附件、任务佐证材料）',
        operationId: 'openAttachment',
        // the stored file's own type, one of those an upload may be
        produces: Object.keys(ATTACHMENT_TYPES),
        description:
          '下载附件文件本身（线索证据、交办单附件或任务佐证材料），按原文件类型与文件名返回；仅对可见该附件的用户开放。',
        params: IdParams,
      },
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
