import { addDays, weekday, yearOf } from './zoned.js';

export interface CalendarDay {
  date: string;
  workday: boolean;
  name?: string | null;
}

/**
 * The official schedule: exceptions to Monday–Friday (statutory holidays, make-up workdays),
 * and the years whose schedule is held. A date in any other year is counted Monday–Friday
 * and the answer is marked provisional.
 */
export interface WorkdayCalendar {
  years: ReadonlySet<number>;
  exceptions: ReadonlyMap<string, CalendarDay>;
}

export function buildCalendar(
  years: Iterable<number>,
  days: Iterable<CalendarDay>,
): WorkdayCalendar {
  return {
    years: new Set(years),
    exceptions: new Map([...days].map((d) => [d.date, d])),
  };
}

export interface Counted<T> {
  value: T;
  /** A year without an imported schedule was crossed: Monday–Friday was assumed. */
  provisional: boolean;
}

export function isWorkday(cal: WorkdayCalendar, date: string): boolean {
  const exception = cal.exceptions.get(date);
  if (exception) return exception.workday;
  const day = weekday(date);
  return day !== 0 && day !== 6;
}

const held = (cal: WorkdayCalendar, date: string) => cal.years.has(yearOf(date));

/**
 * The date `n` workdays after `date` (n ≥ 1), or before it when n is negative. With n = 0,
 * `date` itself when it is a workday, else the next workday ("the same day" for urgent orders).
 */
export function addWorkdays(cal: WorkdayCalendar, date: string, n: number): Counted<string> {
  let provisional = !held(cal, date);
  let current = date;
  if (n === 0) {
    while (!isWorkday(cal, current)) {
      current = addDays(current, 1);
      provisional ||= !held(cal, current);
    }
    return { value: current, provisional };
  }
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  while (left > 0) {
    current = addDays(current, step);
    provisional ||= !held(cal, current);
    if (isWorkday(cal, current)) left--;
  }
  return { value: current, provisional };
}

/** Workdays after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workdaysBetween(cal: WorkdayCalendar, from: string, to: string): Counted<number> {
  let provisional = !held(cal, from) || !held(cal, to);
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    provisional ||= !held(cal, d);
    if (isWorkday(cal, d)) count++;
  }
  return { value: count, provisional };
}
