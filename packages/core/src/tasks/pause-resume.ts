import {
  moveDeadline,
  planOfficeLadder,
  type ResumeShift,
  resumeShift,
  shift,
  type Wait,
} from '@lianxi/domain';
import type { Ctx } from '../context.js';
import { type DeadlineEnv, loadDeadlineEnv } from './deadline-env.js';
import type { TaskRow } from './row.js';

/** The office owes nothing any more: its limit and its ladder go. */
export const OFFICE_CLEAR = {
  officeDueAt: null,
  officeLevel2At: null,
  officeLevel3At: null,
  officeLadderLevel: 0,
} satisfies Partial<TaskRow>;

/**
 * Stops a task's clocks while the office owes the next step, and starts the office's own:
 * `rulingWithin` for a return, `reviewWithin` for a report.
 */
export async function pauseForOffice(
  ctx: Ctx,
  row: TaskRow,
  now: Date,
  limit: 'rulingWithin' | 'reviewWithin',
): Promise<Partial<TaskRow>> {
  const env = await loadDeadlineEnv(ctx, now, { workOrderId: row.workOrderId });
  const officeDueAt = shift(env.cal, env.timeZone, now, env.policy[limit]).at;
  const [, officeLevel2At, officeLevel3At] = planOfficeLadder(
    env.cal,
    env.timeZone,
    env.policy,
    officeDueAt,
  );
  return { pausedAt: now, officeDueAt, officeLevel2At, officeLevel3At, officeLadderLevel: 0 };
}

type Clocked = Pick<
  TaskRow,
  | 'signDueAt'
  | 'dueAt'
  | 'originalDueAt'
  | 'dueSoonAt'
  | 'level1At'
  | 'level2At'
  | 'level3At'
  | 'waitedMs'
  | 'provisional'
>;

/**
 * Moves the unit's clocks on by one wait under the resume rule (domain `resumeShift`): a
 * deadline at the end of a day by the workdays that ended during the wait, one set to the
 * minute by the exact time. The return window stays where it was: a task the office kept
 * with its unit (审定维持) is not returned a second time.
 */
export function moveClockBy(
  env: Pick<DeadlineEnv, 'cal' | 'timeZone'>,
  row: Clocked,
  by: ResumeShift,
): Clocked {
  let provisional = row.provisional || by.provisional;
  const move = (d: Date) => {
    const moved = moveDeadline(env.cal, env.timeZone, d, by);
    provisional ||= moved.provisional;
    return moved.at;
  };
  const moved = {
    signDueAt: row.signDueAt && move(row.signDueAt),
    dueAt: move(row.dueAt),
    originalDueAt: move(row.originalDueAt),
    dueSoonAt: row.dueSoonAt && move(row.dueSoonAt),
    level1At: move(row.level1At),
    level2At: move(row.level2At),
    level3At: move(row.level3At),
    waitedMs: row.waitedMs + by.ms,
  };
  return { ...moved, provisional };
}

/** Every wait in turn, as a recount applies them again on a newly imported calendar. */
export const moveClockByWaits = (
  env: Pick<DeadlineEnv, 'cal' | 'timeZone'>,
  row: Clocked,
  waits: Wait[],
): Clocked =>
  waits.reduce(
    (clock, wait) => moveClockBy(env, clock, resumeShift(env.cal, env.timeZone, wait)),
    row,
  );

/**
 * Restarts a paused task's clocks: every deadline moves on by the wait under the resume
 * rule, and the deadline version changes so earlier timers fall silent.
 */
export async function resumeClock(ctx: Ctx, row: TaskRow, now: Date): Promise<Partial<TaskRow>> {
  let moved: Partial<TaskRow> = {};
  if (row.pausedAt) {
    const env = await loadDeadlineEnv(ctx, now, { workOrderId: row.workOrderId });
    const wait = { from: row.pausedAt, to: now };
    moved = moveClockBy(env, row, resumeShift(env.cal, env.timeZone, wait));
  }
  return {
    ...moved,
    pausedAt: null,
    ...OFFICE_CLEAR,
    deadlineVersion: row.deadlineVersion + 1,
  };
}
