import { taskEvents, tasks, workOrders } from '@lianxi/db';
import {
  AppError,
  type IssueWorkOrderInput,
  notFound,
  type TaskStatus,
  type WorkOrder,
} from '@lianxi/domain';
import { alias } from 'drizzle-orm/pg-core';
import { and, desc, eq, ne, notInArray } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { issueWorkOrder } from '../work-orders/issue.js';

/** A task that no longer stands for the share: it went to another unit or was taken back. */
const GONE: TaskStatus[] = ['reassigned', 'withdrawn'];

const above = alias(workOrders, 'above');

/**
 * 分解交办: the office below splits the share it received from above into its own work order
 * to its units — issued as any order of its own (its number, its policy, exactly one lead),
 * pointing up to the share and due no later than the share's task. The share's task records
 * the split in its timeline; the share is audited as split in the office's chain.
 */
export async function splitOrderDown(
  ctx: Ctx,
  shareId: string,
  input: IssueWorkOrderInput,
): Promise<WorkOrder> {
  requireRole(ctx, ['office', 'admin']);
  return withTransaction(ctx, async (tx) => {
    // a share is an order of the caller's conference carrying out one of another conference
    const [share] = await tx.db
      .select({ id: workOrders.id, serial: workOrders.serial })
      .from(workOrders)
      .innerJoin(above, eq(above.id, workOrders.parentOrderId))
      .where(
        and(
          eq(workOrders.id, shareId),
          eq(workOrders.conferenceId, ctx.conferenceId),
          ne(above.conferenceId, ctx.conferenceId),
        ),
      )
      .for('update', { of: workOrders });
    if (!share) throw notFound('上级交办单');
    const [task] = await tx.db
      .select({ id: tasks.id, status: tasks.status, dueAt: tasks.dueAt })
      .from(tasks)
      .where(
        and(
          eq(tasks.workOrderId, share.id),
          eq(tasks.conferenceId, ctx.conferenceId),
          eq(tasks.role, 'lead'),
          notInArray(tasks.status, GONE),
        ),
      )
      .orderBy(desc(tasks.createdAt))
      .limit(1);
    if (!task) throw new AppError('rule_violation', '该上级交办单已无在办的承办任务，不能分解');
    if (task.status === 'closed') {
      throw new AppError('rule_violation', '该上级交办单已办结，不能再分解');
    }

    const order = await issueWorkOrder(tx, input, { parentOrderId: share.id, dueBy: task.dueAt });
    await tx.db.insert(taskEvents).values({
      taskId: task.id,
      at: ctx.clock.now(),
      actorId: ctx.actor.userId,
      actorRole: ctx.actor.role,
      action: 'split',
      note: `分解交办 ${order.serial}《${order.title}》`,
      data: { workOrderId: order.id, serial: order.serial },
    });
    await appendAudit(tx, {
      action: 'work_order.split_down',
      subjectType: 'work_order',
      subjectId: share.id,
      payload: {
        serial: share.serial,
        taskId: task.id,
        splitOrderId: order.id,
        splitSerial: order.serial,
        tasks: order.tasks.map((t) => ({ id: t.id, unitId: t.unitId, role: t.role })),
      },
    });
    return order;
  });
}
