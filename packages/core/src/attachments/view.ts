import type { Attachment } from '@lianxi/domain';
import type { clueAttachments, workOrderAttachments } from '@lianxi/db';
import type { Ctx } from '../context.js';

type ClueRow = typeof clueAttachments.$inferSelect;
type WorkRow = typeof workOrderAttachments.$inferSelect;
export type AttachmentRow = ClueRow | WorkRow;

/** Who added a file, as every attachment table records it. */
export const uploader = (ctx: Ctx) => ({
  uploadedBy: ctx.actor.userId,
  uploadedByUnitId: ctx.actor.role === 'unit' ? ctx.actor.unitId : null,
  createdAt: ctx.clock.now(),
});

export const toAttachment = (a: AttachmentRow): Attachment => ({
  id: a.id,
  clueId: 'clueId' in a ? a.clueId : null,
  workOrderId: 'workOrderId' in a ? a.workOrderId : null,
  taskId: 'taskId' in a ? a.taskId : null,
  taskEventId: 'taskEventId' in a ? a.taskEventId : null,
  fileName: a.fileName,
  mediaType: a.mediaType,
  size: a.size,
  sha256: a.sha256,
  uploadedByUnitId: a.uploadedByUnitId,
  uploadedAt: a.createdAt.toISOString(),
});
