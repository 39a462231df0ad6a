import { notFound, type TaskClock, type TaskSummary } from '@lianxi/domain';
import { tasks, workOrders } from '@lianxi/db';
import { and, eq, type Placeholder, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context.js';

export type TaskRow = typeof tasks.$inferSelect;

/** What the caller may see: their conference, and for a unit user only its own unit's tasks. */
export function taskScope(ctx: Ctx): SQL {
  return scopeOf(
    ctx.conferenceId,
    ctx.actor.role === 'unit' ? (ctx.actor.unitId ?? '') : undefined,
  );
}

/** The same with the values given, or as placeholders of a prepared statement. */
export function scopeOf(
  conferenceId: string | Placeholder,
  unitId: string | Placeholder | undefined,
): SQL {
  const conference = eq(tasks.conferenceId, conferenceId);
  return unitId === undefined ? conference : and(conference, eq(tasks.unitId, unitId))!;
}

/** Fetch-or-404 within scope; `lock` takes the row for the rest of the transaction. */
export async function findTask(ctx: Ctx, id: string, lock = false): Promise<TaskRow> {
  const query = ctx.db
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, id), taskScope(ctx)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('任务');
  return row;
}

/** The columns a task's clock is read from. */
type ClockColumns = Pick<
  TaskRow,
  | 'status'
  | 'signDueAt'
  | 'dueAt'
  | 'dueSoonAt'
  | 'level1At'
  | 'level2At'
  | 'level3At'
  | 'officeDueAt'
  | 'officeLevel2At'
  | 'officeLevel3At'
  | 'ladderLevel'
  | 'officeLadderLevel'
  | 'signReminded'
  | 'dueSoonSent'
>;

/** What the deadline engine reads of a task: its clock, and what its notices and rows name. */
export const clockTaskColumns = {
  id: tasks.id,
  conferenceId: tasks.conferenceId,
  workOrderId: tasks.workOrderId,
  unitId: tasks.unitId,
  status: tasks.status,
  signDueAt: tasks.signDueAt,
  dueAt: tasks.dueAt,
  dueSoonAt: tasks.dueSoonAt,
  level1At: tasks.level1At,
  level2At: tasks.level2At,
  level3At: tasks.level3At,
  officeDueAt: tasks.officeDueAt,
  officeLevel2At: tasks.officeLevel2At,
  officeLevel3At: tasks.officeLevel3At,
  deadlineVersion: tasks.deadlineVersion,
  escalationLevel: tasks.escalationLevel,
  ladderLevel: tasks.ladderLevel,
  signReminded: tasks.signReminded,
  dueSoonSent: tasks.dueSoonSent,
  officeLadderLevel: tasks.officeLadderLevel,
  redFlag: tasks.redFlag,
  nextCheckAt: tasks.nextCheckAt,
};
export type ClockTask = Pick<TaskRow, keyof typeof clockTaskColumns>;

const level = (n: number) => Math.min(3, Math.max(0, n)) as TaskClock['ladderLevel'];

export function toClock(row: ClockColumns): TaskClock {
  return {
    status: row.status,
    signDueAt: row.signDueAt,
    dueAt: row.dueAt,
    dueSoonAt: row.dueSoonAt,
    levelAt: [row.level1At, row.level2At, row.level3At],
    officeLevelAt: row.officeDueAt
      ? [row.officeDueAt, row.officeLevel2At, row.officeLevel3At]
      : null,
    ladderLevel: level(row.ladderLevel),
    officeLadderLevel: level(row.officeLadderLevel),
    signReminded: row.signReminded,
    dueSoonSent: row.dueSoonSent,
  };
}

/** The columns a list shows of a task (and orders it by). */
export const summaryColumns = {
  id: tasks.id,
  workOrderId: tasks.workOrderId,
  unitId: tasks.unitId,
  role: tasks.role,
  status: tasks.status,
  signDueAt: tasks.signDueAt,
  dueAt: tasks.dueAt,
  escalationLevel: tasks.escalationLevel,
  deadlineVersion: tasks.deadlineVersion,
  version: tasks.version,
  provisional: tasks.provisional,
  redFlag: tasks.redFlag,
  createdAt: tasks.createdAt,
};

export function toSummary(
  row: Pick<TaskRow, keyof typeof summaryColumns>,
  order: Pick<typeof workOrders.$inferSelect, 'serial' | 'title'>,
): TaskSummary {
  return {
    id: row.id,
    workOrderId: row.workOrderId,
    serial: order.serial,
    title: order.title,
    unitId: row.unitId,
    role: row.role,
    status: row.status,
    signDueAt: row.signDueAt?.toISOString() ?? null,
    dueAt: row.dueAt.toISOString(),
    escalationLevel: row.escalationLevel,
    deadlineVersion: row.deadlineVersion,
    version: row.version,
    provisional: row.provisional,
    redFlag: row.redFlag,
  };
}
