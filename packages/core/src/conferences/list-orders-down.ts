import { tasks, workOrders } from '@lianxi/db';
import type { OrderDownItem, OrderDownListQuery } from '@lianxi/domain';
import { sql } from 'drizzle-orm';
import { type Ctx, requireRole } from '../context.js';
import { TREE_READERS } from './access.js';

interface Row extends Record<string, unknown> {
  id: string;
  serial: string;
  title: string;
  priority: OrderDownItem['priority'];
  issued_at: Date | string;
  due_at: Date | string;
  shares: number;
  closed: number;
  escalated: number;
}

/** 向下交办: the orders the caller's conference issued to the conferences below, newest first. */
export async function listOrdersDown(
  ctx: Ctx,
  query: OrderDownListQuery,
): Promise<{ items: OrderDownItem[] }> {
  requireRole(ctx, TREE_READERS);
  const { rows } = await ctx.db.execute<Row>(sql`
    SELECT o.id, o.serial, o.title, o.priority, o.issued_at, o.due_at,
           count(t.id)::int AS shares,
           count(t.id) FILTER (WHERE t.status = 'closed')::int AS closed,
           count(t.id) FILTER (WHERE t.escalation_level >= 1)::int AS escalated
      FROM ${workOrders} o
      JOIN ${workOrders} c ON c.parent_order_id = o.id
      JOIN ${tasks} t ON t.work_order_id = c.id AND t.conference_id = c.conference_id
     WHERE o.conference_id = ${ctx.conferenceId}
     GROUP BY o.id
     ORDER BY o.issued_at DESC, o.id DESC
     LIMIT ${query.limit}`);
  return {
    items: rows.map((r) => ({
      id: r.id,
      serial: r.serial,
      title: r.title,
      priority: r.priority,
      issuedAt: new Date(r.issued_at).toISOString(),
      dueAt: new Date(r.due_at).toISOString(),
      shares: r.shares,
      closed: r.closed,
      escalated: r.escalated,
    })),
  };
}
