import { z } from 'zod';
import { Id, Text } from '../common/schemas.js';
import { HandoffKind } from './routing.js';

const Instant = z.iso.datetime({ offset: true });

export const HandoffStatus = z.enum(['sent', 'received', 'answered']);
export type HandoffStatus = z.infer<typeof HandoffStatus>;
export const HANDOFF_STATUS_LABELS: Record<HandoffStatus, string> = {
  sent: '待接收',
  received: '办理中',
  answered: '已反馈',
};

/** How the receiving unit answers (a refusal or a non-crime needs its reasons). */
export const HandoffOutcome = z.enum([
  'handled',
  'case_opened',
  'refused',
  'not_crime',
  'returned',
]);
export type HandoffOutcome = z.infer<typeof HandoffOutcome>;
export const HANDOFF_OUTCOME_LABELS: Record<HandoffOutcome, string> = {
  handled: '已处理',
  case_opened: '已立案',
  refused: '不予立案',
  not_crime: '不构成犯罪，退回',
  returned: '非本单位职责，退回',
};

export const SendHandoffInput = z.object({
  toUnitId: Id,
  kind: HandoffKind,
  reason: Text(2, 2000),
});
export type SendHandoffInput = z.infer<typeof SendHandoffInput>;

export const HandoffResultInput = z
  .object({ outcome: HandoffOutcome, reason: Text(2, 5000).optional() })
  .refine((r) => !['refused', 'not_crime', 'returned'].includes(r.outcome) || r.reason, {
    message: '不予立案、退回须说明理由',
    path: ['reason'],
  });
export type HandoffResultInput = z.infer<typeof HandoffResultInput>;

export const Handoff = z.object({
  id: Id,
  clueId: Id,
  clueSerial: z.string(),
  /** null: sent by the office. */
  fromUnitId: Id.nullable(),
  toUnitId: Id,
  kind: HandoffKind,
  status: HandoffStatus,
  reason: z.string(),
  byRule: z.boolean(),
  sentAt: Instant,
  receivedAt: Instant.nullable(),
  answeredAt: Instant.nullable(),
  outcome: HandoffOutcome.nullable(),
  outcomeReason: z.string().nullable(),
});
export type Handoff = z.infer<typeof Handoff>;

export const HandoffBoxQuery = z.object({
  box: z.enum(['in', 'out']),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type HandoffBoxQuery = z.infer<typeof HandoffBoxQuery>;
