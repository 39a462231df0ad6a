import {
  type OverdueItem,
  type TaskStatus,
  TaskStatus as TaskStatusSchema,
  type TaskSummary,
  type WorkdayCalendar,
  isOpen,
} from '@lianxi/domain';
import type { Colour } from '../components/tags';
import { deadlineState, isDueSoon } from './deadline';

export interface UnitCounts {
  unitId: string;
  total: number;
  open: number;
  overdue: number;
  closed: number;
}

export interface TaskStats {
  total: number;
  open: number;
  byStatus: Record<TaskStatus, number>;
  byColour: Record<Colour, number>;
  byUnit: UnitCounts[];
}

/**
 * Dashboard figures from the task list and the overdue board. Yellow/orange/red come from
 * the board (the server's escalation truth); blue (临期) is estimated here from deadlines.
 */
export function taskStats(
  tasks: TaskSummary[],
  overdue: OverdueItem[],
  cal: WorkdayCalendar,
  now = new Date(),
): TaskStats {
  const byStatus = Object.fromEntries(TaskStatusSchema.options.map((s) => [s, 0])) as Record<
    TaskStatus,
    number
  >;
  const byColour: Record<Colour, number> = { blue: 0, yellow: 0, orange: 0, red: 0 };
  const units = new Map<string, UnitCounts>();
  for (const t of tasks) {
    byStatus[t.status]++;
    const u = units.get(t.unitId) ?? { unitId: t.unitId, total: 0, open: 0, overdue: 0, closed: 0 };
    u.total++;
    if (isOpen(t.status)) u.open++;
    if (t.status === 'closed') u.closed++;
    if (isOpen(t.status) && t.escalationLevel > 0) u.overdue++;
    units.set(t.unitId, u);
    if (t.escalationLevel === 0 && isDueSoon(deadlineState(cal, t.status, t.dueAt, now))) {
      byColour.blue++;
    }
  }
  for (const item of overdue) byColour[item.colour]++;
  return {
    total: tasks.length,
    open: tasks.filter((t) => isOpen(t.status)).length,
    byStatus,
    byColour,
    byUnit: [...units.values()].sort(
      (a, b) => b.overdue - a.overdue || b.open - a.open || b.total - a.total,
    ),
  };
}
