import { conferences, jurisdictions, tasks, units, workOrders } from '@lianxi/db';
import { notFound, type OrderBelow, type OrderDownProgress } from '@lianxi/domain';
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { TREE_READERS } from './access.js';

interface BelowRow extends Record<string, unknown> {
  depth: number;
  kind: OrderBelow['kind'];
  parent_id: string;
  conference_id: string;
  conference_name: string;
  jurisdiction_name: string;
  work_order_id: string;
  serial: string;
  task_id: string;
  role: OrderBelow['role'];
  unit_id: string;
  unit_name: string;
  status: OrderBelow['status'];
  sign_due_at: Date | string | null;
  due_at: Date | string;
  escalation_level: number;
  red_flag: boolean;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * One of the caller's orders and every share of it below, however deep, with each share's
 * task and clocks, and the tasks of the orders each conference below split its share into
 * (at that conference's depth), in one recursive statement. The walk starts at the caller's
 * own order, so only what it issued is read.
 */
export async function orderDownProgressOf(ctx: Ctx, id: string): Promise<OrderDownProgress> {
  const [order] = await ctx.db
    .select()
    .from(workOrders)
    .where(and(eq(workOrders.id, id), eq(workOrders.conferenceId, ctx.conferenceId)));
  if (!order) throw notFound('交办单');
  const { rows } = await ctx.db.execute<BelowRow>(sql`
    WITH RECURSIVE below AS (
      SELECT w.id, w.parent_order_id, w.conference_id, 1 AS depth, 'share' AS kind, 1 AS steps
        FROM ${workOrders} w WHERE w.parent_order_id = ${id}
      UNION ALL
      -- an order of the same conference as the one it carries out is that conference's split
      SELECT w.id, w.parent_order_id, w.conference_id,
             b.depth + CASE WHEN w.conference_id = b.conference_id THEN 0 ELSE 1 END,
             CASE WHEN w.conference_id = b.conference_id THEN 'split' ELSE 'share' END,
             b.steps + 1
        FROM ${workOrders} w JOIN below b ON w.parent_order_id = b.id
       WHERE b.steps < 16
    )
    SELECT b.depth, b.kind, b.parent_order_id AS parent_id, c.id AS conference_id,
           c.name AS conference_name, j.name AS jurisdiction_name,
           w.id AS work_order_id, w.serial, t.id AS task_id, t.role,
           u.id AS unit_id, u.name AS unit_name,
           t.status, t.sign_due_at, t.due_at, t.escalation_level, t.red_flag
      FROM below b
      JOIN ${workOrders} w ON w.id = b.id
      JOIN ${conferences} c ON c.id = w.conference_id
      JOIN ${jurisdictions} j ON j.id = c.jurisdiction_id
      JOIN ${tasks} t ON t.work_order_id = w.id AND t.conference_id = w.conference_id
      JOIN ${units} u ON u.id = t.unit_id
     ORDER BY b.depth, j.code, b.kind, w.issued_at, w.id, t.role, t.created_at`);
  return {
    id: order.id,
    serial: order.serial,
    title: order.title,
    priority: order.priority,
    issuedAt: order.issuedAt.toISOString(),
    dueAt: order.dueAt.toISOString(),
    below: rows.map((r) => ({
      depth: r.depth,
      kind: r.kind,
      parentWorkOrderId: r.parent_id,
      conferenceId: r.conference_id,
      conferenceName: r.conference_name,
      jurisdictionName: r.jurisdiction_name,
      workOrderId: r.work_order_id,
      serial: r.serial,
      taskId: r.task_id,
      role: r.role,
      unitId: r.unit_id,
      unitName: r.unit_name,
      status: r.status,
      signDueAt: iso(r.sign_due_at),
      dueAt: iso(r.due_at)!,
      escalationLevel: r.escalation_level,
      redFlag: r.red_flag,
    })),
  };
}

/**
 * 下级办理进度: the tree's progress of one order in one read. Reading below one's own
 * conference is recorded in one's own chain.
 */
export async function getOrderDownProgress(ctx: Ctx, id: string): Promise<OrderDownProgress> {
  requireRole(ctx, TREE_READERS);
  return withTransaction(ctx, async (tx) => {
    const progress = await orderDownProgressOf(tx, id);
    await appendAudit(tx, {
      action: 'work_order.progress_below_read',
      subjectType: 'work_order',
      subjectId: id,
      payload: { conferences: [...new Set(progress.below.map((b) => b.conferenceId))] },
    });
    return progress;
  });
}
