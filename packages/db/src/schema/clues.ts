import {
  ClueCategory,
  ClueChannel,
  Clue as ClueView,
  HandoffEventKind,
  HandoffKind,
  HandoffOutcome,
  HandoffStatus,
  type RoutingConditions,
} from '@lianxi/domain';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { units } from './conference.js';
import { users } from './accounts.js';
import { enumValues } from './enum-values.js';
import { conferenceRef, instant } from './columns.js';

export const clueChannel = pgEnum('clue_channel', enumValues(ClueChannel));
export const clueCategory = pgEnum('clue_category', enumValues(ClueCategory));
export const clueStatus = pgEnum('clue_status', enumValues(ClueView.shape.status));

/** A suspected scheme. Repeat reports of the same subject join the open clue. */
export const clues = pgTable(
  'clues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conferenceId: conferenceRef(),
    serial: text('serial').notNull(),
    channel: clueChannel('channel').notNull(),
    subjectName: text('subject_name').notNull(),
    subjectCreditCode: text('subject_credit_code'),
    subjectUrl: text('subject_url'),
    /** credit:… / host:… / name:…, see subjectKey in the domain. */
    subjectKey: text('subject_key').notNull(),
    township: text('township'),
    category: clueCategory('category').notNull(),
    description: text('description').notNull(),
    participants: integer('participants'),
    levels: integer('levels'),
    amountYuan: numeric('amount_yuan', { precision: 16, scale: 2, mode: 'number' }),
    status: clueStatus('status').notNull().default('open'),
    reportCount: integer('report_count').notNull().default(1),
    /** The unit that holds the clue; null while the office holds it. */
    owningUnitId: uuid('owning_unit_id').references(() => units.id),
    /** 办结: why the clue is closed (a repeat report after this opens a new clue). */
    conclusion: text('conclusion'),
    closedAt: instant('closed_at'),
    closedBy: uuid('closed_by'),
    createdBy: uuid('created_by'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('clues_serial_key').on(t.conferenceId, t.serial),
    // one open clue per subject: a repeat merges into it, however intakes race
    uniqueIndex('clues_one_open_per_subject')
      .on(t.conferenceId, t.subjectKey)
      .where(sql`${t.status} = 'open'`),
    index('clues_owner_idx').on(t.conferenceId, t.owningUnitId, t.createdAt),
    index('clues_recent_idx').on(t.conferenceId, t.createdAt),
  ],
);

/**
 * Each report received, the first and every repeat. The reporter's identity is kept only
 * as AES-256-GCM ciphertext with the id of the key that sealed it (禁止传销条例 Art. 6).
 */
export const clueReports = pgTable(
  'clue_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clueId: uuid('clue_id')
      .notNull()
      .references(() => clues.id),
    channel: clueChannel('channel').notNull(),
    description: text('description').notNull(),
    reporterSealed: text('reporter_sealed'),
    reporterKeyId: text('reporter_key_id'),
    receivedByUnitId: uuid('received_by_unit_id').references(() => units.id),
    createdBy: uuid('created_by'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index().on(t.clueId, t.createdAt)],
);

export const handoffKind = pgEnum('handoff_kind', enumValues(HandoffKind));

/** Where new clues go, as data the office edits: ordered, the first enabled match wins. */
export const routingRules = pgTable(
  'routing_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conferenceId: conferenceRef(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    conditions: jsonb('conditions').notNull().$type<RoutingConditions>(),
    targetUnitId: uuid('target_unit_id')
      .notNull()
      .references(() => units.id),
    kind: handoffKind('kind').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [index().on(t.conferenceId, t.position)],
);

export const handoffStatus = pgEnum('handoff_status', enumValues(HandoffStatus));
export const handoffOutcome = pgEnum('handoff_outcome', enumValues(HandoffOutcome));

