import { buildCalendar, type WorkdayCalendar } from '@lianxi/domain';
import { calendarDays, calendarYears, conferences } from '@lianxi/db';
import { and, eq, gte, lte } from 'drizzle-orm';
import type { BaseCtx } from '../context.js';

/**
 * The schedule for the years a deadline computed now can reach: the year before (a deadline
 * counted backwards) through two years ahead (the longest limit plus its ladder).
 */
export async function loadCalendar(ctx: BaseCtx, around: Date): Promise<WorkdayCalendar> {
  const year = around.getUTCFullYear();
  const years = await ctx.db
    .select({ year: calendarYears.year })
    .from(calendarYears)
    .where(and(gte(calendarYears.year, year - 1), lte(calendarYears.year, year + 2)));
  const days = await ctx.db
    .select({ date: calendarDays.date, workday: calendarDays.workday, name: calendarDays.name })
    .from(calendarDays)
    .where(and(gte(calendarDays.year, year - 1), lte(calendarDays.year, year + 2)));
  return buildCalendar(
    years.map((y) => y.year),
    days,
  );
}

export async function loadConference(ctx: BaseCtx, conferenceId: string) {
  const [conference] = await ctx.db
    .select()
    .from(conferences)
    .where(eq(conferences.id, conferenceId));
  if (!conference) throw new Error(`conference ${conferenceId} missing`);
  return conference;
}
