import { z } from 'zod';
import { localDate, yearOf } from '../calendar/zoned.js';
import { AppError } from '../errors.js';

/**
 * The years a clerk may type for a meeting, a letter, a month's figures or a briefing. The
 * platform's records start in 2000; the last year is next year (a letter is drafted for the
 * coming year, a meeting may be planned into it). A year outside is a slip of the keyboard
 * (607, 2999, "90"), refused with a message rather than stored or silently replaced.
 *
 * Schemas hold a fixed outer window (no clock in a schema); verbs hold the exact one with
 * their clock's now, through `checkYears`.
 */
export const EARLIEST_YEAR = 2000;
export const OUTER_LATEST_YEAR = 2099;

/** The conference's zone when a verb has none at hand: the year turns at Beijing midnight. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const outerMessage = `年份应在 ${EARLIEST_YEAR} 年至 ${OUTER_LATEST_YEAR} 年之间`;
const inOuterWindow = (year: number) => year >= EARLIEST_YEAR && year <= OUTER_LATEST_YEAR;

/** A year typed as a number, held to the outer window. */
export const YearInput = z
  .number()
  .int('年份应为整数')
  .min(EARLIEST_YEAR, outerMessage)
  .max(OUTER_LATEST_YEAR, outerMessage);

/** The year of an instant in the conference's zone. */
export const yearAt = (at: Date, timeZone: string = DEFAULT_TIME_ZONE) =>
  yearOf(localDate(at, timeZone));

/**
 * A date-time string whose year lies in the outer window (the instant's year in Beijing).
 * A string that is no date at all passes here: zod runs this refinement even after the
 * format check failed, and that check already names the problem.
 */
export function instantInOuterWindow(iso: string): boolean {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) || inOuterWindow(yearAt(at));
}
/** A YYYY-MM or YYYY-MM-DD string whose year lies in the outer window (no date passes). */
export const dateInOuterWindow = (date: string) =>
  !/^\d{4}-/.test(date) || inOuterWindow(Number(date.slice(0, 4)));
export const OUTER_WINDOW_MESSAGE = outerMessage;

/** The last year that may be typed today: next year. */
export const latestYear = (now: Date, timeZone: string = DEFAULT_TIME_ZONE) =>
  yearAt(now, timeZone) + 1;

/** Why a year is refused today, or null when it is fine. */
export function yearProblem(
  year: number,
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): string | null {
  const latest = latestYear(now, timeZone);
  if (Number.isInteger(year) && year >= EARLIEST_YEAR && year <= latest) return null;
  return `年份应在 ${EARLIEST_YEAR} 年至 ${latest} 年之间`;
}

/**
 * Refuses every field whose year is outside 2000..next year, naming each (a 400 like any
 * other bad input, so the form shows it under the field and nothing is stored).
 */
export function checkYears(
  fields: { field: string; year: number }[],
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): void {
  const errors = fields.flatMap(({ field, year }) => {
    const message = yearProblem(year, now, timeZone);
    return message ? [{ field, message }] : [];
  });
  if (errors.length) throw new AppError('invalid_input', errors[0].message, { errors });
}
