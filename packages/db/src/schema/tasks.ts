import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  AssignmentRole,
  EscalationReason,
  ExtensionRequest,
  Priority,
  TaskStatus,
  WorkOrder,
} from '@lianxi/domain';
import { users } from './accounts.js';
import { conferences, units } from './conference.js';
import { enumValues } from './enum-values.js';
import { resolutions } from './meetings.js';
import { conferenceOf, conferenceRef, instant } from './columns.js';

/** The conference's escalation policy (DESIGN §5), as data. */
export const policies = pgTable('policies', {
  conferenceId: uuid('conference_id')
    .primaryKey()
    .references(() => conferences.id),
  policy: jsonb('policy').notNull().$type<Record<string, unknown>>(),
  version: integer('version').notNull().default(1),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/** Document numbers: 打传交〔2026〕12号 is (conference, kind 交, year 2026, 12). */
export const serialCounters = pgTable(
  'serial_counters',
  {
    conferenceId: conferenceRef(),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.conferenceId, t.kind, t.year] })],
);

export const priority = pgEnum('priority', enumValues(Priority));
export const workOrderStatus = pgEnum('work_order_status', enumValues(WorkOrder.shape.status));
export const taskStatus = pgEnum('task_status', enumValues(TaskStatus));
export const assignmentRole = pgEnum('assignment_role', enumValues(AssignmentRole));

export const workOrders = pgTable(
  'work_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conferenceId: conferenceRef(),
    serial: text('serial').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    priority: priority('priority').notNull(),
    status: workOrderStatus('status').notNull().default('open'),
    issuedBy: uuid('issued_by').references(() => users.id),
    issuedAt: instant('issued_at').notNull(),
    dueAt: instant('due_at').notNull(),
    /** The meeting's resolution this order carries out, if any. */
    resolutionId: uuid('resolution_id').references(() => resolutions.id),
    /** The higher conference's order this one carries out (a city's order to a district). */
    parentOrderId: uuid('parent_order_id').references((): AnyPgColumn => workOrders.id),
    /**
     * Whose policy and calendar count its tasks' clocks when the order is a share from above
     * (the issuing conference); null for an order of the conference's own, on its own policy.
     */
    policyConferenceId: uuid('policy_conference_id').references(() => conferences.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('work_orders_parent_order_idx')
      .on(t.parentOrderId)
      .where(sql`${t.parentOrderId} IS NOT NULL`),
    index('work_orders_resolution_idx')
      .on(t.resolutionId)
      .where(sql`${t.resolutionId} IS NOT NULL`),
    uniqueIndex('work_orders_serial_key').on(t.conferenceId, t.serial),
    index().on(t.conferenceId, t.issuedAt),
  ],
);

/** How a deadline was set, so it can be counted again when a year's calendar arrives. */
export type DueBasis =
  | { kind: 'explicit'; at: string }
  | { kind: 'duration'; from: string; amount: number; unit: string };

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conferenceId: conferenceRef(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    role: assignmentRole('role').notNull(),
    status: taskStatus('status').notNull().default('issued'),
    statusBeforeReturn: taskStatus('status_before_return'),
    issuedAt: instant('issued_at').notNull(),
    signDueAt: instant('sign_due_at'),
    returnDueAt: instant('return_due_at'),
    dueAt: instant('due_at').notNull(),
    dueBasis: jsonb('due_basis').notNull().$type<DueBasis>(),
    originalDueAt: instant('original_due_at').notNull(),
    dueSoonAt: instant('due_soon_at'),
    level1At: instant('level1_at').notNull(),
    level2At: instant('level2_at').notNull(),
    level3At: instant('level3_at').notNull(),
    officeDueAt: instant('office_due_at'),
    /** The office's own 督办 and 挂牌督办 while it owes a ruling or a review. */
    officeLevel2At: instant('office_level2_at'),
    officeLevel3At: instant('office_level3_at'),
    /** When the clock stopped (returned / reported), to move deadlines on by the wait. */
    pausedAt: instant('paused_at'),
    /** Time spent paused since the due basis was set: added back when deadlines are recounted. */
    waitedMs: bigint('waited_ms', { mode: 'number' }).notNull().default(0),
    provisional: boolean('provisional').notNull().default(false),
    deadlineVersion: integer('deadline_version').notNull().default(1),
    escalationLevel: smallint('escalation_level').notNull().default(0),
    ladderLevel: smallint('ladder_level').notNull().default(0),
    signReminded: boolean('sign_reminded').notNull().default(false),
    dueSoonSent: boolean('due_soon_sent').notNull().default(false),
    officeLadderLevel: smallint('office_ladder_level').notNull().default(0),
    redFlag: boolean('red_flag').notNull().default(false),
    nextCheckAt: instant('next_check_at'),
    version: integer('version').notNull().default(1),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('tasks_unit_status_idx').on(t.conferenceId, t.unitId, t.status, t.id),
    index('tasks_conference_status_idx').on(t.conferenceId, t.status, t.id),
    index('tasks_work_order_idx').on(t.workOrderId),
    // the inboxes, newest first (read backwards): a unit's own and the office's whole list
    index('tasks_unit_inbox_idx').on(t.conferenceId, t.unitId, t.createdAt, t.id),
    index('tasks_inbox_idx').on(t.conferenceId, t.createdAt, t.id),
    // a unit holds at most one open task of a work order, however rulings race
    uniqueIndex('tasks_one_open_per_unit')
      .on(t.workOrderId, t.unitId)
      .where(sql`${t.status} IN ('issued', 'accepted', 'returned', 'reported')`),
    index('tasks_next_check_idx')
      .on(t.nextCheckAt)
      .where(sql`${t.nextCheckAt} IS NOT NULL`),
    index('tasks_overdue_idx')
      .on(t.conferenceId, t.escalationLevel)
      .where(sql`${t.escalationLevel} > 0`),
  ],
);

export const taskEvents = pgTable(
  'task_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    at: instant('at').notNull(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    fromStatus: taskStatus('from_status'),
    toStatus: taskStatus('to_status'),
    note: text('note'),
    data: jsonb('data').$type<Record<string, unknown>>(),
  },
  (t) => [index().on(t.taskId, t.id)],
);

export const extensionStatus = pgEnum(
  'extension_status',
  enumValues(ExtensionRequest.shape.status),
);

export const extensionRequests = pgTable(
  'extension_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conferenceId: conferenceRef(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    requestedDueAt: instant('requested_due_at').notNull(),
    reason: text('reason').notNull(),
    status: extensionStatus('status').notNull().default('pending'),
    requestedBy: uuid('requested_by'),
    requestedAt: instant('requested_at').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: instant('decided_at'),
    comment: text('comment'),
  },
  (t) => [
    index().on(t.taskId),
    uniqueIndex('extension_one_pending')
      .on(t.taskId)
      .where(sql`${t.status} = 'pending'`),
  ],
);

export const escalationReason = pgEnum('escalation_reason', enumValues(EscalationReason));

/** Each level of each deadline version is reached once: the unique key is the proof. */
export const escalations = pgTable(
  'escalations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conferenceId: conferenceOf(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    level: smallint('level').notNull(),
    reason: escalationReason('reason').notNull(),
    deadlineVersion: integer('deadline_version').notNull(),
    /** When it fell due; `createdAt` is when the engine wrote it. */
    dueAt: instant('due_at').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('escalations_once').on(t.taskId, t.reason, t.level, t.deadlineVersion),
    index().on(t.conferenceId, t.createdAt),
  ],
);
