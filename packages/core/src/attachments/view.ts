import type { Attachment } from '@lianxi/domain';
import { clueAttachments } from '@lianxi/db';

export type AttachmentRow = typeof clueAttachments.$inferSelect;

export const toAttachment = (a: AttachmentRow): Attachment => ({
  id: a.id,
  clueId: a.clueId,
  fileName: a.fileName,
  mediaType: a.mediaType,
  size: a.size,
  sha256: a.sha256,
  uploadedByUnitId: a.uploadedByUnitId,
  uploadedAt: a.createdAt.toISOString(),
});
