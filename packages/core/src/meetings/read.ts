import { type MeetingDetail, notFound, OPEN_STATUSES, resolutionProgress } from '@lianxi/domain';
import { meetings, resolutions, tasks, workOrders } from '@lianxi/db';
import { and, asc, count, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { toMeeting } from './view.js';

/**
 * 会议议定事项落实情况: one meeting, each resolution with the orders issued for it and how
 * far their tasks have got. A unit user sees only the orders it has a task in.
 */
export async function getMeeting(ctx: Ctx, id: string): Promise<MeetingDetail> {
  const [meeting] = await ctx.db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, id), eq(meetings.conferenceId, ctx.conferenceId)));
  if (!meeting) throw notFound('会议');
  const items = await ctx.db
    .select()
    .from(resolutions)
    .where(eq(resolutions.meetingId, id))
    .orderBy(asc(resolutions.seq));
  const ids = items.map((r) => r.id);
  const unitOnly = ctx.actor.role === 'unit' ? (ctx.actor.unitId ?? '') : null;
  const now = ctx.clock.now();
  const orders = ids.length
    ? await ctx.db
        .select({
          o: workOrders,
          tasks: count(tasks.id),
          closed: sql<number>`count(*) FILTER (WHERE ${tasks.status} = 'closed')::int`,
          overdue: sql<number>`count(*) FILTER (WHERE ${and(inArray(tasks.status, [...OPEN_STATUSES]), lt(tasks.dueAt, now))})::int`,
        })
        .from(workOrders)
        .innerJoin(tasks, eq(tasks.workOrderId, workOrders.id))
        .where(
          and(
            inArray(workOrders.resolutionId, ids),
            ...(unitOnly ? [eq(tasks.unitId, unitOnly)] : []),
          ),
        )
        .groupBy(workOrders.id)
        .orderBy(asc(workOrders.issuedAt))
    : [];
  return {
    ...toMeeting(meeting, items.length),
    resolutions: items.map((r) => {
      const mine = orders.filter((x) => x.o.resolutionId === r.id);
      return {
        id: r.id,
        meetingId: id,
        seq: r.seq,
        text: r.text,
        leadUnitId: r.leadUnitId,
        progress: resolutionProgress(mine.map((x) => x.o)),
        workOrders: mine.map((x) => ({
          id: x.o.id,
          serial: x.o.serial,
          title: x.o.title,
          status: x.o.status,
          dueAt: x.o.dueAt.toISOString(),
          tasks: Number(x.tasks),
          closedTasks: x.closed,
          overdueTasks: x.overdue,
        })),
      };
    }),
  };
}
