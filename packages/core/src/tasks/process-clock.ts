import { afterEvent, pendingEvents } from '@lianxi/domain';
import { tasks } from '@lianxi/db';
import { and, asc, eq, isNotNull, lte } from 'drizzle-orm';
import { type BaseCtx, type Ctx, systemActor } from '../context.js';
import { withTransaction } from '../transaction.js';
import { applyClockEvent } from './escalate.js';
import { type TaskRow, toClock } from './row.js';
import { scheduleClock } from './schedule.js';

const asSystem = (ctx: BaseCtx, conferenceId: string): Ctx => ({
  ...ctx,
  actor: systemActor,
  conferenceId,
});

/**
 * Applies everything due on a task whose row the caller holds locked, then sets its next
 * event. Re-reading the locked row is what makes a repeated or concurrent run harmless.
 */
async function processLocked(base: BaseCtx, row: TaskRow): Promise<number> {
  const ctx = asSystem(base, row.conferenceId);
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

/** How early a timer may fire (clocks of different hosts differ a little) and still be served. */
const EARLY_TOLERANCE_MS = 5000;

/**
 * The timer's handler: one task, in one short transaction. A timer that fires a moment
 * early waits for the due time rather than dropping the event until the next sweep.
 */
export async function processTaskClock(base: BaseCtx, taskId: string): Promise<number> {
  const [peek] = await base.db
    .select({ at: tasks.nextCheckAt })
    .from(tasks)
    .where(eq(tasks.id, taskId));
  const early = peek?.at ? peek.at.getTime() - base.clock.now().getTime() : 0;
  if (early > 0 && early <= EARLY_TOLERANCE_MS) await new Promise((r) => setTimeout(r, early));
  return processIfDue(base, taskId, false);
}

async function processIfDue(base: BaseCtx, taskId: string, skipLocked: boolean): Promise<number> {
  return withTransaction(base, async (tx) => {
    const [row] = await tx.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.id, taskId), lte(tasks.nextCheckAt, tx.clock.now())))
      .for('update', skipLocked ? { skipLocked: true } : undefined);
    return row ? processLocked(tx, row) : 0;
  });
}

/**
 * The sweep: finds due rows by index, then handles each in its own transaction, skipping
 * rows another worker holds. Costs what is due, not what is open, and never holds one
 * task's lock while waiting on another conference's audit chain.
 */
export async function processDueClocks(
  base: BaseCtx,
  batch = 200,
  maxPasses = 1000,
): Promise<number> {
  let handled = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const due = await base.db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(isNotNull(tasks.nextCheckAt), lte(tasks.nextCheckAt, base.clock.now())))
      .orderBy(asc(tasks.nextCheckAt))
      .limit(batch);
    let progressed = 0;
    for (const { id } of due) {
      if ((await processIfDue(base, id, true)) > 0) progressed++;
    }
    handled += progressed;
    if (due.length < batch || progressed === 0) return handled;
  }
  return handled;
}
