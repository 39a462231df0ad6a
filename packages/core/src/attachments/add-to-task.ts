import { AppError, type Attachment, isOpen, type TaskAttachmentFields } from '@lianxi/domain';
import { taskEvents, workOrderAttachments } from '@lianxi/db';
import { and, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { findTask } from '../tasks/row.js';
import { withTransaction } from '../transaction.js';
import { receiveUpload, refuseUpload, type Upload } from './receive.js';
import type { AttachmentStore } from './store.js';
import { toAttachment, uploader } from './view.js';

/** The entries evidence can belong to: what the unit reported, not what was done to it. */
const EVIDENCE_ACTIONS = ['progress', 'report'];

/**
 * 任务附件: the task's own unit adds evidence (photos, 笔录 scans, PDFs) while the task is
 * open, tied to its 进展 or 反馈 entry when `eventId` names one; the office may add a file to
 * one unit's task. Everything is checked before a byte is kept.
 */
export async function addTaskAttachment(
  ctx: Ctx,
  taskId: string,
  fields: TaskAttachmentFields,
  upload: Upload,
  store: AttachmentStore,
): Promise<Attachment> {
  try {
    requireRole(ctx, ['office', 'admin', 'unit']);
    // in scope: a unit reaches only its own tasks, anyone else's answers 404
    const task = await findTask(ctx, taskId);
    if (ctx.actor.role === 'unit' && !isOpen(task.status)) {
      throw new AppError('illegal_transition', '任务已结束，不能再添加附件');
    }
    if (fields.eventId !== undefined) {
      const [event] = await ctx.db
        .select({ id: taskEvents.id })
        .from(taskEvents)
        .where(
          and(
            eq(taskEvents.id, fields.eventId),
            eq(taskEvents.taskId, taskId),
            inArray(taskEvents.action, EVIDENCE_ACTIONS),
          ),
        );
      if (!event) {
        throw new AppError('invalid_input', '只能为本任务的进展或反馈记录添加附件', {
          errors: [{ field: 'body.eventId', message: '办理记录不存在或不能添加附件' }],
        });
      }
    }
    const file = await receiveUpload(store, upload);
    return await withTransaction(ctx, async (tx) => {
      const [row] = await tx.db
        .insert(workOrderAttachments)
        .values({
          conferenceId: ctx.conferenceId,
          workOrderId: task.workOrderId,
          taskId,
          taskEventId: fields.eventId ?? null,
          ...file,
          ...uploader(ctx),
        })
        .returning();
      await appendAudit(tx, {
        action: 'task.attachment_added',
        subjectType: 'task',
        subjectId: taskId,
        payload: {
          attachmentId: row.id,
          eventId: row.taskEventId,
          sha256: row.sha256,
          size: row.size,
          mediaType: row.mediaType,
        },
      });
      return toAttachment(row);
    });
  } catch (e) {
    refuseUpload(upload);
    throw e;
  }
}
