import { type Attachment, notFound } from '@lianxi/domain';
import { tasks, workOrderAttachments, workOrders } from '@lianxi/db';
import { and, asc, eq, exists, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { findTask } from '../tasks/row.js';
import { toAttachment } from './view.js';
import { workAttachmentScope } from './work-scope.js';

const listWhere = (ctx: Ctx, where: SQL) =>
  ctx.db
    .select()
    .from(workOrderAttachments)
    .where(and(where, workAttachmentScope(ctx)))
    .orderBy(asc(workOrderAttachments.createdAt), asc(workOrderAttachments.id));

/**
 * A work order's files the caller may see, oldest first: the order's own, and the evidence
 * of the tasks the caller may see (each with its taskId). An order out of sight is a 404.
 */
export async function attachmentsOfOrder(
  ctx: Ctx,
  workOrderId: string,
): Promise<{ items: Attachment[] }> {
  const unitId = ctx.actor.role === 'unit' ? (ctx.actor.unitId ?? '') : undefined;
  const holds = ctx.db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.workOrderId, workOrders.id), eq(tasks.unitId, unitId ?? '')));
  const [order] = await ctx.db
    .select({ id: workOrders.id })
    .from(workOrders)
    .where(
      and(
        eq(workOrders.id, workOrderId),
        eq(workOrders.conferenceId, ctx.conferenceId),
        unitId === undefined ? undefined : exists(holds),
      ),
    );
  if (!order) throw notFound('交办单');
  const rows = await listWhere(ctx, eq(workOrderAttachments.workOrderId, workOrderId));
  return { items: rows.map(toAttachment) };
}

/** A task's evidence, oldest first, each with the 办理记录 entry it belongs to, if any. */
export async function attachmentsOfTask(
  ctx: Ctx,
  taskId: string,
): Promise<{ items: Attachment[] }> {
  await findTask(ctx, taskId);
  const rows = await listWhere(ctx, eq(workOrderAttachments.taskId, taskId));
  return { items: rows.map(toAttachment) };
}
