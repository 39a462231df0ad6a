import type { Handoff } from '@lianxi/domain';
import { handoffs } from '@lianxi/db';

export type HandoffRow = typeof handoffs.$inferSelect;

export const toHandoff = (h: HandoffRow, clueSerial: string): Handoff => ({
  id: h.id,
  clueId: h.clueId,
  clueSerial,
  fromUnitId: h.fromUnitId,
  toUnitId: h.toUnitId,
  kind: h.kind,
  status: h.status,
  reason: h.reason,
  byRule: h.ruleId !== null,
  sentAt: h.sentAt.toISOString(),
  receivedAt: h.receivedAt?.toISOString() ?? null,
  answeredAt: h.answeredAt?.toISOString() ?? null,
  outcome: h.outcome,
  outcomeReason: h.outcomeReason,
});
