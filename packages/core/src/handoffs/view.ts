import { type Handoff, handoffActions } from '@lianxi/domain';
import type { Ctx } from '../context.js';
import { type HandoffRow, toHandoffFacts, viewerOf } from './row.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The hand-off as the caller sees it, with what the caller may do with it now. */
export const toHandoff = (ctx: Ctx, h: HandoffRow, clueSerial: string): Handoff => ({
  id: h.id,
  clueId: h.clueId,
  clueSerial,
  fromUnitId: h.fromUnitId,
  toUnitId: h.toUnitId,
  kind: h.kind,
  status: h.status,
  reason: h.reason,
  byRule: h.ruleId !== null,
  parentHandoffId: h.parentHandoffId,
  sentAt: h.sentAt.toISOString(),
  receivedAt: iso(h.receivedAt),
  answeredAt: iso(h.answeredAt),
  outcome: h.outcome,
  outcomeReason: h.outcomeReason,
  signDueAt: iso(h.signDueAt),
  resultDueAt: iso(h.resultDueAt),
  escalationLevel: h.escalationLevel,
  reconsiderationRequestedAt: iso(h.reconsiderationRequestedAt),
  reconsiderationReason: h.reconsiderationReason,
  appealDueAt: iso(h.appealDueAt),
  itemsDueAt: iso(h.itemsDueAt),
  itemsHandedOverAt: iso(h.itemsHandedOverAt),
  version: h.version,
  actions: handoffActions(toHandoffFacts(h), viewerOf(ctx), ctx.clock.now()),
});
