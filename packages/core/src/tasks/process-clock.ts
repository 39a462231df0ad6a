import { afterEvent, pendingEvents } from '@lianxi/domain';
import { tasks } from '@lianxi/db';
import { and, asc, eq, isNotNull, lte } from 'drizzle-orm';
import { type ClockKind, processClock, processDue } from '../clocks/runner.js';
import type { BaseCtx, Ctx } from '../context.js';
import { applyClockEvents, type DueClockEvent } from './escalate.js';
import { type ClockTask, clockTaskColumns, toClock } from './row.js';
import { scheduleClocks } from './schedule.js';

/**
 * Applies everything due on locked tasks of one conference and sets each one's next event:
 * the tasks in one UPDATE, the timers in one outbox INSERT, the events' rows in one
 * statement per kind.
 */
async function processLocked(ctx: Ctx, rows: ClockTask[]): Promise<number> {
  const now = ctx.clock.now();
  const due: DueClockEvent[] = [];
  const changed: ClockTask[] = [];
  let handled = 0;
  for (const row of rows) {
    let clock = toClock(row);
    const events = pendingEvents(clock).filter((e) => e.at.getTime() <= now.getTime());
    let escalationLevel = row.escalationLevel;
    for (const { at, event } of events) {
      due.push({ task: row, event, dueAt: at });
      clock = afterEvent(clock, event);
      if (event.kind === 'unsigned') escalationLevel = Math.max(escalationLevel, 1);
      if (event.kind === 'level') escalationLevel = Math.max(escalationLevel, event.level);
    }
    if (events.length) handled++;
    const updated: ClockTask = {
      ...row,
      ladderLevel: clock.ladderLevel,
      signReminded: clock.signReminded,
      dueSoonSent: clock.dueSoonSent,
      officeReminded: clock.officeReminded,
      escalationLevel,
      redFlag: row.redFlag || escalationLevel >= 3,
    };
    changed.push(updated);
  }
  // the task rows are ours already; the events take the audit chain's lock, so they go last
  await scheduleClocks(ctx, changed, { withLadder: true });
  await applyClockEvents(ctx, due);
  return handled;
}

export const taskClocks: ClockKind<ClockTask> = {
  async nextCheckAt(ctx, id) {
    const [row] = await ctx.db
      .select({ at: tasks.nextCheckAt })
      .from(tasks)
      .where(eq(tasks.id, id));
    return row?.at ?? null;
  },
  async lockIfDue(ctx, id, now, skipLocked) {
    const [row] = await ctx.db
      .select(clockTaskColumns)
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
  async lockDue(ctx, now, limit) {
    return ctx.db
      .select(clockTaskColumns)
      .from(tasks)
      .where(and(isNotNull(tasks.nextCheckAt), lte(tasks.nextCheckAt, now)))
      .orderBy(asc(tasks.nextCheckAt))
      .limit(limit)
      .for('update', { skipLocked: true });
  },
  process: processLocked,
};

/** The timer's handler for one task. */
export const processTaskClock = (base: BaseCtx, taskId: string) =>
  processClock(taskClocks, base, taskId);

/** The sweep over every due task. */
export const processDueClocks = (
  base: BaseCtx,
  batch?: number,
  maxPasses?: number,
  lanes?: number,
) => processDue(taskClocks, base, batch, maxPasses, lanes);
