import { CLOCK_RUNS, OPEN_STATUSES, planIssue, type Wait } from '@lianxi/domain';
import { extensionRequests, taskEvents, tasks } from '@lianxi/db';
import { and, asc, eq, gte, inArray, lte, max, or, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type BaseCtx, type Ctx, systemActor } from '../context.js';
import { withTransaction } from '../transaction.js';
import { dueRuleOf } from './create.js';
import { loadDeadlineEnv } from './deadline-env.js';
import { moveClockByWaits } from './pause-resume.js';
import type { TaskRow } from './row.js';
import { scheduleClock } from './schedule.js';

/**
 * Counts deadlines again after a year's calendar is imported: every open task that was
 * provisional or whose clocks touch that year, from the same start and rule, then each wait
 * on the office moved on again under the resume rule (its workdays may differ on the new
 * calendar), under a new deadline version. The calendar is national, so every conference's
 * tasks are counted; each in its own transaction (row first, then that conference's chain).
 */
export async function recountDeadlines(base: BaseCtx, year: number): Promise<number> {
  const start = new Date(Date.UTC(year - 1, 11, 31));
  const end = new Date(Date.UTC(year + 1, 0, 2));
  const candidates = await base.db
    .select({ id: tasks.id })
    .from(tasks)
    .where(
      and(
        inArray(tasks.status, [...OPEN_STATUSES]),
        or(eq(tasks.provisional, true), and(lte(tasks.issuedAt, end), gte(tasks.level3At, start))),
      ),
    );
  let recounted = 0;
  for (const { id } of candidates) {
    if (await recountOne(base, id)) recounted++;
  }
  return recounted;
}

async function recountOne(base: BaseCtx, taskId: string): Promise<boolean> {
  return withTransaction(base, async (tx) => {
    const [row] = await tx.db.select().from(tasks).where(eq(tasks.id, taskId)).for('update');
    if (!row || !OPEN_STATUSES.includes(row.status)) return false;
    const ctx: Ctx = { ...tx, actor: systemActor, conferenceId: row.conferenceId };
    const start = row.dueBasis.kind === 'duration' ? new Date(row.dueBasis.from) : row.issuedAt;
    const env = await loadDeadlineEnv(ctx, start, { workOrderId: row.workOrderId });
    const plan = planIssue(env.cal, env.timeZone, env.policy, start, dueRuleOf(row.dueBasis));
    const planned: TaskRow = {
      ...row,
      signDueAt: plan.signDueAt,
      returnDueAt: plan.returnDueAt,
      dueAt: plan.dueAt,
      originalDueAt: row.dueBasis.kind === 'duration' ? plan.dueAt : row.originalDueAt,
      dueSoonAt: plan.dueSoonAt,
      level1At: plan.levelAt[0],
      level2At: plan.levelAt[1],
      level3At: plan.levelAt[2],
      waitedMs: 0,
    };
    const next = { ...planned, ...moveClockByWaits(env, planned, await waitsOf(ctx, row)) };
    // a fixed due time already carries the waits in its original; only a counted one is recounted
    if (row.dueBasis.kind !== 'duration') next.originalDueAt = row.originalDueAt;
    const moved =
      next.dueAt.getTime() !== row.dueAt.getTime() ||
      next.level3At.getTime() !== row.level3At.getTime();
    if (!moved && plan.provisional === row.provisional) return false;
    const [updated] = await tx.db
      .update(tasks)
      .set({
        signDueAt: next.signDueAt,
        returnDueAt: next.returnDueAt,
        dueAt: next.dueAt,
        originalDueAt: next.originalDueAt,
        dueSoonAt: next.dueSoonAt,
        level1At: next.level1At,
        level2At: next.level2At,
        level3At: next.level3At,
        provisional: plan.provisional,
        deadlineVersion: sql`${tasks.deadlineVersion} + 1`,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(tasks.id, row.id))
      .returning();
    await appendAudit(ctx, {
      action: 'task.recounted',
      subjectType: 'task',
      subjectId: row.id,
      payload: {
        from: row.dueAt.toISOString(),
        to: updated.dueAt.toISOString(),
        provisional: plan.provisional,
      },
    });
    await scheduleClock(ctx, updated);
    return true;
  });
}

/**
 * The task's finished waits on the office since its deadline was last set (issue, or an
 * approved extension, which set a new one and forgot earlier waits): from each move into
 * returned / reported to the move back to a running state, read from its history.
 */
async function waitsOf(ctx: Ctx, row: TaskRow): Promise<Wait[]> {
  const [extended] = await ctx.db
    .select({ at: max(extensionRequests.decidedAt) })
    .from(extensionRequests)
    .where(and(eq(extensionRequests.taskId, row.id), eq(extensionRequests.status, 'approved')));
  const since = extended?.at ?? null;
  const events = await ctx.db
    .select({ at: taskEvents.at, from: taskEvents.fromStatus, to: taskEvents.toStatus })
    .from(taskEvents)
    .where(eq(taskEvents.taskId, row.id))
    .orderBy(asc(taskEvents.id));
  const waits: Wait[] = [];
  let pausedAt: Date | null = null;
  for (const e of events) {
    if (e.to === 'returned' || e.to === 'reported') pausedAt = e.at;
    else if (pausedAt && e.to && CLOCK_RUNS.includes(e.to)) {
      if (!since || pausedAt >= since) waits.push({ from: pausedAt, to: e.at });
      pausedAt = null;
    }
  }
  return waits;
}
