import type { TimelinessCounts } from '@lianxi/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../context.js';

export type UnitTimeliness = TimelinessCounts & {
  unitId: string;
  /** Tasks by the highest escalation level they reached, and the red flags among them. */
  level1: number;
  level2: number;
  level3: number;
  redFlags: number;
};

/**
 * The counts behind 签收及时率, 按期办结率 and 逾期率 (see `TimelinessCounts`) for the tasks
 * issued from `start` (included) to `end` (excluded), one row per unit, up to now. The
 * dashboards and the assessment both read them here, so a rate means the same in both.
 * Withdrawn and reassigned tasks are not the unit's to answer for.
 */
export async function countTaskTimeliness(
  ctx: Ctx,
  { start, end, where }: { start: Date; end: Date; where: SQL },
): Promise<UnitTimeliness[]> {
  const now = ctx.clock.now();
  const { rows } = await ctx.db.execute<UnitTimeliness>(sql`
    WITH t AS (
      SELECT tasks.unit_id, tasks.status, tasks.sign_due_at, tasks.due_at,
             tasks.escalation_level, tasks.red_flag,
             (SELECT min(e.at) FROM task_events e
               WHERE e.task_id = tasks.id AND e.action IN ('accept', 'return')) AS answered_at,
             (SELECT max(e.at) FROM task_events e
               WHERE e.task_id = tasks.id AND e.action = 'report') AS reported_at
        FROM tasks
       WHERE ${where} AND tasks.issued_at >= ${start} AND tasks.issued_at < ${end}
         AND tasks.status NOT IN ('withdrawn', 'reassigned')
    )
    SELECT unit_id AS "unitId",
      count(*) FILTER (WHERE answered_at IS NOT NULL OR sign_due_at < ${now})::int AS "signDue",
      count(*) FILTER (WHERE answered_at IS NOT NULL
                         AND (sign_due_at IS NULL OR answered_at <= sign_due_at))::int AS "signedOnTime",
      count(*) FILTER (WHERE status = 'closed' OR due_at < ${now})::int AS "doneDue",
      count(*) FILTER (WHERE status = 'closed' AND reported_at <= due_at)::int AS "doneOnTime",
      count(*)::int AS "all",
      count(*) FILTER (WHERE (status = 'closed' AND reported_at > due_at)
                          OR (status IN ('issued', 'accepted') AND due_at < ${now}))::int AS "overdue",
      count(*) FILTER (WHERE escalation_level = 1)::int AS "level1",
      count(*) FILTER (WHERE escalation_level = 2)::int AS "level2",
      count(*) FILTER (WHERE escalation_level >= 3)::int AS "level3",
      count(*) FILTER (WHERE red_flag)::int AS "redFlags"
      FROM t
     GROUP BY unit_id
  `);
  return rows;
}
