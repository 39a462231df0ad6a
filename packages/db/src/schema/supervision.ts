import { SupervisionCase } from '@lianxi/domain';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  pgEnum,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { handoffs } from './clues.js';
import { tasks } from './tasks.js';
import { enumValues } from './enum-values.js';
import { conferenceOf, conferenceRef, instant } from './columns.js';

export const caseStatus = pgEnum('case_status', enumValues(SupervisionCase.shape.status));

/**
 * 督办件: opened when a task or a hand-off reaches level 2, or a supervisor lists it; one open
 * case per subject. The subject is one of two references, so each keeps its foreign key.
 */
export const supervisionCases = pgTable(
  'supervision_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conferenceId: conferenceRef(),
    taskId: uuid('task_id').references(() => tasks.id),
    handoffId: uuid('handoff_id').references(() => handoffs.id),
    level: smallint('level').notNull(),
    status: caseStatus('status').notNull().default('open'),
    openedAt: instant('opened_at').notNull(),
    closedAt: instant('closed_at'),
    closedBy: uuid('closed_by').references(() => users.id),
    conclusion: text('conclusion'),
    accountability: text('accountability'),
  },
  (t) => [
    uniqueIndex('supervision_one_open_case')
      .on(t.taskId)
      .where(sql`${t.status} = 'open'`),
    uniqueIndex('supervision_one_open_handoff_case')
      .on(t.handoffId)
      .where(sql`${t.status} = 'open'`),
    check('supervision_case_one_subject', sql`num_nonnulls(${t.taskId}, ${t.handoffId}) = 1`),
    index().on(t.conferenceId, t.status, t.openedAt),
  ],
);

export const supervisionOpinions = pgTable(
  'supervision_opinions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => supervisionCases.id),
    authorId: uuid('author_id').references(() => users.id),
    text: text('text').notNull(),
    at: instant('at').notNull(),
  },
  (t) => [index().on(t.caseId, t.at)],
);

/** The in-app inbox: one row per recipient user; the dedupe key makes re-runs harmless. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conferenceId: conferenceOf(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    dedupeKey: text('dedupe_key').notNull(),
    urgent: boolean('urgent').notNull().default(false),
    createdAt: instant('created_at').notNull(),
    readAt: instant('read_at'),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_key').on(t.dedupeKey, t.userId),
    index('notifications_inbox_idx').on(t.userId, t.createdAt),
  ],
);
