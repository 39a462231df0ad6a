import { OPEN_STATUSES } from '@lianxi/domain';
import { tasks, workOrders } from '@lianxi/db';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Ctx } from '../context.js';

/**
 * A work order is open while any of its tasks is; withdrawn when all were withdrawn;
 * closed otherwise. Kept with tasks, whose every transition ends here, so that work orders
 * depend on tasks and never the other way round.
 */
export async function refreshWorkOrderStatus(ctx: Ctx, workOrderId: string): Promise<void> {
  const [counts] = await ctx.db
    .select({
      open: sql<number>`count(*) FILTER (WHERE ${inArray(tasks.status, [...OPEN_STATUSES])})::int`,
      withdrawn: sql<number>`count(*) FILTER (WHERE ${tasks.status} = 'withdrawn')::int`,
      live: sql<number>`count(*) FILTER (WHERE ${tasks.status} <> 'reassigned')::int`,
    })
    .from(tasks)
    .where(eq(tasks.workOrderId, workOrderId));
  const status =
    counts.open > 0 ? 'open' : counts.withdrawn === counts.live ? 'withdrawn' : 'closed';
  await ctx.db
    .update(workOrders)
    .set({ status })
    .where(and(eq(workOrders.id, workOrderId), ne(workOrders.status, status)));
}
