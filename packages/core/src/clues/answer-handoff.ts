import {
  AppError,
  HANDOFF_OUTCOME_LABELS,
  type Handoff,
  type HandoffResultInput,
  notFound,
} from '@lianxi/domain';
import { clues, handoffs } from '@lianxi/db';
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import type { Ctx } from '../context.js';
import { notify } from '../notifications/notify.js';
import { withTransaction } from '../transaction.js';
import { toHandoff } from './handoff-view.js';

/** Only the receiving unit acts on a hand-off; to anyone else it does not exist. */
async function lockIncoming(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select({ h: handoffs, serial: clues.serial })
    .from(handoffs)
    .innerJoin(clues, eq(clues.id, handoffs.clueId))
    .where(
      and(
        eq(handoffs.id, id),
        eq(handoffs.conferenceId, ctx.conferenceId),
        eq(handoffs.toUnitId, ctx.actor.role === 'unit' ? (ctx.actor.unitId ?? '') : ''),
      ),
    )
    .for('update', { of: handoffs });
  if (!row) throw notFound('移送');
  return row;
}

/** 接收: the receiving unit signs for the hand-off. */
export async function receiveHandoff(ctx: Ctx, id: string): Promise<Handoff> {
  return withTransaction(ctx, async (tx) => {
    const { h, serial } = await lockIncoming(tx, id);
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
    await appendAudit(tx, {
      action: 'handoff.received',
      subjectType: 'clue',
      subjectId: h.clueId,
      payload: { handoffId: id },
    });
    return toHandoff(row, serial);
  });
}

/** 反馈: the receiving unit answers, and the sender (a unit, or the office) is told the outcome. */
export async function answerHandoff(
  ctx: Ctx,
  id: string,
  input: HandoffResultInput,
): Promise<Handoff> {
  return withTransaction(ctx, async (tx) => {
    const { h, serial } = await lockIncoming(tx, id);
    if (h.status !== 'received') {
      throw new AppError(
        'illegal_transition',
        h.status === 'sent' ? '请先接收再反馈' : '该移送已反馈',
      );
    }
    const [row] = await tx.db
      .update(handoffs)
      .set({
        status: 'answered',
        answeredAt: ctx.clock.now(),
        outcome: input.outcome,
        outcomeReason: input.reason ?? null,
        version: sql`${handoffs.version} + 1`,
      })
      .where(eq(handoffs.id, id))
      .returning();
    await appendAudit(tx, {
      action: 'handoff.answered',
      subjectType: 'clue',
      subjectId: h.clueId,
      payload: { handoffId: id, outcome: input.outcome, reason: input.reason ?? null },
    });
    await notify(tx, {
      ...(h.fromUnitId ? { units: [h.fromUnitId] } : { roles: ['office'] }),
      kind: 'handoff.answered',
      title: `移送线索 ${serial} 已反馈：${HANDOFF_OUTCOME_LABELS[input.outcome]}`,
      body: input.reason ?? HANDOFF_OUTCOME_LABELS[input.outcome],
      subjectType: 'handoff',
      subjectId: id,
      dedupeKey: `handoff-answered-${id}`,
    });
    return toHandoff(row, serial);
  });
}
