import {
  chineseDateTime,
  HANDOFF_KIND_LABELS,
  type HandoffClockEvent,
  LEVEL_LABELS,
  rolesToNotify,
} from '@lianxi/domain';
import { clues, handoffEvents, units } from '@lianxi/db';
import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit/append.js';
import { loadConference } from '../calendar/load.js';
import type { DueEvent } from '../clocks/subject.js';
import type { Ctx } from '../context.js';
import { notify } from '../notifications/notify.js';
import { openOrRaiseCases } from '../supervision/open-cases.js';
import type { HandoffRow } from './row.js';

/**
 * Writes the escalation into the timeline once per reason, level and clock version (the
 * unique index decides). Returns false when it exists: its effects have happened too.
 */
async function recordOnce(
  ctx: Ctx,
  h: HandoffRow,
  reason: 'unsigned' | 'overdue' | 'items_overdue',
  level: number,
  dueAt: Date,
): Promise<boolean> {
  const inserted = await ctx.db
    .insert(handoffEvents)
    .values({
      handoffId: h.id,
      kind: 'escalated',
      reason,
      level,
      clockVersion: h.clockVersion,
      text: `时限 ${chineseDateTime(dueAt, (await loadConference(ctx, h.conferenceId)).timeZone)}`,
      at: ctx.clock.now(),
    })
    .onConflictDoNothing()
    .returning({ id: handoffEvents.id });
  if (!inserted.length) return false;
  await appendAudit(ctx, {
    action: 'handoff.escalated',
    subjectType: 'clue',
    subjectId: h.clueId,
    payload: { handoffId: h.id, reason, level, clockVersion: h.clockVersion },
  });
  return true;
}

/** Applies due clock events of hand-offs whose rows the caller holds locked, in order. */
export async function applyHandoffEvents(
  ctx: Ctx,
  due: DueEvent<HandoffRow, HandoffClockEvent>[],
): Promise<void> {
  for (const { row, event, at } of due) await applyHandoffEvent(ctx, row, event, at);
}

async function applyHandoffEvent(
  ctx: Ctx,
  h: HandoffRow,
  event: HandoffClockEvent,
  dueAt: Date,
): Promise<void> {
  const [clue] = await ctx.db
    .select({ serial: clues.serial, unit: units.name })
    .from(clues)
    .innerJoin(units, eq(units.id, h.toUnitId))
    .where(eq(clues.id, h.clueId));
  // every notice names the item, the unit that owes it and what happened
  const what = `${HANDOFF_KIND_LABELS[h.kind]}线索 ${clue.serial}`;
  const by = `接收单位：${clue.unit}。`;
  const level = event.kind === 'level' ? event.level : 1;
  const base = {
    subjectType: 'handoff',
    subjectId: h.id,
    dedupeKey: `handoff-clock-${h.id}-${h.clockVersion}-${event.kind}-${level}`,
    urgent: true,
  };
  const sender = h.fromUnitId ? { units: [h.fromUnitId] } : {};
  switch (event.kind) {
    case 'unsigned':
      if (!(await recordOnce(ctx, h, 'unsigned', 1, dueAt))) return;
      await notify(ctx, {
        ...base,
        units: [h.toUnitId],
        roles: ['office'],
        kind: 'handoff.unsigned',
        title: `【催办】${what}未按时接收`,
        body: `${by}已超过接收时限，请立即接收。`,
      });
      return;
    case 'level': {
      if (!(await recordOnce(ctx, h, 'overdue', event.level, dueAt))) return;
      const referral = h.kind === 'criminal_referral';
      await notify(ctx, {
        ...base,
        units: [h.toUnitId, ...(sender.units ?? [])],
        roles: [...rolesToNotify(event.level)],
        kind: `handoff.level${event.level}`,
        title: `【${LEVEL_LABELS[event.level]}】${what}${referral ? '逾期未作出立案决定' : '逾期未反馈'}`,
        body: referral
          ? `${by}已超过法定审查期限（3日），请立即作出是否立案的决定并书面说明理由。`
          : `${by}已超过办理时限，请立即反馈办理结果。`,
      });
      // 督办 opens the hand-off's supervision case and 挂牌督办 raises it, as for a task
      if (event.level >= 2)
        await openOrRaiseCases(ctx, [
          {
            subject: { type: 'handoff', id: h.id, conferenceId: h.conferenceId },
            level: event.level as 2 | 3,
          },
        ]);
      return;
    }
    case 'items_overdue':
      if (!(await recordOnce(ctx, h, 'items_overdue', 1, dueAt))) return;
      await notify(ctx, {
        ...base,
        ...sender,
        roles: ['office'],
        kind: 'handoff.items_overdue',
        title: `【催办】${what}涉案物品逾期未移交`,
        body: `${what}已立案，涉案物品应于接到立案通知之日起3日内移交公安机关。`,
      });
  }
}
