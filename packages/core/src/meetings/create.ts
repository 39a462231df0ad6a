import { checkYears, type CreateMeetingInput, type Meeting, yearAt } from '@lianxi/domain';
import { meetings } from '@lianxi/db';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { withTransaction } from '../transaction.js';
import { attendeeUnits, requireOwnUnits } from './attendees.js';
import { toMeeting } from './view.js';

/** 召开会议: the office records a meeting held, who attended and, when ready, its minutes. */
export async function createMeeting(ctx: Ctx, input: CreateMeetingInput): Promise<Meeting> {
  requireRole(ctx, ['office', 'admin']);
  checkYears([{ field: 'body.heldAt', year: yearAt(new Date(input.heldAt)) }], ctx.clock.now());
  return withTransaction(ctx, async (tx) => {
    await requireOwnUnits(tx, attendeeUnits(input.attendees), (i) => `body.attendees.${i}.unitId`);
    const [row] = await tx.db
      .insert(meetings)
      .values({
        conferenceId: ctx.conferenceId,
        kind: input.kind,
        title: input.title,
        heldAt: new Date(input.heldAt),
        place: input.place ?? null,
        chair: input.chair ?? null,
        attendees: input.attendees,
        minutes: input.minutes ?? null,
        createdBy: ctx.actor.userId,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await appendAudit(tx, {
      action: 'meeting.created',
      subjectType: 'meeting',
      subjectId: row.id,
      payload: { kind: row.kind, title: row.title, heldAt: input.heldAt },
    });
    return toMeeting(row, 0);
  });
}
