import { AppError, type Handoff, type HandoffReasonInput } from '@lianxi/domain';
import { handoffs } from '@lianxi/db';
import { eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import type { Ctx } from '../context.js';
import { notify } from '../notifications/notify.js';
import { withTransaction } from '../transaction.js';
import { scheduleHandoffClock } from './clock.js';
import { recordHandoffEvent } from './events.js';
import { lockHandoffAs } from './row.js';
import { toHandoff } from './view.js';

/** 移交涉案物品: the referring unit records the seized items handed to the police. */
export async function handOverItems(
  ctx: Ctx,
  id: string,
  input: HandoffReasonInput,
): Promise<Handoff> {
  return withTransaction(ctx, async (tx) => {
    const { h, serial } = await lockHandoffAs(tx, id, 'sender');
    if (!h.itemsDueAt)
      throw new AppError('illegal_transition', '公安机关尚未立案，无需移交涉案物品');
    if (h.itemsHandedOverAt) throw new AppError('illegal_transition', '涉案物品已移交');
    const [row] = await tx.db
      .update(handoffs)
      .set({
        itemsHandedOverAt: ctx.clock.now(),
        itemsNote: input.reason,
        version: sql`${handoffs.version} + 1`,
      })
      .where(eq(handoffs.id, id))
      .returning();
    await recordHandoffEvent(tx, { handoffId: id, kind: 'items_handed_over', text: input.reason });
    await appendAudit(tx, {
      action: 'handoff.items_handed_over',
      subjectType: 'clue',
      subjectId: h.clueId,
      payload: { handoffId: id },
    });
    await notify(tx, {
      units: [h.toUnitId],
      kind: 'handoff.items',
      title: `移送案件 ${serial} 的涉案物品已移交`,
      body: input.reason,
      subjectType: 'handoff',
      subjectId: id,
      dedupeKey: `handoff-items-${id}`,
    });
    await scheduleHandoffClock(tx, row);
    return toHandoff(tx, row, serial);
  });
}
