import { colourOf, isOpen, type TaskStats, TaskStatus } from '@lianxi/domain';
import { tasks } from '@lianxi/db';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { taskScope } from '../tasks/row.js';

/**
 * Counts by status, escalation colour and unit in one grouped query, within the caller's
 * scope. Blue (临期) is an open task past its due-soon reminder and not yet escalated.
 */
export async function taskStats(ctx: Ctx): Promise<TaskStats> {
  const now = ctx.clock.now();
  const groups = await ctx.db
    .select({
      unitId: tasks.unitId,
      status: tasks.status,
      level: tasks.escalationLevel,
      dueSoon: sql<boolean>`coalesce(${tasks.dueSoonAt} <= ${now} AND ${tasks.status} IN ('issued', 'accepted'), false)`,
      n: sql<number>`count(*)::int`,
    })
    .from(tasks)
    .where(taskScope(ctx))
    .groupBy(sql`1, 2, 3, 4`);
  const stats: TaskStats = {
    total: 0,
    open: 0,
    byStatus: Object.fromEntries(TaskStatus.options.map((s) => [s, 0])) as TaskStats['byStatus'],
    byColour: { blue: 0, yellow: 0, orange: 0, red: 0 },
    byUnit: [],
  };
  const units = new Map<string, TaskStats['byUnit'][number]>();
  for (const g of groups) {
    const open = isOpen(g.status);
    stats.total += g.n;
    stats.byStatus[g.status] += g.n;
    const unit = units.get(g.unitId) ?? {
      unitId: g.unitId,
      total: 0,
      open: 0,
      overdue: 0,
      closed: 0,
    };
    unit.total += g.n;
    if (g.status === 'closed') unit.closed += g.n;
    if (!open) {
      units.set(g.unitId, unit);
      continue;
    }
    stats.open += g.n;
    unit.open += g.n;
    if (g.level > 0) unit.overdue += g.n;
    const colour = colourOf(g.level, g.dueSoon);
    if (colour) stats.byColour[colour] += g.n;
    units.set(g.unitId, unit);
  }
  stats.byUnit = [...units.values()].sort(
    (a, b) => b.overdue - a.overdue || b.open - a.open || b.total - a.total,
  );
  return stats;
}
