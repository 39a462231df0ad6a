import { planHandoff } from '@lianxi/domain';
import { handoffs } from '@lianxi/db';
import { and, eq, gte, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type BaseCtx, type Ctx, systemActor } from '../context.js';
import { loadDeadlineEnv } from '../tasks/deadline-env.js';
import { withTransaction } from '../transaction.js';
import { scheduleHandoffClock } from './clock.js';

/** A hand-off whose receiving unit still runs against a limit. */
const RUNNING = ['sent', 'received', 'reconsidering'] as const;

/**
 * Counts the receiving units' limits again after a year's calendar is imported, as
 * `recountDeadlines` does for tasks: every running hand-off that was provisional or whose
 * clocks touch that year, from the same start and under the same limit, each in its own
 * transaction. Levels already reached stay reached; the timers start again under a new
 * clock version.
 */
export async function recountHandoffDeadlines(base: BaseCtx, year: number): Promise<number> {
  const start = new Date(Date.UTC(year - 1, 11, 31));
  const end = new Date(Date.UTC(year + 1, 0, 2));
  const candidates = await base.db
    .select({ id: handoffs.id })
    .from(handoffs)
    .where(
      and(
        inArray(handoffs.status, [...RUNNING]),
        isNotNull(handoffs.resultDueAt),
        or(
          eq(handoffs.provisional, true),
          and(lte(handoffs.sentAt, end), gte(handoffs.level3At, start)),
        ),
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
    if (!row || !(RUNNING as readonly string[]).includes(row.status) || !row.resultDueAt) {
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
