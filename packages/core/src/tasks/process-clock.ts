import { afterEvent, pendingEvents } from '@lianxi/domain';
import { tasks } from '@lianxi/db';
import { and, asc, eq, isNotNull, lte } from 'drizzle-orm';
import { type ClockKind, processClock, processDue } from '../clocks/runner.js';
import type { BaseCtx, Ctx } from '../context.js';
import { applyClockEvent } from './escalate.js';
import { type TaskRow, toClock } from './row.js';
import { scheduleClock } from './schedule.js';

/** Applies everything due on a locked task, then sets its next event. */
async function processLocked(ctx: Ctx, row: TaskRow): Promise<number> {
  const now = ctx.clock.now();
  let clock = toClock(row);
  const due = pendingEvents(clock).filter((e) => e.at.getTime() <= now.getTime());
  let escalationLevel = row.escalationLevel;
  for (const { at, event } of due) {
    await applyClockEvent(ctx, row, event, at);
    clock = afterEvent(clock, event);
    if (event.kind === 'unsigned') escalationLevel = Math.max(escalationLevel, 1);
    if (event.kind === 'level') escalationLevel = Math.max(escalationLevel, event.level);
  }
  const [updated] = await ctx.db
    .update(tasks)
    .set({
      ladderLevel: clock.ladderLevel,
      signReminded: clock.signReminded,
      dueSoonSent: clock.dueSoonSent,
      officeReminded: clock.officeReminded,
      escalationLevel,
      redFlag: row.redFlag || escalationLevel >= 3,
    })
    .where(eq(tasks.id, row.id))
    .returning();
  await scheduleClock(ctx, updated);
  return due.length;
}

export const taskClocks: ClockKind<TaskRow> = {
  async nextCheckAt(ctx, id) {
    const [row] = await ctx.db
      .select({ at: tasks.nextCheckAt })
      .from(tasks)
      .where(eq(tasks.id, id));
    return row?.at ?? null;
  },
  async lockIfDue(ctx, id, now, skipLocked) {
    const [row] = await ctx.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.id, id), lte(tasks.nextCheckAt, now)))
      .for('update', skipLocked ? { skipLocked: true } : undefined);
    return row;
  },
  async dueIds(ctx, now, limit) {
    const rows = await ctx.db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(isNotNull(tasks.nextCheckAt), lte(tasks.nextCheckAt, now)))
      .orderBy(asc(tasks.nextCheckAt))
      .limit(limit);
    return rows.map((r) => r.id);
  },
  process: processLocked,
};

/** The timer's handler for one task. */
export const processTaskClock = (base: BaseCtx, taskId: string) =>
  processClock(taskClocks, base, taskId);

/** The sweep over every due task. */
export const processDueClocks = (base: BaseCtx, batch?: number, maxPasses?: number) =>
  processDue(taskClocks, base, batch, maxPasses);
