import { shift } from '@lianxi/domain';
import type { Ctx } from '../context.js';
import { loadDeadlineEnv } from './deadline-env.js';
import { shiftClock, type TaskRow } from './row.js';

/**
 * Stops a task's clocks while the office owes the next step, and starts the office's own:
 * `rulingWithin` for a return, `reviewWithin` for a report.
 */
export async function pauseForOffice(
  ctx: Ctx,
  now: Date,
  limit: 'rulingWithin' | 'reviewWithin',
): Promise<Partial<TaskRow>> {
  const env = await loadDeadlineEnv(ctx, now);
  return {
    pausedAt: now,
    officeDueAt: shift(env.cal, env.timeZone, now, env.policy[limit]).at,
    officeReminded: false,
  };
}

/**
 * Restarts a paused task's clocks: every deadline moves on by the time the task waited on
 * the office, and the deadline version changes so earlier timers fall silent.
 */
export function resumeClock(row: TaskRow, now: Date): Partial<TaskRow> {
  const waited = row.pausedAt ? Math.max(0, now.getTime() - row.pausedAt.getTime()) : 0;
  return {
    ...shiftClock(row, waited),
    pausedAt: null,
    officeDueAt: null,
    officeReminded: false,
    deadlineVersion: row.deadlineVersion + 1,
  };
}
