import type { WorkdayCalendar } from '../calendar/workday-calendar.js';
import type { Duration, Policy } from '../policy/schemas.js';
import { shift } from '../policy/shift.js';

export interface DeadlinePlan {
  dueAt: Date;
  dueSoonAt: Date | null;
  levelAt: [Date, Date, Date];
  provisional: boolean;
}

/** Everything that follows from a due time: the reminder before it and the ladder after it. */
export function planAroundDue(
  cal: WorkdayCalendar,
  timeZone: string,
  policy: Policy,
  dueAt: Date,
): DeadlinePlan {
  const soon = shift(cal, timeZone, dueAt, policy.dueSoon, -1);
  const levels = policy.ladder.map((step) => shift(cal, timeZone, dueAt, step.after));
  // A level is never reached before the one below it, whatever units the policy mixes.
  const at = (i: number): Date =>
    new Date(Math.max(...levels.slice(0, i + 1).map((l) => l.at.getTime())));
  return {
    dueAt,
    dueSoonAt: policy.dueSoon.amount > 0 ? soon.at : null,
    levelAt: [at(0), at(1), at(2)],
    provisional: soon.provisional || levels.some((l) => l.provisional),
  };
}

export interface IssuePlan extends DeadlinePlan {
  signDueAt: Date;
  returnDueAt: Date;
}

/** The clocks of a newly issued task: sign-for limit, return window, due time and its ladder. */
export function planIssue(
  cal: WorkdayCalendar,
  timeZone: string,
  policy: Policy,
  issuedAt: Date,
  due: { explicit: Date } | { duration: Duration },
): IssuePlan {
  const sign = shift(cal, timeZone, issuedAt, policy.signWithin);
  const ret = shift(cal, timeZone, issuedAt, policy.returnWithin);
  const dueAt =
    'explicit' in due
      ? { at: due.explicit, provisional: false }
      : shift(cal, timeZone, issuedAt, due.duration);
  const around = planAroundDue(cal, timeZone, policy, dueAt.at);
  return {
    ...around,
    signDueAt: sign.at,
    returnDueAt: ret.at,
    provisional: around.provisional || sign.provisional || ret.provisional || dueAt.provisional,
  };
}

/**
 * The office's own ladder while it owes a ruling or a review: passing its limit is 催办, and
 * the policy's 督办 and 挂牌督办 steps follow it as they follow a unit's due time.
 */
export function planOfficeLadder(
  cal: WorkdayCalendar,
  timeZone: string,
  policy: Policy,
  officeDueAt: Date,
): [Date, Date, Date] {
  const [, level2At, level3At] = planAroundDue(cal, timeZone, policy, officeDueAt).levelAt;
  return [officeDueAt, level2At, level3At];
}
