import { colourOf, OPEN_STATUSES, type OverdueItem } from '@lianxi/domain';
import { supervisionCases, tasks, units, workOrders } from '@lianxi/db';
import { and, asc, desc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import { type Ctx, requireRole } from '../context.js';

/** The office's own level while it owes a ruling or a review; 0 when it owes nothing late. */
const officeLevel = (t: typeof tasks.$inferSelect) =>
  t.status === 'returned' || t.status === 'reported' ? t.officeLadderLevel : 0;

export const SUPERVISION_READERS = ['supervisor', 'office', 'admin', 'leader'] as const;

/**
 * 督办台: every open item that has reached a level, and every return or report the office
 * has left past its own limit (accountability runs both ways); worst first, then oldest.
 */
export async function overdueBoard(ctx: Ctx, limit = 200): Promise<{ items: OverdueItem[] }> {
  requireRole(ctx, SUPERVISION_READERS);
  const rows = await ctx.db
    .select({
      task: tasks,
      serial: workOrders.serial,
      title: workOrders.title,
      unitName: units.name,
      caseId: supervisionCases.id,
    })
    .from(tasks)
    .innerJoin(workOrders, eq(workOrders.id, tasks.workOrderId))
    .innerJoin(units, eq(units.id, tasks.unitId))
    .leftJoin(
      supervisionCases,
      and(eq(supervisionCases.taskId, tasks.id), eq(supervisionCases.status, 'open')),
    )
    .where(
      and(
        eq(tasks.conferenceId, ctx.conferenceId),
        or(
          and(gt(tasks.escalationLevel, 0), inArray(tasks.status, [...OPEN_STATUSES])),
          and(gt(tasks.officeLadderLevel, 0), inArray(tasks.status, ['returned', 'reported'])),
        ),
      ),
    )
    .orderBy(
      desc(sql`greatest(${tasks.escalationLevel}, ${tasks.officeLadderLevel})`),
      asc(tasks.dueAt),
    )
    .limit(limit);
  return {
    items: rows.map((r) => ({
      taskId: r.task.id,
      workOrderId: r.task.workOrderId,
      serial: r.serial,
      title: r.title,
      unitId: r.task.unitId,
      unitName: r.unitName,
      status: r.task.status,
      dueAt: r.task.dueAt.toISOString(),
      escalationLevel: r.task.escalationLevel,
      colour: colourOf(Math.max(r.task.escalationLevel, officeLevel(r.task)), false)!,
      redFlag: r.task.redFlag,
      caseId: r.caseId,
      owedBy: officeLevel(r.task) > 0 ? ('office' as const) : ('unit' as const),
    })),
  };
}
