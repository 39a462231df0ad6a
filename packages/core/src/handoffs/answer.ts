import {
  AppError,
  HANDOFF_OUTCOME_LABELS,
  type Handoff,
  type HandoffResultInput,
  isRefusal,
  REFERRAL_OUTCOMES,
  referralDue,
} from '@lianxi/domain';
import { handoffs } from '@lianxi/db';
import { eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import type { Ctx } from '../context.js';
import { notify } from '../notifications/notify.js';
import { loadDeadlineEnv } from '../tasks/deadline-env.js';
import { withTransaction } from '../transaction.js';
import { scheduleHandoffClock } from './clock.js';
import { recordHandoffEvent } from './events.js';
import { lockHandoffAs } from './row.js';
import { toHandoff } from './view.js';

/**
 * 反馈: the receiving unit answers, and the sender (a unit, or the office) is told. A
 * referral's answer is a decision: a refusal opens the sender's 3 days to contest it, a
 * case opened starts the sender's 3 days to hand the seized items over.
 */
export async function answerHandoff(
  ctx: Ctx,
  id: string,
  input: HandoffResultInput,
): Promise<Handoff> {
  return withTransaction(ctx, async (tx) => {
    const { h, serial } = await lockHandoffAs(tx, id, 'receiver');
    if (h.status !== 'received' && h.status !== 'reconsidering') {
      throw new AppError(
        'illegal_transition',
        h.status === 'sent' ? '请先接收再反馈' : '该移送已反馈',
      );
    }
    const referral = h.kind === 'criminal_referral';
    if (referral && !REFERRAL_OUTCOMES.includes(input.outcome)) {
      throw new AppError('rule_violation', '涉嫌犯罪案件移送须作出立案或不予立案的决定', {
        errors: [{ field: 'body.outcome', message: '请选择已立案、不予立案或不构成犯罪' }],
      });
    }
    const now = ctx.clock.now();
    const { cal, timeZone } = await loadDeadlineEnv(tx, now);
    const due = (limit: Parameters<typeof referralDue>[3]) =>
      referralDue(cal, timeZone, now, limit);
    const reconsideration = h.status === 'reconsidering';
    const [row] = await tx.db
      .update(handoffs)
      .set({
        status: 'answered',
        answeredAt: now,
        outcome: input.outcome,
        outcomeReason: input.reason ?? null,
        appealDueAt:
          referral && isRefusal(input.outcome)
            ? due(reconsideration ? 'procuratorateWindow' : 'reconsiderationWindow')
            : null,
        itemsDueAt: referral && input.outcome === 'case_opened' ? due('itemsHandover') : null,
        version: sql`${handoffs.version} + 1`,
      })
      .where(eq(handoffs.id, id))
      .returning();
    await recordHandoffEvent(tx, {
      handoffId: id,
      kind: 'answered',
      outcome: input.outcome,
      text: input.reason ?? null,
    });
    await appendAudit(tx, {
      action: 'handoff.answered',
      subjectType: 'clue',
      subjectId: h.clueId,
      payload: { handoffId: id, outcome: input.outcome, reason: input.reason ?? null },
    });
    await notify(tx, {
      ...(h.fromUnitId ? { units: [h.fromUnitId] } : { roles: ['office'] }),
      kind: 'handoff.answered',
      title: `移送线索 ${serial} ${reconsideration ? '复议决定' : '已反馈'}：${HANDOFF_OUTCOME_LABELS[input.outcome]}`,
      body: input.reason ?? HANDOFF_OUTCOME_LABELS[input.outcome],
      subjectType: 'handoff',
      subjectId: id,
      dedupeKey: `handoff-answered-${id}-${row.clockVersion}`,
    });
    await scheduleHandoffClock(tx, row);
    return toHandoff(tx, row, serial);
  });
}
