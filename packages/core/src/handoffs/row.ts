import {
  type HandoffClock,
  type HandoffFacts,
  type HandoffViewer,
  isSender,
  notFound,
} from '@lianxi/domain';
import { clues, handoffs } from '@lianxi/db';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';

export type HandoffRow = typeof handoffs.$inferSelect;

export function toHandoffClock(h: HandoffRow): HandoffClock {
  return {
    status: h.status,
    signDueAt: h.signDueAt,
    resultDueAt: h.resultDueAt,
    levelAt: h.level1At && h.level2At && h.level3At ? [h.level1At, h.level2At, h.level3At] : null,
    ladderLevel: Math.min(3, Math.max(0, h.ladderLevel)) as HandoffClock['ladderLevel'],
    signReminded: h.signReminded,
    itemsDueAt: h.itemsDueAt,
    itemsHandedOver: h.itemsHandedOverAt !== null,
    itemsReminded: h.itemsReminded,
  };
}

export const toHandoffFacts = (h: HandoffRow): HandoffFacts => ({
  kind: h.kind,
  status: h.status,
  outcome: h.outcome,
  fromUnitId: h.fromUnitId,
  toUnitId: h.toUnitId,
  appealDueAt: h.appealDueAt,
  reconsidered: h.reconsiderationRequestedAt !== null,
  contested: h.supervisionRequestedAt !== null,
  itemsDueAt: h.itemsDueAt,
  itemsHandedOver: h.itemsHandedOverAt !== null,
});

export const viewerOf = (ctx: Ctx): HandoffViewer => ({
  role: ctx.actor.role,
  unitId: ctx.actor.unitId,
});

/**
 * Locks a hand-off for one side of it: the receiving unit, the sender (the sending unit, or
 * the office for what the office sent), or a supervisor chasing it. To anyone else it does
 * not exist.
 */
export async function lockHandoffAs(
  ctx: Ctx,
  id: string,
  side: 'receiver' | 'sender' | 'supervisor',
) {
  const [row] = await ctx.db
    .select({ h: handoffs, serial: clues.serial })
    .from(handoffs)
    .innerJoin(clues, eq(clues.id, handoffs.clueId))
    .where(and(eq(handoffs.id, id), eq(handoffs.conferenceId, ctx.conferenceId)))
    .for('update', { of: handoffs });
  const viewer = viewerOf(ctx);
  const allowed =
    row &&
    (side === 'receiver'
      ? viewer.role === 'unit' && viewer.unitId === row.h.toUnitId
      : side === 'sender'
        ? isSender(row.h, viewer)
        : viewer.role === 'supervisor');
  if (!allowed) throw notFound('移送');
  return row;
}
