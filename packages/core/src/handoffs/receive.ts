import { AppError, type Handoff } from '@lianxi/domain';
import { clues, handoffs } from '@lianxi/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import type { Ctx } from '../context.js';
import { withTransaction } from '../transaction.js';
import { scheduleHandoffClock } from './clock.js';
import { recordHandoffEvent } from './events.js';
import { lockHandoffAs } from './row.js';
import { toHandoff } from './view.js';

/**
 * 接收: the receiving unit signs for the hand-off; its sign-for clock stops. A clue the office
 * routed passes to the unit that received it.
 */
export async function receiveHandoff(ctx: Ctx, id: string): Promise<Handoff> {
  return withTransaction(ctx, async (tx) => {
    const { h, serial } = await lockHandoffAs(tx, id, 'receiver');
    if (h.status !== 'sent') throw new AppError('illegal_transition', '该移送已接收');
    const [row] = await tx.db
      .update(handoffs)
      .set({
        status: 'received',
        receivedAt: ctx.clock.now(),
        version: sql`${handoffs.version} + 1`,
      })
      .where(eq(handoffs.id, id))
      .returning();
    if (h.kind === 'route' && h.fromUnitId === null) {
      // the office routed it to this unit to handle: the unit now holds the clue, and with
      // it may know who reported it, to verify the report
      await tx.db
        .update(clues)
        .set({ owningUnitId: h.toUnitId, updatedAt: ctx.clock.now() })
        .where(and(eq(clues.id, h.clueId), isNull(clues.owningUnitId)));
    }
    await recordHandoffEvent(tx, { handoffId: id, kind: 'received' });
    await appendAudit(tx, {
      action: 'handoff.received',
      subjectType: 'clue',
      subjectId: h.clueId,
      payload: { handoffId: id },
    });
    await scheduleHandoffClock(tx, row);
    return toHandoff(tx, row, serial);
  });
}
