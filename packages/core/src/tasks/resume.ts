import type { TaskRow } from './row.js';
import { shiftClock } from './row.js';

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
