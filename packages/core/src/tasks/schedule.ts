import { nextCheckAt } from '@lianxi/domain';
import { tasks } from '@lianxi/db';
import { jobId } from '@lianxi/queue';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { writeOutbox } from '../outbox/write.js';
import { type TaskRow, toClock } from './row.js';

/** One id per task, deadline version and event time: re-adding the same timer is a no-op. */
export const taskClockJobId = (taskId: string, deadlineVersion: number, at: Date) =>
  jobId('task', taskId, deadlineVersion, at.getTime());

/**
 * Stores when the task's clock must next be looked at and, through the outbox, asks for a
 * timer then. PostgreSQL keeps the time; the timer only makes it punctual.
 */
export async function scheduleClock(ctx: Ctx, row: TaskRow): Promise<Date | null> {
  const next = nextCheckAt(toClock(row));
  if (next?.getTime() !== row.nextCheckAt?.getTime()) {
    await ctx.db.update(tasks).set({ nextCheckAt: next }).where(eq(tasks.id, row.id));
  }
  if (next) {
    await writeOutbox(ctx, {
      conferenceId: row.conferenceId,
      queue: 'deadlines',
      job: 'task-clock',
      payload: { taskId: row.id, deadlineVersion: row.deadlineVersion },
      jobId: taskClockJobId(row.id, row.deadlineVersion, next),
      runAt: next,
    });
  }
  return next;
}
