import {
  endOfLocalDay,
  type Measures,
  monthsBetween,
  reportDueDate,
  zonedInstant,
} from '@lianxi/domain';
import { statReports } from '@lianxi/db';
import { and, eq, gte, lte } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../context.js';

/**
 * What the platform saw of a unit in a year (local to the conference), up to `now`:
 * - signed on time: the first answer to a task (签收 or 退回) by its sign-for limit, of the
 *   tasks answered or past that limit;
 * - completed on time: closed tasks reported by their due time, of those closed or past due;
 * - tasks by the highest level they reached, and the red flags among them;
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
  const { rows } = await ctx.db.execute<Record<string, number>>(sql`
    WITH t AS (
      SELECT t.status, t.sign_due_at, t.due_at, t.escalation_level, t.red_flag,
             (SELECT min(e.at) FROM task_events e
               WHERE e.task_id = t.id AND e.action IN ('accept', 'return')) AS answered_at,
             (SELECT max(e.at) FROM task_events e
               WHERE e.task_id = t.id AND e.action = 'report') AS reported_at
        FROM tasks t
       WHERE t.conference_id = ${ctx.conferenceId} AND t.unit_id = ${unitId}
         AND t.issued_at >= ${from} AND t.issued_at < ${to}
         AND t.status NOT IN ('withdrawn', 'reassigned')
    ), h AS (
      SELECT h.answered_at, h.result_due_at
        FROM handoffs h
       WHERE h.conference_id = ${ctx.conferenceId} AND h.to_unit_id = ${unitId}
         AND h.sent_at >= ${from} AND h.sent_at < ${to} AND h.result_due_at IS NOT NULL
    )
    SELECT
      (SELECT count(*) FROM t WHERE answered_at IS NOT NULL OR sign_due_at < ${now})::int AS sign_counted,
      (SELECT count(*) FROM t WHERE answered_at IS NOT NULL
                                AND (sign_due_at IS NULL OR answered_at <= sign_due_at))::int AS sign_on_time,
      (SELECT count(*) FROM t WHERE status = 'closed' OR due_at < ${now})::int AS done_counted,
      (SELECT count(*) FROM t WHERE status = 'closed' AND reported_at <= due_at)::int AS done_on_time,
      (SELECT count(*) FROM t WHERE escalation_level = 1)::int AS level1,
      (SELECT count(*) FROM t WHERE escalation_level = 2)::int AS level2,
      (SELECT count(*) FROM t WHERE escalation_level >= 3)::int AS level3,
      (SELECT count(*) FROM t WHERE red_flag)::int AS red_flags,
      (SELECT count(*) FROM h WHERE answered_at IS NOT NULL OR result_due_at < ${now})::int AS handoffs_counted,
      (SELECT count(*) FROM h WHERE answered_at <= result_due_at)::int AS handoffs_on_time
  `);
  const c = rows[0];
  return {
    reportsOnTime: await measureReports(ctx, unitId, year, timeZone, reportsSince),
    signOnTime: { onTime: c.sign_on_time, counted: c.sign_counted },
    completedOnTime: { onTime: c.done_on_time, counted: c.done_counted },
    handoffsAnsweredOnTime: { onTime: c.handoffs_on_time, counted: c.handoffs_counted },
    overdue: { level1: c.level1, level2: c.level2, level3: c.level3 },
    redFlags: c.red_flags,
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
