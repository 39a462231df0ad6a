import {
  AppError,
  HANDOFF_KIND_LABELS,
  type Handoff,
  notFound,
  planHandoff,
  type SendHandoffInput,
} from '@lianxi/domain';
import { clues, handoffs, units } from '@lianxi/db';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { clueScope } from '../common/clue-scope.js';
import { type Ctx, requireRole } from '../context.js';
import { notify } from '../notifications/notify.js';
import { loadDeadlineEnv } from '../tasks/deadline-env.js';
import { withTransaction } from '../transaction.js';
import { scheduleHandoffClock } from './clock.js';
import { recordHandoffEvent } from './events.js';
import type { HandoffRow } from './row.js';
import { toHandoff } from './view.js';

export interface HandoffOrigin {
  /** The routing rule that sent it, when the worker routed a new clue. */
  ruleId?: string | null;
  /** The refused referral a 立案监督 request contests. */
  parentHandoffId?: string | null;
}

/**
 * Opens a hand-off inside the caller's transaction, with the receiving unit's clocks
 * running: sign for it, then answer (a referral: decide within the law's 3 days).
 */
export async function openHandoff(
  ctx: Ctx,
  clueId: string,
  input: SendHandoffInput,
  origin: HandoffOrigin = {},
): Promise<{ row: HandoffRow; serial: string }> {
  const [clue] = await ctx.db
    .select()
    .from(clues)
    .where(and(eq(clues.id, clueId), clueScope(ctx)));
  if (!clue) throw notFound('线索');
  const [target] = await ctx.db
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
  const now = ctx.clock.now();
  const env = await loadDeadlineEnv(ctx, now);
  const plan = planHandoff(env.cal, env.timeZone, env.policy, now, { kind: input.kind });
  const [row] = await ctx.db
    .insert(handoffs)
    .values({
      conferenceId: ctx.conferenceId,
      clueId,
      fromUnitId: from,
      toUnitId: input.toUnitId,
      kind: input.kind,
      reason: input.reason,
      ruleId: origin.ruleId ?? null,
      parentHandoffId: origin.parentHandoffId ?? null,
      sentBy: ctx.actor.userId,
      sentAt: now,
      signDueAt: plan.signDueAt,
      resultDueAt: plan.resultDueAt,
      level1At: plan.levelAt[0],
      level2At: plan.levelAt[1],
      level3At: plan.levelAt[2],
      provisional: plan.provisional,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    throw new AppError(
      'conflict',
      origin.parentHandoffId ? '已就该不予立案决定建议立案监督' : '该线索已按规则分流',
    );
  }
  await recordHandoffEvent(ctx, { handoffId: row.id, kind: 'sent', text: input.reason });
  await appendAudit(ctx, {
    action: 'handoff.sent',
    subjectType: 'clue',
    subjectId: clueId,
    payload: {
      handoffId: row.id,
      toUnitId: input.toUnitId,
      kind: input.kind,
      ruleId: origin.ruleId ?? null,
      parentHandoffId: origin.parentHandoffId ?? null,
    },
  });
  await notify(ctx, {
    units: [input.toUnitId],
    kind: 'handoff.sent',
    title: `收到${HANDOFF_KIND_LABELS[input.kind]}线索 ${clue.serial}，请接收`,
    body: input.reason,
    subjectType: 'handoff',
    subjectId: row.id,
    dedupeKey: `handoff-sent-${row.id}`,
  });
  await scheduleHandoffClock(ctx, row);
  return { row, serial: clue.serial };
}

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
    const { row, serial } = await openHandoff(tx, clueId, input, { ruleId });
    return toHandoff(tx, row, serial);
  });
}
