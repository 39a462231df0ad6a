import {
  checkYears,
  type ClueChannel,
  monthsBetween,
  nextMonth,
  sumFigures,
  type TrendMonth,
  type Trends,
  type TrendsQuery,
  zeroByChannel,
  zonedInstant,
} from '@lianxi/domain';
import { sql } from 'drizzle-orm';
import { type Ctx, requireRole } from '../context.js';
import { approvedFigures } from '../stat-reports/summary.js';
import { conferenceTimeZone } from './time-zone.js';

type Counted<T> = T & { month: string; n: number };

/**
 * Month by month: the approved figures, the escalations (催办 / 督办 / 挂牌督办, by the
 * clock and by supervisors), the clues registered and the hand-offs sent. The whole
 * conference's, so only those who oversee it read them (as with 统计汇总).
 */
export async function monthlyTrends(ctx: Ctx, query: TrendsQuery): Promise<Trends> {
  requireRole(ctx, ['office', 'admin', 'supervisor', 'leader']);
  checkYears(
    [
      { field: 'querystring.from', year: Number(query.from.slice(0, 4)) },
      { field: 'querystring.to', year: Number(query.to.slice(0, 4)) },
    ],
    ctx.clock.now(),
  );
  const timeZone = await conferenceTimeZone(ctx);
  const start = zonedInstant(`${query.from}-01`, '00:00:00', timeZone);
  const end = zonedInstant(`${nextMonth(query.to)}-01`, '00:00:00', timeZone);
  const now = ctx.clock.now();
  const monthOf = (column: string) =>
    sql`to_char(${sql.raw(column)} AT TIME ZONE ${timeZone}, 'YYYY-MM')`;
  const mine = ctx.conferenceId;

  const figures = await approvedFigures(ctx, query.from, query.to);
  const { rows: escalated } = await ctx.db.execute<Counted<{ level: number }>>(sql`
    SELECT ${monthOf('e.due_at')} AS month, e.level, count(*)::int AS n
      FROM escalations e
     WHERE e.conference_id = ${mine} AND e.reason IN ('unsigned', 'overdue')
       AND e.due_at >= ${start} AND e.due_at < ${end}
     GROUP BY 1, 2`);
  const { rows: byHand } = await ctx.db.execute<Counted<{ action: string }>>(sql`
    SELECT ${monthOf('ev.at')} AS month, ev.action, count(*)::int AS n
      FROM task_events ev JOIN tasks t ON t.id = ev.task_id
     WHERE t.conference_id = ${mine} AND ev.action IN ('urge', 'supervise')
       AND ev.at >= ${start} AND ev.at < ${end}
     GROUP BY 1, 2`);
  const { rows: clues } = await ctx.db.execute<Counted<{ channel: ClueChannel; status: string }>>(
    sql`
    SELECT ${monthOf('c.created_at')} AS month, c.channel, c.status, count(*)::int AS n
      FROM clues c
     WHERE c.conference_id = ${mine} AND c.created_at >= ${start} AND c.created_at < ${end}
     GROUP BY 1, 2, 3`,
  );
  const { rows: handoffs } = await ctx.db.execute<Counted<{ onTime: number; overdue: number }>>(sql`
    SELECT ${monthOf('h.sent_at')} AS month, count(*)::int AS n,
           count(*) FILTER (WHERE h.answered_at IS NOT NULL
             AND (h.result_due_at IS NULL OR h.answered_at <= h.result_due_at))::int AS "onTime",
           count(*) FILTER (WHERE h.result_due_at < coalesce(h.answered_at, ${now}))::int AS overdue
      FROM handoffs h
     WHERE h.conference_id = ${mine} AND h.sent_at >= ${start} AND h.sent_at < ${end}
     GROUP BY 1`);

  const months = monthsBetween(query.from, query.to).map((month): TrendMonth => {
    const sum = <T>(rows: Counted<T>[], keep: (r: Counted<T>) => boolean) =>
      rows.filter((r) => r.month === month && keep(r)).reduce((n, r) => n + r.n, 0);
    const byChannel = zeroByChannel();
    for (const c of clues) if (c.month === month) byChannel[c.channel] += c.n;
    const sent = handoffs.find((h) => h.month === month);
    return {
      month,
      figures: sumFigures(figures.filter((f) => f.month === month).map((f) => f.figures)),
      escalations: {
        urged: sum(escalated, (e) => e.level === 1) + sum(byHand, (e) => e.action === 'urge'),
        supervised:
          sum(escalated, (e) => e.level === 2) + sum(byHand, (e) => e.action === 'supervise'),
        flagged: sum(escalated, (e) => e.level >= 3),
      },
      clues: {
        total: sum(clues, () => true),
        open: sum(clues, (c) => c.status === 'open'),
        closed: sum(clues, (c) => c.status === 'closed'),
        byChannel,
      },
      handoffs: {
        sent: sent?.n ?? 0,
        onTime: sent?.onTime ?? 0,
        overdue: sent?.overdue ?? 0,
        pending: sent ? sent.n - sent.onTime - sent.overdue : 0,
      },
    };
  });
  return { from: query.from, to: query.to, asOf: now.toISOString(), months };
}
