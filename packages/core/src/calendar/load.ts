import { buildCalendar, type CalendarDay, type WorkdayCalendar } from '@lianxi/domain';
import { calendarDays, calendarYears, conferences } from '@lianxi/db';
import { eq, sql } from 'drizzle-orm';
import type { BaseCtx } from '../context.js';

/**
 * The schedule for the years a deadline computed now can reach — the year before (a
 * deadline counted backwards) through two years ahead (the longest limit plus its ladder) —
 * as two JSON columns, so it can be read in the same statement as the rest of what counting
 * a deadline needs.
 */
export function calendarColumns(around: Date) {
  const from = around.getUTCFullYear() - 1;
  const to = from + 3;
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
