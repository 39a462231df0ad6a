import { scheduleRows } from '../clocks/schedule-rows.js';
import type { Ctx } from '../context.js';
import { taskClocks } from './clock-subject.js';
import type { ClockTask } from './row.js';

/** Stores when the task's clock must next be looked at and arms its timer when that is near. */
export async function scheduleClock(ctx: Ctx, row: ClockTask): Promise<Date | null> {
  const [next] = await scheduleRows(ctx, taskClocks.subject, [row]);
  return next;
}

/** The same for many tasks, in one UPDATE and one outbox INSERT; each task's next check. */
export const scheduleClocks = (ctx: Ctx, rows: ClockTask[]) =>
  scheduleRows(ctx, taskClocks.subject, rows);
