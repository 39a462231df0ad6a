import { AppError, type CalendarYearView, type ImportCalendarInput, yearOf } from '@lianxi/domain';
import { calendarDays, calendarYears } from '@lianxi/db';
import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { recountHandoffDeadlines } from '../handoffs/recount.js';
import { recountDeadlines } from '../tasks/recount.js';
import { withTransaction } from '../transaction.js';
import { getCalendarYear } from './get-calendar-year.js';

/**
 * Imports a year's official schedule (the State Council publishes it around November),
 * replacing what was held, and counts provisional deadlines again: tasks' and the
 * provisional answer limits of hand-offs. Above tasks and hand-offs, which count their
 * deadlines with calendar/ and must not depend on what recounts them.
 */
export async function importCalendarYear(
  ctx: Ctx,
  year: number,
  input: ImportCalendarInput,
): Promise<CalendarYearView & { recounted: number }> {
  requireRole(ctx, ['admin']);
  const errors = input.days.flatMap((d, i) =>
    yearOf(d.date) === year ? [] : [{ field: `body.days.${i}.date`, message: `不属于 ${year} 年` }],
  );
  if (new Set(input.days.map((d) => d.date)).size !== input.days.length) {
    errors.push({ field: 'body.days', message: '日期重复' });
  }
  if (errors.length) throw new AppError('invalid_input', '日历数据有误', { errors });
  await withTransaction(ctx, async (tx) => {
    await tx.db.delete(calendarYears).where(eq(calendarYears.year, year));
    await tx.db
      .insert(calendarYears)
      .values({ year, source: input.source, importedAt: ctx.clock.now() });
    if (input.days.length) {
      await tx.db
        .insert(calendarDays)
        .values(input.days.map((d) => ({ ...d, name: d.name ?? null, year })));
    }
    await appendAudit(tx, {
      action: 'calendar.imported',
      subjectType: 'calendar',
      subjectId: String(year),
      payload: { year, source: input.source, days: input.days.length },
    });
  });
  // After the import commits: each task and hand-off is then counted in a transaction of its own.
  const recounted = (await recountDeadlines(ctx, year)) + (await recountHandoffDeadlines(ctx));
  return { ...(await getCalendarYear(ctx, year)), recounted };
}
