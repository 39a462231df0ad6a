import { afterHandoffEvent, handoffNextCheckAt, handoffPendingEvents } from '@lianxi/domain';
import { handoffs } from '@lianxi/db';
import { jobId } from '@lianxi/queue';
import { and, asc, eq, gt, isNotNull, lte } from 'drizzle-orm';
import type { ClockKind } from '../clocks/runner.js';
import type { BaseCtx, Ctx } from '../context.js';
import { writeOutbox } from '../outbox/write.js';
import { applyHandoffEvent } from './escalate.js';
import { type HandoffRow, toHandoffClock } from './row.js';

export const handoffClockJobId = (id: string, clockVersion: number, at: Date) =>
  jobId('handoff', id, clockVersion, at.getTime());

/**
 * Stores when the hand-off's clock must next be looked at and, through the outbox, asks
 * for a timer then: the same engine as a task's, PostgreSQL keeping the time.
 */
export async function scheduleHandoffClock(ctx: Ctx, row: HandoffRow): Promise<Date | null> {
  const next = handoffNextCheckAt(toHandoffClock(row));
  if (next?.getTime() !== row.nextCheckAt?.getTime()) {
    await ctx.db.update(handoffs).set({ nextCheckAt: next }).where(eq(handoffs.id, row.id));
  }
  if (next) {
    await writeOutbox(ctx, {
      conferenceId: row.conferenceId,
      queue: 'deadlines',
      job: 'handoff-clock',
      payload: { handoffId: row.id, clockVersion: row.clockVersion },
      jobId: handoffClockJobId(row.id, row.clockVersion, next),
      runAt: next,
    });
  }
  return next;
}

async function processLocked(ctx: Ctx, row: HandoffRow): Promise<number> {
  const now = ctx.clock.now();
  let clock = toHandoffClock(row);
  const due = handoffPendingEvents(clock).filter((e) => e.at.getTime() <= now.getTime());
  let escalationLevel = row.escalationLevel;
  for (const { at, event } of due) {
    await applyHandoffEvent(ctx, row, event, at);
    clock = afterHandoffEvent(clock, event);
    if (event.kind === 'unsigned') escalationLevel = Math.max(escalationLevel, 1);
    if (event.kind === 'level') escalationLevel = Math.max(escalationLevel, event.level);
  }
  const [updated] = await ctx.db
    .update(handoffs)
    .set({
      ladderLevel: clock.ladderLevel,
      signReminded: clock.signReminded,
      itemsReminded: clock.itemsReminded,
      escalationLevel,
    })
    .where(eq(handoffs.id, row.id))
    .returning();
  await scheduleHandoffClock(ctx, updated);
  return due.length;
}

export const handoffClocks: ClockKind<HandoffRow> = {
  async nextCheckAt(ctx, id) {
    const [row] = await ctx.db
      .select({ at: handoffs.nextCheckAt })
      .from(handoffs)
      .where(eq(handoffs.id, id));
    return row?.at ?? null;
  },
  async lockIfDue(ctx, id, now, skipLocked) {
    const [row] = await ctx.db
      .select()
      .from(handoffs)
      .where(and(eq(handoffs.id, id), lte(handoffs.nextCheckAt, now)))
      .for('update', skipLocked ? { skipLocked: true } : undefined);
    return row;
  },
  async dueIds(ctx, now, limit) {
    const rows = await ctx.db
      .select({ id: handoffs.id })
      .from(handoffs)
      .where(and(isNotNull(handoffs.nextCheckAt), lte(handoffs.nextCheckAt, now)))
      .orderBy(asc(handoffs.nextCheckAt))
      .limit(limit);
    return rows.map((r) => r.id);
  },
  async lockDue(ctx, now, limit) {
    return ctx.db
      .select()
      .from(handoffs)
      .where(and(isNotNull(handoffs.nextCheckAt), lte(handoffs.nextCheckAt, now)))
      .orderBy(asc(handoffs.nextCheckAt))
      .limit(limit)
      .for('update', { skipLocked: true });
  },
  async process(ctx, rows) {
    let progressed = 0;
    for (const row of rows) if ((await processLocked(ctx, row)) > 0) progressed++;
    return progressed;
  },
};

/** Hand-off timers due within `horizonMs`, for the reconciler to re-add with the same ids. */
export async function upcomingHandoffClocks(ctx: BaseCtx, horizonMs: number, limit = 10_000) {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select({ id: handoffs.id, clockVersion: handoffs.clockVersion, at: handoffs.nextCheckAt })
    .from(handoffs)
    .where(
      and(
        isNotNull(handoffs.nextCheckAt),
        gt(handoffs.nextCheckAt, now),
        lte(handoffs.nextCheckAt, new Date(now.getTime() + horizonMs)),
      ),
    )
    .limit(limit);
  return rows.map((r) => ({
    handoffId: r.id,
    clockVersion: r.clockVersion,
    at: r.at!,
    jobId: handoffClockJobId(r.id, r.clockVersion, r.at!),
  }));
}
