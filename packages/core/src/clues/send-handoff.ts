import {
  AppError,
  HANDOFF_KIND_LABELS,
  type Handoff,
  notFound,
  type SendHandoffInput,
} from '@lianxi/domain';
import { clues, handoffs, units } from '@lianxi/db';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { type Ctx, requireRole } from '../context.js';
import { notify } from '../notifications/notify.js';
import { withTransaction } from '../transaction.js';
import { type HandoffRow, toHandoff } from './handoff-view.js';
import { clueScope } from './view.js';

/**
 * 线索移送: the office, or a unit that holds or was handed the clue, moves it to the unit
 * that must act. The receiving unit then sees the clue (never its reporter) and is told.
 */
export async function sendHandoff(
  ctx: Ctx,
  clueId: string,
  input: SendHandoffInput,
  ruleId: string | null = null,
): Promise<Handoff> {
  requireRole(ctx, ['office', 'admin', 'unit']);
  return withTransaction(ctx, async (tx) => {
    const [clue] = await tx.db
      .select()
      .from(clues)
      .where(and(eq(clues.id, clueId), clueScope(tx)));
    if (!clue) throw notFound('线索');
    const [target] = await tx.db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.id, input.toUnitId), eq(units.conferenceId, ctx.conferenceId)));
    if (!target) {
      throw new AppError('rule_violation', '接收单位不属于本联席会议', {
        errors: [{ field: 'body.toUnitId', message: '单位不存在或不属于本联席会议' }],
      });
    }
    const from = ctx.actor.role === 'unit' ? ctx.actor.unitId : null;
    if (from === input.toUnitId) throw new AppError('rule_violation', '不能移送给本单位');
    const [row] = (await tx.db
      .insert(handoffs)
      .values({
        conferenceId: ctx.conferenceId,
        clueId,
        fromUnitId: from,
        toUnitId: input.toUnitId,
        kind: input.kind,
        reason: input.reason,
        ruleId,
        sentBy: ctx.actor.userId,
        sentAt: ctx.clock.now(),
      })
      .onConflictDoNothing()
      .returning()) as HandoffRow[];
    if (!row) throw new AppError('conflict', '该线索已按规则分流');
    await appendAudit(tx, {
      action: 'handoff.sent',
      subjectType: 'clue',
      subjectId: clueId,
      payload: { handoffId: row.id, toUnitId: input.toUnitId, kind: input.kind, ruleId },
    });
    await notify(tx, {
      units: [input.toUnitId],
      kind: 'handoff.sent',
      title: `收到${HANDOFF_KIND_LABELS[input.kind]}线索 ${clue.serial}，请接收`,
      body: input.reason,
      subjectType: 'handoff',
      subjectId: row.id,
      dedupeKey: `handoff-sent-${row.id}`,
    });
    return toHandoff(row, clue.serial);
  });
}
