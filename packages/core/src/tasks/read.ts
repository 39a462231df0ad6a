import {
  type Escalation,
  OPEN_STATUSES,
  type TaskDetail,
  type TaskListQuery,
  type TaskSummary,
} from '@lianxi/domain';
import { escalations, taskEvents, tasks, workOrders } from '@lianxi/db';
import { and, asc, desc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import { olderThan, timePage } from '../common/keyset.js';
import type { Ctx } from '../context.js';
import { findTask, summaryColumns, taskScope, toSummary } from './row.js';

/** Tasks in the caller's scope, newest first; a unit user's `unitId` filter cannot widen it. */
export async function listTasks(
  ctx: Ctx,
  query: TaskListQuery,
): Promise<{ items: TaskSummary[]; nextCursor: string | null }> {
  const where: SQL[] = [taskScope(ctx)];
  if (query.status) where.push(eq(tasks.status, query.status));
  if (query.unitId) where.push(eq(tasks.unitId, query.unitId));
  if (query.workOrderId) where.push(eq(tasks.workOrderId, query.workOrderId));
  if (query.overdue !== undefined) {
    where.push(
      query.overdue
        ? and(gt(tasks.escalationLevel, 0), inArray(tasks.status, [...OPEN_STATUSES]))!
        : eq(tasks.escalationLevel, 0),
    );
  }
  if (query.cursor) where.push(olderThan(query.cursor, tasks.createdAt, tasks.id));
  const rows = await ctx.db
    .select({ task: summaryColumns, serial: workOrders.serial, title: workOrders.title })
    .from(tasks)
    .innerJoin(workOrders, eq(workOrders.id, tasks.workOrderId))
    .where(and(...where))
    .orderBy(desc(tasks.createdAt), desc(tasks.id))
    .limit(query.limit + 1);
  return timePage(
    rows,
    query.limit,
    (r) => toSummary(r.task, r),
    (r) => [r.task.createdAt, r.task.id],
  );
}

export async function getTask(ctx: Ctx, id: string): Promise<TaskDetail> {
  const task = await findTask(ctx, id);
  const [order] = await ctx.db.select().from(workOrders).where(eq(workOrders.id, task.workOrderId));
  const events = await ctx.db
    .select()
    .from(taskEvents)
    .where(eq(taskEvents.taskId, id))
    .orderBy(asc(taskEvents.id));
  return {
    ...toSummary(task, order),
    body: order.body,
    priority: order.priority,
    returnDueAt: task.returnDueAt?.toISOString() ?? null,
    officeDueAt: task.officeDueAt?.toISOString() ?? null,
    events: events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      actorId: e.actorId,
      actorRole: e.actorRole,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
    })),
  };
}

export async function listEscalations(ctx: Ctx, taskId: string): Promise<{ items: Escalation[] }> {
  await findTask(ctx, taskId);
  const rows = await ctx.db
    .select()
    .from(escalations)
    .where(eq(escalations.taskId, taskId))
    .orderBy(asc(escalations.createdAt), asc(escalations.level));
  return {
    items: rows.map((r) => ({
      level: r.level,
      reason: r.reason,
      at: r.createdAt.toISOString(),
      deadlineVersion: r.deadlineVersion,
    })),
  };
}
