import {
  AppError,
  type Handoff,
  HANDOFF_KIND_LABELS,
  handoffActions,
  type UrgeTaskInput,
} from '@lianxi/domain';
import { clues, handoffs, units } from '@lianxi/db';
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import type { Ctx } from '../context.js';
import { notify } from '../notifications/notify.js';
import { openOrRaiseCases } from '../supervision/open-cases.js';
import { withTransaction } from '../transaction.js';
import { recordHandoffEvent } from './events.js';
import { lockHandoffAs, toHandoffFacts, viewerOf } from './row.js';
import { toHandoff } from './view.js';

const WORDS = {
  urge: { title: '催办', event: 'urged', ask: '请抓紧接收办理并及时反馈' },
  supervise: {
    title: '督办',
    event: 'supervised',
    ask: '已列为督办件，请限期反馈办理结果并说明情况',
  },
} as const;

/**
 * 催办 / 督办 of a hand-off by a supervisor's hand, while the receiving unit still owes it:
 * written in its timeline with the supervisor's words, the receiving unit, the sender and the
 * office are told, and 督办 opens the hand-off's supervision case. The hand-off's clock is
 * untouched: whether it was answered in time stays the clock's measure.
 */
export async function urgeHandoff(
  ctx: Ctx,
  id: string,
  kind: 'urge' | 'supervise',
  input: UrgeTaskInput,
): Promise<Handoff> {
  return withTransaction(ctx, async (tx) => {
    const { h, serial } = await lockHandoffAs(tx, id, 'supervisor');
    if (!handoffActions(toHandoffFacts(h), viewerOf(ctx), ctx.clock.now()).includes(kind))
      throw new AppError('illegal_transition', '该移送已反馈办理结果，无需催办或督办');
    const [row] = await tx.db
      .update(handoffs)
      .set({ version: sql`${handoffs.version} + 1` })
      .where(
        and(
          eq(handoffs.id, id),
          ...(input.version === undefined ? [] : [eq(handoffs.version, input.version)]),
        ),
      )
      .returning();
    if (!row) throw new AppError('stale_version', '移送件已被他人修改，请刷新后重试');
    const words = WORDS[kind];
    await recordHandoffEvent(tx, { handoffId: id, kind: words.event, text: input.note });
    await appendAudit(tx, {
      action: `handoff.${words.event}`,
      subjectType: 'clue',
      subjectId: h.clueId,
      payload: { handoffId: id, serial, note: input.note },
    });
    const [about] = await tx.db
      .select({ subject: clues.subjectName, unit: units.name })
      .from(clues)
      .innerJoin(units, eq(units.id, h.toUnitId))
      .where(eq(clues.id, h.clueId));
    await notify(tx, {
      units: [h.toUnitId, ...(h.fromUnitId ? [h.fromUnitId] : [])],
      roles: ['office'],
      kind: `handoff.${kind}`,
      title: `【${words.title}】${HANDOFF_KIND_LABELS[h.kind]}线索 ${serial}（${about.subject}）`,
      body: `督查意见：${input.note}。接收单位：${about.unit}，${words.ask}。`,
      subjectType: 'handoff',
      subjectId: id,
      dedupeKey: `handoff-${kind}-${id}-${row.version}`,
      urgent: true,
    });
    if (kind === 'supervise')
      await openOrRaiseCases(tx, [
        { subject: { type: 'handoff', id, conferenceId: h.conferenceId }, level: 2 },
      ]);
    return toHandoff(tx, row, serial);
  });
}
