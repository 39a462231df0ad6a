import {
  endOfLocalDay,
  type Measures,
  monthsBetween,
  reportDueDate,
  zonedInstant,
} from '@lianxi/domain';
import { statReports, tasks } from '@lianxi/db';
import { and, eq, gte, lte } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { countTaskTimeliness } from '../dashboard/task-timeliness.js';

/**
 * What the platform saw of a unit in a year (local to the conference), up to `now`:
 * - signed and completed on time, tasks by the highest level they reached and the red flags
 *   among them, counted as the dashboards count them (`countTaskTimeliness`);
 * - hand-offs answered by their limit, of those answered or past it.
 * - monthly figures submitted by the 5th of the next month, of the months due since the
 *   letter was issued.
 * Withdrawn and reassigned tasks are not the unit's to answer for.
 */
export async function measureUnit(
  ctx: Ctx,
  unitId: string,
  year: number,
  timeZone: string,
  /** Monthly figures count from here: the day the letter bound the unit. */
  reportsSince: Date = ctx.clock.now(),
): Promise<Measures> {
  const from = zonedInstant(`${year}-01-01`, '00:00:00', timeZone);
  const to = zonedInstant(`${year + 1}-01-01`, '00:00:00', timeZone);
  const now = ctx.clock.now();
  const [t] = await countTaskTimeliness(ctx, {
    start: from,
    end: to,
    where: and(eq(tasks.conferenceId, ctx.conferenceId), eq(tasks.unitId, unitId))!,
  });
  const { rows } = await ctx.db.execute<Record<string, number>>(sql`
    WITH h AS (
      SELECT h.answered_at, h.result_due_at
        FROM handoffs h
       WHERE h.conference_id = ${ctx.conferenceId} AND h.to_unit_id = ${unitId}
         AND h.sent_at >= ${from} AND h.sent_at < ${to} AND h.result_due_at IS NOT NULL
    )
    SELECT
      (SELECT count(*) FROM h WHERE answered_at IS NOT NULL OR result_due_at < ${now})::int AS handoffs_counted,
      (SELECT count(*) FROM h WHERE answered_at <= result_due_at)::int AS handoffs_on_time
  `);
  const h = rows[0];
  return {
    reportsOnTime: await measureReports(ctx, unitId, year, timeZone, reportsSince),
    signOnTime: { onTime: t?.signedOnTime ?? 0, counted: t?.signDue ?? 0 },
    completedOnTime: { onTime: t?.doneOnTime ?? 0, counted: t?.doneDue ?? 0 },
    handoffsAnsweredOnTime: { onTime: h.handoffs_on_time, counted: h.handoffs_counted },
    overdue: { level1: t?.level1 ?? 0, level2: t?.level2 ?? 0, level3: t?.level3 ?? 0 },
    redFlags: t?.redFlags ?? 0,
  };
}

async function measureReports(
  ctx: Ctx,
  unitId: string,
  year: number,
  timeZone: string,
  since: Date,
) {
  const now = ctx.clock.now();
  const filed = await ctx.db
    .select({ month: statReports.month, submittedAt: statReports.submittedAt })
    .from(statReports)
    .where(
      and(
        eq(statReports.conferenceId, ctx.conferenceId),
        eq(statReports.unitId, unitId),
        gte(statReports.month, `${year}-01`),
        lte(statReports.month, `${year}-12`),
      ),
    );
  const submitted = new Map(filed.map((r) => [r.month, r.submittedAt]));
  let counted = 0;
  let onTime = 0;
  for (const month of monthsBetween(`${year}-01`, `${year}-12`)) {
    const due = endOfLocalDay(reportDueDate(month), timeZone);
    const at = submitted.get(month) ?? null;
    // not yet due, or due before the letter bound the unit: not the unit's to answer for
    if ((due >= now && !at) || due < since) continue;
    counted++;
    if (at && at <= due) onTime++;
  }
  return { onTime, counted };
}