/** 线索移送: a clue moved from the office or a unit to the unit that must act. */
export const handoffs = pgTable(
  'handoffs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conferenceId: conferenceRef(),
    clueId: uuid('clue_id')
      .notNull()
      .references(() => clues.id),
    /** null: the office sent it. */
    fromUnitId: uuid('from_unit_id').references(() => units.id),
    toUnitId: uuid('to_unit_id')
      .notNull()
      .references(() => units.id),
    kind: handoffKind('kind').notNull(),
    status: handoffStatus('status').notNull().default('sent'),
    reason: text('reason').notNull(),
    /** The routing rule that sent it, when the worker routed a new clue. */
    ruleId: uuid('rule_id').references(() => routingRules.id, { onDelete: 'set null' }),
    sentBy: uuid('sent_by'),
    sentAt: instant('sent_at').notNull(),
    receivedAt: instant('received_at'),
    answeredAt: instant('answered_at'),
    outcome: handoffOutcome('outcome'),
    outcomeReason: text('outcome_reason'),
    /** The referral a 立案监督 request contests. */
    parentHandoffId: uuid('parent_handoff_id').references((): AnyPgColumn => handoffs.id),
    // The receiving unit's clocks, counted like a task's (DESIGN §6)
    signDueAt: instant('sign_due_at'),
    resultDueAt: instant('result_due_at'),
    level1At: instant('level1_at'),
    level2At: instant('level2_at'),
    level3At: instant('level3_at'),
    provisional: boolean('provisional').notNull().default(false),
    /** Bumped when a new limit replaces the old (a reconsideration): its ladder starts again. */
    clockVersion: integer('clock_version').notNull().default(1),
    ladderLevel: smallint('ladder_level').notNull().default(0),
    escalationLevel: smallint('escalation_level').notNull().default(0),
    signReminded: boolean('sign_reminded').notNull().default(false),
    nextCheckAt: instant('next_check_at'),
    // A refused referral: the sender may contest it until appeal_due_at
    reconsiderationRequestedAt: instant('reconsideration_requested_at'),
    reconsiderationReason: text('reconsideration_reason'),
    appealDueAt: instant('appeal_due_at'),
    supervisionRequestedAt: instant('supervision_requested_at'),
    // A case opened: the sender hands the seized items over by items_due_at
    itemsDueAt: instant('items_due_at'),
    itemsHandedOverAt: instant('items_handed_over_at'),
    itemsNote: text('items_note'),
    itemsReminded: boolean('items_reminded').notNull().default(false),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('handoffs_in_idx').on(t.conferenceId, t.toUnitId, t.sentAt),
    index('handoffs_out_idx').on(t.conferenceId, t.fromUnitId, t.sentAt),
    index('handoffs_clue_idx').on(t.clueId),
    // a clue is routed by rule once, however often the routing job runs
    uniqueIndex('handoffs_routed_once')
      .on(t.clueId)
      .where(sql`${t.ruleId} IS NOT NULL`),
    // one 立案监督 request per refused referral
    uniqueIndex('handoffs_one_supervision_request')
      .on(t.parentHandoffId)
      .where(sql`${t.parentHandoffId} IS NOT NULL`),
    index('handoffs_next_check_idx')
      .on(t.nextCheckAt)
      .where(sql`${t.nextCheckAt} IS NOT NULL`),
  ],
);

export const handoffEventKind = pgEnum('handoff_event_kind', enumValues(HandoffEventKind));

/**
 * A hand-off's history, for its timeline. An escalation is written here once per reason,
 * level and clock version: the unique index is the proof, as for tasks.
 */
export const handoffEvents = pgTable(
  'handoff_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    handoffId: uuid('handoff_id')
      .notNull()
      .references(() => handoffs.id),
    kind: handoffEventKind('kind').notNull(),
    /** The acting unit; null for the office or the platform. */
    unitId: uuid('unit_id').references(() => units.id),
    /** The acting person; null for the platform's own clock. */
    actorId: uuid('actor_id').references(() => users.id),
    outcome: handoffOutcome('outcome'),
    /** Escalations: unsigned, overdue (result or decision), items_overdue. */
    reason: text('reason'),
    level: smallint('level'),
    clockVersion: integer('clock_version'),
    text: text('text'),
    at: instant('at').notNull(),
  },
  (t) => [
    index().on(t.handoffId, t.id),
    uniqueIndex('handoff_escalated_once')
      .on(t.handoffId, t.reason, t.level, t.clockVersion)
      .where(sql`${t.kind} = 'escalated'`),
  ],
);
