import { addWorkdays, isWorkday, type WorkdayCalendar } from '../calendar/workday-calendar.js';
import { addDays, endOfLocalDay, localDate } from '../calendar/zoned.js';

/**
 * The resume rule (README "Work orders, tasks and deadlines"): when a task comes back from
 * the office, its deadlines move on by the wait, counted the way the limits were written.
 *
 * - The wait in workdays is the number of workdays that ended while the task was with the
 *   office: the workdays from the day it went (included) to the day it came back (not
 *   included), Beijing dates on the official calendar. A wait begun and ended the same day
 *   is 0; returned on Friday and overruled on Monday is 1 (Friday); returned on Monday and
 *   overruled on Wednesday is 2 (Monday, Tuesday); a weekend or a holiday adds nothing.
 * - A deadline at the end of a day (23:59:59.999, a limit in days or workdays) moves on by
 *   that many workdays and ends at 23:59:59.999 of the day it reaches: still the end of a
 *   day, and "剩余 N 个工作日" reads the same after a short wait as before it.
 * - Any other deadline (a policy in hours, minutes or seconds) moves on by the exact time.
 *
 * A pure function of the calendar, the zone and the two instants, so core applies it on
 * resume and again, wait by wait, when an imported calendar year recounts a task.
 */
export interface Wait {
  from: Date;
  to: Date;
}

export interface ResumeShift {
  /** Workdays that ended during the wait: what day-ending deadlines move by. */
  workdays: number;
  /** The exact wait: what deadlines set to the hour, minute or second move by. */
  ms: number;
  /** A year without an imported schedule was crossed, counting or moving. */
  provisional: boolean;
}

const heldYear = (cal: WorkdayCalendar, date: string) => cal.years.has(Number(date.slice(0, 4)));

/** Workdays from `from`'s Beijing date (included) to `to`'s (not included). */
export function workdaysWaited(
  cal: WorkdayCalendar,
  timeZone: string,
  wait: Wait,
): { value: number; provisional: boolean } {
  const last = localDate(wait.to, timeZone);
  let count = 0;
  let provisional = false;
  for (let d = localDate(wait.from, timeZone); d < last; d = addDays(d, 1)) {
    provisional ||= !heldYear(cal, d);
    if (isWorkday(cal, d)) count++;
  }
  return { value: count, provisional };
}

export function resumeShift(cal: WorkdayCalendar, timeZone: string, wait: Wait): ResumeShift {
  const ms = Math.max(0, wait.to.getTime() - wait.from.getTime());
  const days = ms > 0 ? workdaysWaited(cal, timeZone, wait) : { value: 0, provisional: false };
  return { workdays: days.value, ms, provisional: days.provisional };
}

/** True for the last millisecond of a local day: where a limit in days or workdays ends. */
export const endsADay = (at: Date, timeZone: string) =>
  endOfLocalDay(localDate(at, timeZone), timeZone).getTime() === at.getTime();

/** One deadline after the shift; `provisional` when moving it crossed an unheld year. */
export function moveDeadline(
  cal: WorkdayCalendar,
  timeZone: string,
  deadline: Date,
  by: ResumeShift,
): { at: Date; provisional: boolean } {
  if (!endsADay(deadline, timeZone)) {
    return { at: new Date(deadline.getTime() + by.ms), provisional: false };
  }
  if (by.workdays === 0) return { at: deadline, provisional: false };
  const day = addWorkdays(cal, localDate(deadline, timeZone), by.workdays);
  return { at: endOfLocalDay(day.value, timeZone), provisional: day.provisional };
}
