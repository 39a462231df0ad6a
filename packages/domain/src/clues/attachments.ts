import { z } from 'zod';
import { Id, Instant } from '../common/schemas.js';

/** Evidence files may be up to 20 MB each. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * What evidence may be, judged by the file's content (never by its name): photos and
 * scans, documents, spreadsheets, recordings of a call and video of a meeting.
 */
export const ATTACHMENT_TYPES: Record<string, string> = {
  'image/jpeg': '图片',
  'image/png': '图片',
  'image/webp': '图片',
  'image/gif': '图片',
  'application/pdf': 'PDF 文档',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word 文档',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel 表格',
  'application/x-cfb': 'Office 97-2003 文档',
  'audio/mpeg': '录音',
  'audio/mp4': '录音',
  'audio/x-m4a': '录音',
  'audio/wav': '录音',
  'audio/amr': '录音',
  'video/mp4': '视频',
  'video/quicktime': '视频',
};

/**
 * One attached file, whatever holds it: a clue's evidence (clueId), a work order's own file
 * (workOrderId only), or a unit's evidence on its task (taskId, and the progress or result
 * entry it came with when there is one).
 */
export const Attachment = z.object({
  id: Id,
  clueId: Id.nullable(),
  workOrderId: Id.nullable(),
  taskId: Id.nullable(),
  /** The 办理记录 entry (进展 / 反馈) the file is evidence for. */
  taskEventId: z.number().int().nullable(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** null: the office. */
  uploadedByUnitId: Id.nullable(),
  uploadedAt: Instant,
});
export type Attachment = z.infer<typeof Attachment>;

export const AttachmentList = z.object({ items: z.array(Attachment) });
export type AttachmentList = z.infer<typeof AttachmentList>;

/**
 * The form fields a task upload may carry besides the file: the entry it is evidence for.
 * Sent before the file part, as multipart fields are read in order.
 */
export const TaskAttachmentFields = z.object({
  eventId: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});
export type TaskAttachmentFields = z.infer<typeof TaskAttachmentFields>;
