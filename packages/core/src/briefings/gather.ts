import {
  type BriefingData,
  endOfLocalDay,
  localDate,
  OPEN_STATUSES,
  sumFigures,
  zeroFigures,
  zonedInstant,
} from '@lianxi/domain';
import {
  clues,
  conferences,
  handoffs,
  jurisdictions,
  meetings,
  resolutions,
  tasks,
  units,
  workOrders,
} from '@lianxi/db';
import { and, asc, type Column, count, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { alertTrend, approvedFigures } from '../stat-reports/summary.js';
import { figureTree, rollUpFigures } from '../stat-reports/tree.js';

/** 全区 for a district, 全市 for a city, 全县 for a county. */
function areaOf(jurisdictionName: string): string {
  const last = jurisdictionName.slice(-1);
  return ['区', '市', '县', '旗', '州'].includes(last) ? `全${last}` : '全区';
}

/**
 * Everything a briefing of the period from..to (local dates) says, read from the platform.
 * With `tree` coverage the figures and the alert trend are those of the conference and every
 * one below it, summed and told by district; the rest stays the conference's own.
 */
export async function gatherBriefingData(
  ctx: Ctx,
  from: string,
  to: string,
  coverage: 'own' | 'tree' = 'own',
): Promise<{
  data: BriefingData;
  conferenceName: string;
  timeZone: string;
}> {
  const [conf] = await ctx.db
    .select({ name: conferences.name, timeZone: conferences.timeZone, area: jurisdictions.name })
    .from(conferences)
    .innerJoin(jurisdictions, eq(jurisdictions.id, conferences.jurisdictionId))
    .where(eq(conferences.id, ctx.conferenceId));
  const start = zonedInstant(from, '00:00:00', conf.timeZone);
  const end = endOfLocalDay(to, conf.timeZone);
  const mine = ctx.conferenceId;
  const within = (col: Column) => and(gte(col, start), lte(col, end));

  const held = await ctx.db
    .select()
    .from(meetings)
    .where(and(eq(meetings.conferenceId, mine), within(meetings.heldAt)))
    .orderBy(desc(meetings.heldAt));
  const latest = held[0];
  const decided = latest
    ? await ctx.db
        .select({ text: resolutions.text })
        .from(resolutions)
        .where(eq(resolutions.meetingId, latest.id))
        .orderBy(asc(resolutions.seq))
    : [];
  const [orders] = await ctx.db
    .select({
      issued: count(),
      closed: sql<number>`count(*) FILTER (WHERE ${workOrders.status} = 'closed')::int`,
    })
    .from(workOrders)
    .where(and(eq(workOrders.conferenceId, mine), within(workOrders.issuedAt)));
  const [clueCount] = await ctx.db
    .select({ n: count() })
    .from(clues)
    .where(and(eq(clues.conferenceId, mine), within(clues.createdAt)));
  const [handoffCount] = await ctx.db
    .select({
      n: count(),
      referrals: sql<number>`count(*) FILTER (WHERE ${handoffs.kind} = 'criminal_referral')::int`,
    })
    .from(handoffs)
    .where(and(eq(handoffs.conferenceId, mine), within(handoffs.sentAt)));
  const tree = coverage === 'tree' ? await figureTree(ctx) : null;
  const figures = await approvedFigures(
    ctx,
    from.slice(0, 7),
    to.slice(0, 7),
    tree?.map((c) => c.id),
  );
  const rolled = tree ? rollUpFigures(tree, figures) : null;
  const overdue = await ctx.db
    .select({
      serial: workOrders.serial,
      title: workOrders.title,
      unitName: units.name,
      level: tasks.escalationLevel,
    })
    .from(tasks)
    .innerJoin(workOrders, eq(workOrders.id, tasks.workOrderId))
    .innerJoin(units, eq(units.id, tasks.unitId))
    .where(
      and(
        eq(tasks.conferenceId, mine),
        inArray(tasks.status, [...OPEN_STATUSES]),
        gte(tasks.escalationLevel, 2),
      ),
    )
    .orderBy(desc(tasks.escalationLevel), asc(tasks.dueAt))
    .limit(50);

  return {
    conferenceName: conf.name,
    timeZone: conf.timeZone,
    data: {
      area: areaOf(conf.area),
      from,
      to,
      meeting: latest
        ? {
            title: latest.title,
            heldOn: localDate(latest.heldAt, conf.timeZone),
            place: latest.place,
            chair: latest.chair,
            minutes: latest.minutes,
            resolutions: decided.map((r) => r.text),
          }
        : null,
      work: {
        meetings: held.length,
        ordersIssued: Number(orders.issued),
        ordersClosed: orders.closed,
        cluesReceived: Number(clueCount.n),
        handoffs: Number(handoffCount.n),
        criminalReferrals: handoffCount.referrals,
      },
      figures: figures.length ? sumFigures(figures.map((r) => r.figures)) : zeroFigures(),
      ...(rolled
        ? {
            byConference: {
              own: rolled[0].figures,
              below: rolled
                .filter((c) => c.depth === 1)
                .map((c) => ({ name: c.jurisdiction.name, figures: c.treeFigures })),
            },
          }
        : {}),
      alerts: figures.length ? alertTrend(figures, from.slice(0, 7), to.slice(0, 7)) : null,
      overdue,
      redFlags: overdue.filter((o) => o.level >= 3).length,
    },
  };
}
