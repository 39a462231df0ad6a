import {
  afterHandoffEvent,
  type HandoffClockEvent,
  handoffPendingEvents,
  raisedLevel,
} from '@lianxi/domain';
import { handoffs } from '@lianxi/db';
import { jobId } from '@lianxi/queue';
import { getTableColumns } from 'drizzle-orm';
import { scheduleRows } from '../clocks/schedule-rows.js';
import { type ClockSubject, defineClocks } from '../clocks/subject.js';
import type { Ctx } from '../context.js';
import { applyHandoffEvents } from './escalate.js';
import { type HandoffRow, toHandoffClock } from './row.js';

export const handoffClockJobId = (id: string, clockVersion: number, at: Date) =>
  jobId('handoff', id, clockVersion, at.getTime());

const handoffSubject: ClockSubject<HandoffRow, HandoffClockEvent> = {
  table: handoffs,
  id: handoffs.id,
  nextCheckAt: handoffs.nextCheckAt,
  version: handoffs.clockVersion,
  columns: getTableColumns(handoffs),
  state: {
    ladderLevel: handoffs.ladderLevel,
    escalationLevel: handoffs.escalationLevel,
    signReminded: handoffs.signReminded,
    itemsReminded: handoffs.itemsReminded,
  },
  pending: (row) => handoffPendingEvents(toHandoffClock(row)),
  after(row, event) {
    const clock = afterHandoffEvent(toHandoffClock(row), event);
    return {
      ...row,
      ladderLevel: clock.ladderLevel,
      signReminded: clock.signReminded,
      itemsReminded: clock.itemsReminded,
      escalationLevel: raisedLevel(row.escalationLevel, event),
    };
  },
  apply: applyHandoffEvents,
  timer: (row, at) => ({
    conferenceId: row.conferenceId,
    queue: 'deadlines',
    job: 'handoff-clock',
    payload: { handoffId: row.id, clockVersion: row.version },
    jobId: handoffClockJobId(row.id, row.version, at),
    runAt: at,
  }),
};

/**
 * Hand-offs' clocks: the receiving unit's sign-for and answer (or the statutory limits of a
 * referral) on the tasks' ladder, and the referring unit's hand-over of seized items.
 */
export const handoffClocks = defineClocks(handoffSubject);

/** Stores when the hand-off's clock must next be looked at and arms its timer when near. */
export async function scheduleHandoffClock(ctx: Ctx, row: HandoffRow): Promise<Date | null> {
  const [next] = await scheduleRows(ctx, handoffClocks.subject, [row]);
  return next;
}
