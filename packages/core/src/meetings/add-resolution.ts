import { type CreateResolutionInput, notFound, type Resolution } from '@lianxi/domain';
import { meetings, resolutions } from '@lianxi/db';
import { and, eq, max } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { requireOwnUnits } from './attendees.js';

/** 议定事项: numbered in the meeting's order; the meeting row is locked while numbering. */
export async function addResolution(
  ctx: Ctx,
  meetingId: string,
  input: CreateResolutionInput,
): Promise<Resolution> {
  requireRole(ctx, ['office', 'admin']);
  return withTransaction(ctx, async (tx) => {
    const [meeting] = await tx.db
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.id, meetingId), eq(meetings.conferenceId, ctx.conferenceId)))
      .for('update');
    if (!meeting) throw notFound('会议');
    await requireOwnUnits(tx, [input.leadUnitId], () => 'body.leadUnitId');
    const [{ last }] = await tx.db
      .select({ last: max(resolutions.seq) })
      .from(resolutions)
      .where(eq(resolutions.meetingId, meetingId));
    const [row] = await tx.db
      .insert(resolutions)
      .values({
        conferenceId: ctx.conferenceId,
        meetingId,
        seq: (last ?? 0) + 1,
        text: input.text,
        leadUnitId: input.leadUnitId ?? null,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await appendAudit(tx, {
      action: 'meeting.resolution_added',
      subjectType: 'meeting',
      subjectId: meetingId,
      payload: { resolutionId: row.id, seq: row.seq },
    });
    return {
      id: row.id,
      meetingId,
      seq: row.seq,
      text: row.text,
      leadUnitId: row.leadUnitId,
      progress: 'pending',
      workOrders: [],
    };
  });
}
