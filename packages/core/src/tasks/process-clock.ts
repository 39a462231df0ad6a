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

/** The timer's handler: one task, waiting for its lock if another worker holds it. */
export async function processTaskClock(base: BaseCtx, taskId: string): Promise<number> {
  return withTransaction(base, async (tx) => {
    const [row] = await tx.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.id, taskId), isNotNull(tasks.nextCheckAt)))
      .for('update');
    if (!row || !row.nextCheckAt || row.nextCheckAt > tx.clock.now()) return 0;
    return processLocked(tx, row);
  });
}

/**
 * The sweep: takes due rows by index, a batch per transaction, skipping rows another worker
 * holds. Costs what is due, not what is open.
 */
export async function processDueClocks(base: BaseCtx, batch = 200): Promise<number> {
  let handled = 0;
  for (;;) {
    const taken = await withTransaction(base, async (tx) => {
      const rows = await tx.db
        .select()
        .from(tasks)
        .where(and(isNotNull(tasks.nextCheckAt), lte(tasks.nextCheckAt, tx.clock.now())))
        .orderBy(asc(tasks.nextCheckAt))
        .limit(batch)
        .for('update', { skipLocked: true });
      for (const row of rows) await processLocked(tx, row);
      return rows.length;
    });
    handled += taken;
    if (taken < batch) return handled;
  }
}
