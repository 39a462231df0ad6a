import {
  checkYears,
  type Meeting,
  notFound,
  staleVersion,
  type UpdateMeetingInput,
  yearAt,
} from '@lianxi/domain';
import { meetings, resolutions } from '@lianxi/db';
import { and, count, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { attendeeUnits, requireOwnUnits } from './attendees.js';
import { toMeeting } from './view.js';

/** Corrects a meeting's record or adds its minutes; a stale version changes nothing. */
export async function updateMeeting(
  ctx: Ctx,
  id: string,
  input: UpdateMeetingInput,
): Promise<Meeting> {
  requireRole(ctx, ['office', 'admin']);
  if (input.heldAt) {
    checkYears([{ field: 'body.heldAt', year: yearAt(new Date(input.heldAt)) }], ctx.clock.now());
  }
  return withTransaction(ctx, async (tx) => {
    if (input.attendees) {
      await requireOwnUnits(
        tx,
        attendeeUnits(input.attendees),
        (i) => `body.attendees.${i}.unitId`,
      );
    }
    const { version, heldAt, ...rest } = input;
    const [row] = await tx.db
      .update(meetings)
      .set({
        ...rest,
        ...(heldAt ? { heldAt: new Date(heldAt) } : {}),
        version: sql`${meetings.version} + 1`,
      })
      .where(
        and(
          eq(meetings.id, id),
          eq(meetings.conferenceId, ctx.conferenceId),
          eq(meetings.version, version),
        ),
      )
      .returning();
    if (!row) {
      const [exists] = await tx.db
        .select({ id: meetings.id })
        .from(meetings)
        .where(and(eq(meetings.id, id), eq(meetings.conferenceId, ctx.conferenceId)));
      throw exists ? staleVersion('会议') : notFound('会议');
    }
    await appendAudit(tx, {
      action: 'meeting.updated',
      subjectType: 'meeting',
      subjectId: id,
      payload: { fields: Object.keys(input).filter((k) => k !== 'version') },
    });
    const [{ n }] = await tx.db
      .select({ n: count() })
      .from(resolutions)
      .where(eq(resolutions.meetingId, id));
    return toMeeting(row, n);
  });
}
