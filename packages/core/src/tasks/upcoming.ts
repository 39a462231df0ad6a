import { tasks } from '@lianxi/db';
import { and, gt, isNotNull, lte } from 'drizzle-orm';
import type { BaseCtx } from '../context.js';
import { taskClockJobId } from './schedule.js';

/**
 * Timers PostgreSQL says are due within `horizonMs`: the reconciler re-adds them with the
 * same ids, so a Redis that lost its delayed jobs is punctual again, not just eventually right.
 */
export async function upcomingClocks(ctx: BaseCtx, horizonMs: number, limit = 10_000) {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select({ id: tasks.id, deadlineVersion: tasks.deadlineVersion, at: tasks.nextCheckAt })
    .from(tasks)
    .where(
      and(
        isNotNull(tasks.nextCheckAt),
        gt(tasks.nextCheckAt, now),
        lte(tasks.nextCheckAt, new Date(now.getTime() + horizonMs)),
      ),
    )
    .limit(limit);
  return rows.map((r) => ({
    taskId: r.id,
    deadlineVersion: r.deadlineVersion,
    at: r.at!,
    jobId: taskClockJobId(r.id, r.deadlineVersion, r.at!),
  }));
}
