import {
  notFound,
  type WorkOrder,
  type WorkOrderListItem,
  type WorkOrderListQuery,
} from '@lianxi/domain';
import { tasks, workOrders } from '@lianxi/db';
import { and, asc, eq, exists, type SQL } from 'drizzle-orm';
import { dayRange, fromTable, keywordIn, listPage } from '../common/list.js';
import type { Ctx } from '../context.js';
import { taskScope, toSummary } from '../tasks/row.js';

/** A unit user sees only the orders it has a task in, and only its own tasks of them. */
function orderScope(ctx: Ctx): SQL {
  const conference = eq(workOrders.conferenceId, ctx.conferenceId);
  if (ctx.actor.role !== 'unit') return conference;
  const assigned = ctx.db
    .select({ one: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.workOrderId, workOrders.id), eq(tasks.unitId, ctx.actor.unitId ?? '')));
  return and(conference, exists(assigned))!;
}

const listItem = (o: typeof workOrders.$inferSelect): WorkOrderListItem => ({
  id: o.id,
  serial: o.serial,
  title: o.title,
  priority: o.priority,
  status: o.status,
  issuedAt: o.issuedAt.toISOString(),
  dueAt: o.dueAt.toISOString(),
  resolutionId: o.resolutionId,
});

/** An order with the tasks the reader may see, in role order (lead first), then as created. */
export const workOrderOf = (
  order: typeof workOrders.$inferSelect,
  rows: (typeof tasks.$inferSelect)[],
): WorkOrder => ({
  ...listItem(order),
  body: order.body,
  fromAbove: order.policyConferenceId !== null,
  tasks: rows.map((t) => toSummary(t, order)),
});

export async function getWorkOrder(ctx: Ctx, id: string): Promise<WorkOrder> {
  const [order] = await ctx.db
    .select()
    .from(workOrders)
    .where(and(eq(workOrders.id, id), orderScope(ctx)));
  if (!order) throw notFound('交办单');
  const rows = await ctx.db
    .select()
    .from(tasks)
    .where(and(eq(tasks.workOrderId, id), taskScope(ctx)))
    .orderBy(asc(tasks.role), asc(tasks.createdAt));
  return workOrderOf(order, rows);
}

/** 交办单 in the caller's scope; a unit filter finds the orders that unit has a task in. */
export async function listWorkOrders(ctx: Ctx, query: WorkOrderListQuery) {
  const where: SQL[] = [orderScope(ctx)];
  if (query.status) where.push(eq(workOrders.status, query.status));
  if (query.priority) where.push(eq(workOrders.priority, query.priority));
  if (query.q) where.push(keywordIn(query.q, [workOrders.serial, workOrders.title]));
  if (query.unitId) {
    const assigned = ctx.db
      .select({ one: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.workOrderId, workOrders.id), eq(tasks.unitId, query.unitId)));
    where.push(exists(assigned));
  }
  where.push(...dayRange(workOrders.dueAt, query.dueFrom, query.dueTo));
  where.push(...dayRange(workOrders.issuedAt, query.issuedFrom, query.issuedTo));
  return listPage(query, where, {
    ...fromTable(ctx.db, workOrders),
    time: workOrders.issuedAt,
    id: workOrders.id,
    key: (o) => [o.issuedAt, o.id],
    sorts: { dueAt: workOrders.dueAt, issuedAt: workOrders.issuedAt },
    view: listItem,
  });
}
