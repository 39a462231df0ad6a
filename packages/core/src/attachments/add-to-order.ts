import { AppError, type Attachment, notFound } from '@lianxi/domain';
import { workOrderAttachments, workOrders } from '@lianxi/db';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { receiveUpload, refuseUpload, type Upload } from './receive.js';
import type { AttachmentStore } from './store.js';
import { toAttachment, uploader } from './view.js';

/**
 * 交办单附件: the office attaches the order's own files (the notice, a list of addresses);
 * every unit holding a task of the order sees them. A withdrawn order takes no more files.
 */
export async function addOrderAttachment(
  ctx: Ctx,
  workOrderId: string,
  upload: Upload,
  store: AttachmentStore,
): Promise<Attachment> {
  requireRole(ctx, ['office', 'admin']);
  const [order] = await ctx.db
    .select({ id: workOrders.id, status: workOrders.status })
    .from(workOrders)
    .where(and(eq(workOrders.id, workOrderId), eq(workOrders.conferenceId, ctx.conferenceId)));
  if (!order || order.status === 'withdrawn') refuseUpload(upload);
  if (!order) throw notFound('交办单');
  if (order.status === 'withdrawn') {
    throw new AppError('illegal_transition', '交办单已撤回，不能再添加附件');
  }
  const file = await receiveUpload(store, upload);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(workOrderAttachments)
      .values({ conferenceId: ctx.conferenceId, workOrderId, ...file, ...uploader(ctx) })
      .returning();
    await appendAudit(tx, {
      action: 'work_order.attachment_added',
      subjectType: 'work_order',
      subjectId: workOrderId,
      payload: {
        attachmentId: row.id,
        sha256: row.sha256,
        size: row.size,
        mediaType: row.mediaType,
      },
    });
    return toAttachment(row);
  });
}
