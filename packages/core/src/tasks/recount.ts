import { CLOCK_RUNS, planIssue } from '@lianxi/domain';
import { tasks } from '@lianxi/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { dueRuleOf } from './create.js';
import { loadDeadlineEnv } from './deadline-env.js';
import { shiftClock } from './row.js';
import { scheduleClock } from './schedule.js';

/**
 * Counts provisional deadlines again once a year's calendar is imported: from the same
 * start and rule, plus the time the task has waited, under a new deadline version.
 */
export async function recountProvisionalTasks(ctx: Ctx): Promise<number> {
  const rows = await ctx.db
    .select()
    .from(tasks)
    .where(
      and(
        eq(tasks.provisional, true),
        inArray(tasks.status, [...CLOCK_RUNS, 'returned', 'reported']),
      ),
    )
    .for('update');
  for (const row of rows) {
    const start = row.dueBasis.kind === 'duration' ? new Date(row.dueBasis.from) : row.issuedAt;
    // The calendar is national: every conference's provisional deadlines are counted again.
    const env = await loadDeadlineEnv({ ...ctx, conferenceId: row.conferenceId }, start);
    const plan = planIssue(env.cal, env.timeZone, env.policy, start, dueRuleOf(row.dueBasis));
    const recounted = {
      ...row,
      signDueAt: plan.signDueAt,
      returnDueAt: plan.returnDueAt,
      dueAt: plan.dueAt,
      dueSoonAt: plan.dueSoonAt,
      level1At: plan.levelAt[0],
      level2At: plan.levelAt[1],
      level3At: plan.levelAt[2],
      waitedMs: 0,
    };
    const shifted = { ...recounted, ...shiftClock(recounted, row.waitedMs) };
    const [updated] = await ctx.db
      .update(tasks)
      .set({
        signDueAt: shifted.signDueAt,
        returnDueAt: shifted.returnDueAt,
        dueAt: shifted.dueAt,
        originalDueAt: row.dueBasis.kind === 'duration' ? shifted.dueAt : row.originalDueAt,
        dueSoonAt: shifted.dueSoonAt,
        level1At: shifted.level1At,
        level2At: shifted.level2At,
        level3At: shifted.level3At,
        provisional: plan.provisional,
        deadlineVersion: sql`${tasks.deadlineVersion} + 1`,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(tasks.id, row.id))
      .returning();
    await scheduleClock({ ...ctx, conferenceId: row.conferenceId }, updated);
  }
  return rows.length;
}
