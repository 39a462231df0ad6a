import { notFound, type PageQuery, type WorkOrder, type WorkOrderListItem } from '@lianxi/domain';
import { tasks, workOrders } from '@lianxi/db';
import { and, asc, desc, eq, exists, type SQL } from 'drizzle-orm';
import { olderThan, timePage } from '../common/keyset.js';
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

export async function listWorkOrders(ctx: Ctx, query: PageQuery) {
  const where: SQL[] = [orderScope(ctx)];
  if (query.cursor) where.push(olderThan(query.cursor, workOrders.issuedAt, workOrders.id));
  const rows = await ctx.db
    .select()
    .from(workOrders)
    .where(and(...where))
    .orderBy(desc(workOrders.issuedAt), desc(workOrders.id))
    .limit(query.limit + 1);
  return timePage(rows, query.limit, listItem, (o) => [o.issuedAt, o.id]);
}
