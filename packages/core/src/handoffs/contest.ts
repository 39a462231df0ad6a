import {
  AppError,
  type Handoff,
  type HandoffReasonInput,
  isRefusal,
  planHandoff,
  PROCURATORATE_UNIT_CODE,
} from '@lianxi/domain';
import { handoffs, units } from '@lianxi/db';
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import type { Ctx } from '../context.js';
import { notify } from '../notifications/notify.js';
import { loadDeadlineEnv } from '../tasks/deadline-env.js';
import { withTransaction } from '../transaction.js';
import { scheduleHandoffClock } from './clock.js';
import { recordHandoffEvent } from './events.js';
import { type HandoffRow, lockHandoffAs } from './row.js';
import { openHandoff } from './send.js';
import { toHandoff } from './view.js';

/** A refused referral the sender may still contest: the same rule the pages are offered. */
function requireContestable(ctx: Ctx, h: HandoffRow, what: string): void {
  if (h.kind !== 'criminal_referral' || h.status !== 'answered' || !isRefusal(h.outcome)) {
    throw new AppError('illegal_transition', `只有不予立案的涉嫌犯罪案件移送可以${what}`);
  }
  if (h.supervisionRequestedAt) {
    throw new AppError('illegal_transition', '已建议检察院立案监督');
  }
  if (!h.appealDueAt || ctx.clock.now().getTime() > h.appealDueAt.getTime()) {
    throw new AppError('rule_violation', `已超过${what}期限（接到不予立案通知之日起3日内）`);
  }
}

/**
 * 提请复议: within 3 days of a refusal the referring unit asks the police to reconsider;
 * they decide again within 3 days, on a new clock with its own ladder.
 */
export async function requestReconsideration(
  ctx: Ctx,
  id: string,
  input: HandoffReasonInput,
): Promise<Handoff> {
  return withTransaction(ctx, async (tx) => {
    const { h, serial } = await lockHandoffAs(tx, id, 'sender');
    requireContestable(tx, h, '提请复议');
    if (h.reconsiderationRequestedAt) throw new AppError('illegal_transition', '已提请过复议');
    const now = ctx.clock.now();
    const env = await loadDeadlineEnv(tx, now);
    const plan = planHandoff(env.cal, env.timeZone, env.policy, now, 'reconsideration');
    const [row] = await tx.db
      .update(handoffs)
      .set({
        status: 'reconsidering',
        reconsiderationRequestedAt: now,
        reconsiderationReason: input.reason,
        appealDueAt: null,
        signDueAt: null,
        resultDueAt: plan.resultDueAt,
        level1At: plan.levelAt[0],
        level2At: plan.levelAt[1],
        level3At: plan.levelAt[2],
        provisional: plan.provisional,
        ladderLevel: 0,
        clockVersion: sql`${handoffs.clockVersion} + 1`,
        version: sql`${handoffs.version} + 1`,
      })
      .where(eq(handoffs.id, id))
      .returning();
    await recordHandoffEvent(tx, {
      handoffId: id,
      kind: 'reconsideration_requested',
      text: input.reason,
    });
    await appendAudit(tx, {
      action: 'handoff.reconsideration_requested',
      subjectType: 'clue',
      subjectId: h.clueId,
      payload: { handoffId: id, reason: input.reason },
    });
    await notify(tx, {
      units: [h.toUnitId],
      roles: ['office'],
      kind: 'handoff.reconsideration',
      title: `移送案件 ${serial} 提请复议，请于3日内作出决定`,
      body: input.reason,
      subjectType: 'handoff',
      subjectId: id,
      dedupeKey: `handoff-reconsider-${id}`,
      urgent: true,
    });
    await scheduleHandoffClock(tx, row);
    return toHandoff(tx, row, serial);
  });
}

/**
 * 建议立案监督: within 3 days of a refusal (or of the refusal upheld on reconsideration)
 * the referring unit refers it to the procuratorate, as a hand-off of its own with its
 * own clocks. Once per refusal.
 */
export async function requestProcuratorateSupervision(
  ctx: Ctx,
  id: string,
  input: HandoffReasonInput,
): Promise<Handoff> {
  return withTransaction(ctx, async (tx) => {
    const { h } = await lockHandoffAs(tx, id, 'sender');
    requireContestable(tx, h, '建议立案监督');
    const [procuratorate] = await tx.db
      .select({ id: units.id })
      .from(units)
      .where(
        and(eq(units.conferenceId, ctx.conferenceId), eq(units.code, PROCURATORATE_UNIT_CODE)),
      );
    if (!procuratorate) throw new AppError('rule_violation', '本联席会议没有检察院成员单位');
    const now = ctx.clock.now();
    await tx.db
      .update(handoffs)
      .set({ supervisionRequestedAt: now, version: sql`${handoffs.version} + 1` })
      .where(eq(handoffs.id, id));
    await recordHandoffEvent(tx, {
      handoffId: id,
      kind: 'procuratorate_requested',
      text: input.reason,
    });
    const { row, serial } = await openHandoff(
      tx,
      h.clueId,
      { toUnitId: procuratorate.id, kind: 'supervision_request', reason: input.reason },
      { parentHandoffId: id },
    );
    return toHandoff(tx, row, serial);
  });
}
