import { type BriefingSections, type Figures, StatReportStatus } from '@lianxi/domain';
import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { units } from './conference.js';
import { enumValues } from './enum-values.js';
import { conferenceRef, instant } from './columns.js';

export const statReportStatus = pgEnum('stat_report_status', enumValues(StatReportStatus));

/** 月报: one per unit and month; the summaries count only approved ones. */
export const statReports = pgTable(
  'stat_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conferenceId: conferenceRef(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** YYYY-MM */
    month: text('month').notNull(),
    figures: jsonb('figures').notNull().$type<Figures>(),
    note: text('note'),
    status: statReportStatus('status').notNull().default('draft'),
    submittedAt: instant('submitted_at'),
    approvedAt: instant('approved_at'),
    approvedBy: uuid('approved_by').references(() => users.id),
    corrections: integer('corrections').notNull().default(0),
    /** Why the office last sent it back, until it is submitted again. */
    returnReason: text('return_reason'),
    createdAt: instant('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('stat_reports_unit_month').on(t.conferenceId, t.unitId, t.month),
    index().on(t.conferenceId, t.month, t.status),
  ],
);

/** Every set of figures a report has held: corrections never overwrite the past. */
export const statReportRevisions = pgTable(
  'stat_report_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => statReports.id),
    revision: integer('revision').notNull(),
    figures: jsonb('figures').notNull().$type<Figures>(),
    reason: text('reason'),
    by: uuid('by').references(() => users.id),
    at: instant('at').notNull(),
  },
  (t) => [uniqueIndex('stat_report_revision_key').on(t.reportId, t.revision)],
);

export const briefingStatus = pgEnum('briefing_status', ['draft', 'published']);

/** 工作简报 第 N 期: composed from a period's data, edited, then published and frozen. */
export const briefings = pgTable(
  'briefings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conferenceId: conferenceRef(),
    year: integer('year').notNull(),
    issueNo: integer('issue_no').notNull(),
    issuer: text('issuer').notNull(),
    issuedOn: text('issued_on').notNull(),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    status: briefingStatus('status').notNull().default('draft'),
    sections: jsonb('sections').notNull().$type<BriefingSections>(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: instant('created_at').notNull(),
    publishedAt: instant('published_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('briefings_issue_key').on(t.conferenceId, t.year, t.issueNo)],
);
