import { buildCalendar, type CalendarDay, type WorkdayCalendar } from '@lianxi/domain';
import { calendarDays, calendarYears, conferences } from '@lianxi/db';
import { eq, sql, type SQLWrapper } from 'drizzle-orm';
import type { BaseCtx } from '../context.js';

/**
 * The years a deadline computed at `around` can reach: the year before (a deadline counted
 * backwards) through two years ahead (the longest limit plus its ladder).
 */
export function calendarSpan(around: Date): { from: number; to: number } {
  const from = around.getUTCFullYear() - 1;
  return { from, to: from + 3 };
}

/**
 * The schedule for the years `from`–`to` as two JSON columns, so it can be read in the same
 * statement as the rest of what counting a deadline needs.
 */
export function calendarColumns(from: SQLWrapper | number, to: SQLWrapper | number) {
  return {
    years: sql<number[]>`(SELECT coalesce(json_agg(y.year), '[]') FROM ${calendarYears} y
                           WHERE y.year BETWEEN ${from} AND ${to})`,
    days: sql<CalendarDay[]>`(SELECT coalesce(json_agg(json_build_object(
                                'date', d.date, 'workday', d.workday, 'name', d.name)), '[]')
                                FROM ${calendarDays} d WHERE d.year BETWEEN ${from} AND ${to})`,
  };
}

export const calendarOf = (row: { years: number[]; days: CalendarDay[] }): WorkdayCalendar =>
  buildCalendar(row.years, row.days);

export async function loadConference(ctx: BaseCtx, conferenceId: string) {
  const [conference] = await ctx.db
    .select()
    .from(conferences)
    .where(eq(conferences.id, conferenceId));
  if (!conference) throw new Error(`conference ${conferenceId} missing`);
  return conference;
}
