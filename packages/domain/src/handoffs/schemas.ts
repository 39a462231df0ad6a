import { z } from 'zod';
import { Id, Instant, Text } from '../common/schemas.js';
import { Day, Keyword, Level, listQuery } from '../common/list-query.js';
import { HandoffKind } from '../clues/routing.js';

export const HandoffStatus = z.enum(['sent', 'received', 'reconsidering', 'answered']);
export type HandoffStatus = z.infer<typeof HandoffStatus>;
export const HANDOFF_STATUS_LABELS: Record<HandoffStatus, string> = {
  sent: '待接收',
  received: '办理中',
  reconsidering: '复议中',
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

/** The answers a 行政→刑事 referral allows: the police open a case or say why not. */
export const REFERRAL_OUTCOMES: readonly HandoffOutcome[] = ['case_opened', 'refused', 'not_crime'];
/** A refusal of a referral the sender may contest (复议, 立案监督). */
export const isRefusal = (o: HandoffOutcome | null) => o === 'refused' || o === 'not_crime';

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

/** 提请复议, 建议立案监督, 移交涉案物品: the sender's acts, each with its reasons or note. */
export const HandoffReasonInput = z.object({ reason: Text(2, 2000) });
export type HandoffReasonInput = z.infer<typeof HandoffReasonInput>;

/** What the caller may do with a hand-off now; the pages offer exactly these. */
export const HandoffAction = z.enum([
  'receive',
  'answer',
  'reconsider',
  'procuratorate',
  'hand_over_items',
  'urge',
  'supervise',
]);
export type HandoffAction = z.infer<typeof HandoffAction>;

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
  /** The referral a 立案监督 request contests. */
  parentHandoffId: Id.nullable(),
  sentAt: Instant,
  receivedAt: Instant.nullable(),
  answeredAt: Instant.nullable(),
  outcome: HandoffOutcome.nullable(),
  outcomeReason: z.string().nullable(),
  /** The receiving unit's limits: sign for it, then answer (for a referral: decide). */
  signDueAt: Instant.nullable(),
  resultDueAt: Instant.nullable(),
  escalationLevel: z.number().int(),
  reconsiderationRequestedAt: Instant.nullable(),
  reconsiderationReason: z.string().nullable(),
  /** Until when the sender may contest a refusal (复议 or 立案监督). */
  appealDueAt: Instant.nullable(),
  /** After a case is opened, the sender hands the seized items over by then. */
  itemsDueAt: Instant.nullable(),
  itemsHandedOverAt: Instant.nullable(),
  /** Sent back with a supervisor's 催办 / 督办, so two supervisors do not act on one state. */
  version: z.number().int(),
  actions: z.array(HandoffAction),
});
export type Handoff = z.infer<typeof Handoff>;

export const HandoffEventKind = z.enum([
  'sent',
  'received',
  'answered',
  'reconsideration_requested',
  'procuratorate_requested',
  'items_handed_over',
  'escalated',
  'urged',
  'supervised',
]);
export type HandoffEventKind = z.infer<typeof HandoffEventKind>;
export const HANDOFF_EVENT_LABELS: Record<HandoffEventKind, string> = {
  sent: '移送',
  received: '接收',
  answered: '反馈',
  reconsideration_requested: '提请复议',
  procuratorate_requested: '建议检察院立案监督',
  items_handed_over: '移交涉案物品',
  escalated: '逾期督办',
  urged: '人工催办',
  supervised: '人工督办',
};

export const HandoffEvent = z.object({
  at: Instant,
  kind: HandoffEventKind,
  /** null: the office or the platform. */
  unitId: Id.nullable(),
  /** Who acted, by name; null for the platform's clock and for steps recorded before names were. */
  actorName: z.string().nullable(),
  outcome: HandoffOutcome.nullable(),
  level: z.number().int().nullable(),
  text: z.string().nullable(),
});
export type HandoffEvent = z.infer<typeof HandoffEvent>;

export const HandoffDetail = Handoff.extend({ events: z.array(HandoffEvent) });
export type HandoffDetail = z.infer<typeof HandoffDetail>;

/** 移送件: `unitId` is the other side (the receiver of the out-box, the sender of the in-box). */
export const HandoffBoxQuery = listQuery(
  {
    box: z.enum(['in', 'out']),
    q: Keyword,
    status: HandoffStatus.optional(),
    kind: HandoffKind.optional(),
    unitId: Id.optional(),
    level: Level.optional(),
    from: Day.optional(),
    to: Day.optional(),
  },
  ['sentAt', 'resultDueAt', 'level'],
);
export type HandoffBoxQuery = z.infer<typeof HandoffBoxQuery>;

/** The member unit a refused referral goes to for 立案监督 (API.md unit codes). */
export const PROCURATORATE_UNIT_CODE = 'jcy';
