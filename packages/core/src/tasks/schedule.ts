import { nextCheckAt, TIMER_WINDOW_MS } from '@lianxi/domain';
import { jobId } from '@lianxi/queue';
import { tasks, unnestRows } from '@lianxi/db';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { writeOutboxMany } from '../outbox/write.js';
import { type ClockTask, toClock } from './row.js';

/** One id per task, deadline version and event time: re-adding the same timer is a no-op. */
export const taskClockJobId = (taskId: string, deadlineVersion: number, at: Date) =>
  jobId('task', taskId, deadlineVersion, at.getTime());

/**
 * Stores when the task's clock must next be looked at and, through the outbox, asks for a
 * timer then when that is within the timer window. PostgreSQL keeps the time; the timer
 * only makes it punctual.
 */
export async function scheduleClock(ctx: Ctx, row: ClockTask): Promise<Date | null> {
  const [next] = await scheduleClocks(ctx, [row]);
  return next;
}

/**
 * The same for many tasks: one UPDATE for those whose next check moved (with `withLadder`,
 * for all of them, also writing their ladder state as given) and one outbox INSERT for the
 * timers within the window. Answers each task's next check, in order.
 */
export async function scheduleClocks(
  ctx: Ctx,
  rows: ClockTask[],
  opts: { withLadder?: boolean } = {},
): Promise<(Date | null)[]> {
  const nexts = rows.map((row) => nextCheckAt(toClock(row)));
  const moved = rows
    .map((row, i) => ({ row, next: nexts[i] }))
    .filter(({ row, next }) => opts.withLadder || next?.getTime() !== row.nextCheckAt?.getTime());
  if (moved.length) {
    const all = unnestRows(
      {
        id: tasks.id,
        nextCheckAt: tasks.nextCheckAt,
        ladderLevel: tasks.ladderLevel,
        escalationLevel: tasks.escalationLevel,
        signReminded: tasks.signReminded,
        dueSoonSent: tasks.dueSoonSent,
        officeReminded: tasks.officeReminded,
        redFlag: tasks.redFlag,
      },
      moved.map(({ row, next }) => ({ ...row, nextCheckAt: next })),
    );
    const ladder = opts.withLadder
      ? sql`, ladder_level = v.ladder_level, escalation_level = v.escalation_level,
            sign_reminded = v.sign_reminded, due_soon_sent = v.due_soon_sent,
            office_reminded = v.office_reminded, red_flag = v.red_flag`
      : sql``;
    await ctx.db.execute(sql`
      UPDATE tasks AS t SET next_check_at = v.next_check_at ${ladder}
        FROM (${all.rows}) AS v
       WHERE t.id = v.id`);
  }
  const armUntil = ctx.clock.now().getTime() + TIMER_WINDOW_MS;
  await writeOutboxMany(
    ctx,
    rows.flatMap((row, i) => {
      const next = nexts[i];
      return next && next.getTime() <= armUntil
        ? [
            {
              conferenceId: row.conferenceId,
              queue: 'deadlines' as const,
              job: 'task-clock' as const,
              payload: { taskId: row.id, deadlineVersion: row.deadlineVersion },
              jobId: taskClockJobId(row.id, row.deadlineVersion, next),
              runAt: next,
            },
          ]
        : [];
    }),
  );
  return nexts;
}
