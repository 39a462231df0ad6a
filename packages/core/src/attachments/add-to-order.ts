import { AppError, type Attachment, notFound } from '@lianxi/domain';
import { workOrderAttachments, workOrders } from '@lianxi/db';
import { and, eq } from 'drizzle-orm';
import { type Ctx, requireRole } from '../context.js';
import { keepAttachment } from './keep.js';
import type { Upload } from './receive.js';
import type { AttachmentStore } from './store.js';

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
  return keepAttachment(ctx, upload, store, {
    async check() {
      requireRole(ctx, ['office', 'admin']);
      const [order] = await ctx.db
        .select({ status: workOrders.status })
        .from(workOrders)
        .where(and(eq(workOrders.id, workOrderId), eq(workOrders.conferenceId, ctx.conferenceId)));
      if (!order) throw notFound('交办单');
      if (order.status === 'withdrawn') {
        throw new AppError('illegal_transition', '交办单已撤回，不能再添加附件');
      }
    },
    insert: async (tx, kept) => {
      const [row] = await tx.db
        .insert(workOrderAttachments)
        .values({ ...kept, workOrderId })
        .returning();
      return row;
    },
    action: 'work_order.attachment_added',
    subjectType: 'work_order',
    subjectId: workOrderId,
  });
}
