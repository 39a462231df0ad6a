import { AppError, type Attachment, isOpen, type TaskAttachmentFields } from '@lianxi/domain';
import { taskEvents, workOrderAttachments } from '@lianxi/db';
import { and, eq, inArray } from 'drizzle-orm';
import { type Ctx, requireRole } from '../context.js';
import { findTask } from '../tasks/row.js';
import { keepAttachment } from './keep.js';
import type { Upload } from './receive.js';
import type { AttachmentStore } from './store.js';

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
  return keepAttachment(ctx, upload, store, {
    async check() {
      requireRole(ctx, ['office', 'admin', 'unit']);
      // in scope: a unit reaches only its own tasks, anyone else's answers 404
      const task = await findTask(ctx, taskId);
      if (ctx.actor.role === 'unit' && !isOpen(task.status)) {
        throw new AppError('illegal_transition', '任务已结束，不能再添加附件');
      }
      if (fields.eventId === undefined) return task;
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
      return task;
    },
    insert: async (tx, kept, task) => {
      const [row] = await tx.db
        .insert(workOrderAttachments)
        .values({
          ...kept,
          workOrderId: task.workOrderId,
          taskId,
          taskEventId: fields.eventId ?? null,
        })
        .returning();
      return row;
    },
    action: 'task.attachment_added',
    subjectType: 'task',
    subjectId: taskId,
    details: (row) => ({ eventId: row.taskEventId }),
  });
}
