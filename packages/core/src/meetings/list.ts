import type { MeetingListQuery } from '@lianxi/domain';
import { meetings, resolutions } from '@lianxi/db';
import { count, eq, gt, lte, type SQL } from 'drizzle-orm';
import { dayRange, keywordIn, listPage } from '../common/list.js';
import type { Ctx } from '../context.js';
import { toMeeting } from './view.js';

// counted over a join, not a subquery: drizzle leaves the table off the column names of a
// one-table select, and `meetings.id` inside the subquery would then read as resolutions.id
const resolutionCount = count(resolutions.id);

/** Meetings are the conference's public record: every role of it may read them. */
export async function listMeetings(ctx: Ctx, query: MeetingListQuery) {
  const where: SQL[] = [eq(meetings.conferenceId, ctx.conferenceId)];
  if (query.q) where.push(keywordIn(query.q, [meetings.title, meetings.place]));
  if (query.kind) where.push(eq(meetings.kind, query.kind));
  // the same line `meetingStatus` draws: a meeting sits at its hour
  if (query.status === 'upcoming') where.push(gt(meetings.heldAt, ctx.clock.now()));
  if (query.status === 'held') where.push(lte(meetings.heldAt, ctx.clock.now()));
  where.push(...dayRange(meetings.heldAt, query.from, query.to));
  return listPage(query, where, {
    rows: (filter, order, limit, offset) =>
      ctx.db
        .select({ m: meetings, n: resolutionCount })
        .from(meetings)
        .leftJoin(resolutions, eq(resolutions.meetingId, meetings.id))
        .where(filter)
        .groupBy(meetings.id)
        .orderBy(...order)
        .limit(limit)
        .offset(offset),
    count: async (filter) => {
      const [row] = await ctx.db.select({ n: count() }).from(meetings).where(filter);
      return row.n;
    },
    time: meetings.heldAt,
    id: meetings.id,
    key: (r) => [r.m.heldAt, r.m.id],
    sorts: { heldAt: meetings.heldAt, resolutions: resolutionCount },
    view: (r) => toMeeting(r.m, r.n),
  });
}
