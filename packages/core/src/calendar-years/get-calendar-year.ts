import type { CalendarYearView } from '@lianxi/domain';
import { calendarDays, calendarYears } from '@lianxi/db';
import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';

export async function getCalendarYear(ctx: Ctx, year: number): Promise<CalendarYearView> {
  const [held] = await ctx.db.select().from(calendarYears).where(eq(calendarYears.year, year));
  const days = await ctx.db
    .select({ date: calendarDays.date, workday: calendarDays.workday, name: calendarDays.name })
    .from(calendarDays)
    .where(eq(calendarDays.year, year))
    .orderBy(asc(calendarDays.date));
  return { year, source: held?.source ?? null, days };
}
