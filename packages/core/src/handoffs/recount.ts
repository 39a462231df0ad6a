import { planHandoff } from '@lianxi/domain';
import { handoffs } from '@lianxi/db';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type BaseCtx, type Ctx, systemActor } from '../context.js';
import { loadDeadlineEnv } from '../tasks/deadline-env.js';
import { withTransaction } from '../transaction.js';
import { scheduleHandoffClock } from './clock.js';

/** A hand-off whose receiving unit still runs against a limit. */
const RUNNING = ['sent', 'received', 'reconsidering'] as const;

/**
 * Counts the receiving units' limits again after a year's calendar is imported: every
 * running hand-off that was counted Monday–Friday for want of a calendar, from the same
 * start, each in its own transaction. Unlike a task, a hand-off keeps no record of the
 * limit it was given, so only those provisional ones are counted again (with the policy's
 * present limits); one counted on a calendar already held keeps its deadlines. Levels
 * already reached stay reached; the timers start again under a new clock version.
 */
export async function recountHandoffDeadlines(base: BaseCtx): Promise<number> {
  const candidates = await base.db
    .select({ id: handoffs.id })
    .from(handoffs)
    .where(
      and(
        inArray(handoffs.status, [...RUNNING]),
        isNotNull(handoffs.resultDueAt),
        eq(handoffs.provisional, true),
      ),
    );
  let recounted = 0;
  for (const { id } of candidates) {
    if (await recountOne(base, id)) recounted++;
  }
  return recounted;
}

async function recountOne(base: BaseCtx, id: string): Promise<boolean> {
  return withTransaction(base, async (tx) => {
    const [row] = await tx.db.select().from(handoffs).where(eq(handoffs.id, id)).for('update');
    if (
      !row ||
      !row.provisional ||
      !(RUNNING as readonly string[]).includes(row.status) ||
      !row.resultDueAt
    ) {
      return false;
    }
    const ctx: Ctx = { ...tx, actor: systemActor, conferenceId: row.conferenceId };
    // a reconsideration runs on its own limit, counted from the request
    const reconsidering = row.status === 'reconsidering' && row.reconsiderationRequestedAt;
    const from = reconsidering ? row.reconsiderationRequestedAt! : row.sentAt;
    const env = await loadDeadlineEnv(ctx, from);
    const plan = planHandoff(
      env.cal,
      env.timeZone,
      env.policy,
      from,
      reconsidering ? 'reconsideration' : { kind: row.kind },
    );
    // signing for it is over once received: that clock keeps the time it had
    const signDueAt = row.status === 'sent' ? plan.signDueAt : row.signDueAt;
    const moved =
      plan.resultDueAt.getTime() !== row.resultDueAt.getTime() ||
      plan.levelAt[2].getTime() !== row.level3At?.getTime() ||
      signDueAt?.getTime() !== row.signDueAt?.getTime();
    if (!moved && plan.provisional === row.provisional) return false;
    const [updated] = await tx.db
      .update(handoffs)
      .set({
        signDueAt,
        resultDueAt: plan.resultDueAt,
        level1At: plan.levelAt[0],
        level2At: plan.levelAt[1],
        level3At: plan.levelAt[2],
        provisional: plan.provisional,
        clockVersion: sql`${handoffs.clockVersion} + 1`,
      })
      .where(eq(handoffs.id, row.id))
      .returning();
    await appendAudit(ctx, {
      action: 'handoff.recounted',
      subjectType: 'clue',
      subjectId: row.clueId,
      payload: {
        handoffId: row.id,
        from: row.resultDueAt.toISOString(),
        to: plan.resultDueAt.toISOString(),
        provisional: plan.provisional,
      },
    });
    await scheduleHandoffClock(ctx, updated);
    return true;
  });
}
