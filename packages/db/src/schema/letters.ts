import { type Assessment, type DeductionItem, type Indicator, LetterStatus } from '@lianxi/domain';
import {
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { units } from './conference.js';
import { enumValues } from './enum-values.js';
import { conferenceRef, instant } from './columns.js';

export const letterStatus = pgEnum('letter_status', enumValues(LetterStatus));

/** 责任书: one per unit and year; the assessment is frozen into it when finalised. */
export const letters = pgTable(
  'letters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conferenceId: conferenceRef(),
    year: integer('year').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    status: letterStatus('status').notNull().default('draft'),
    indicators: jsonb('indicators').notNull().$type<Indicator[]>(),
    deductionItems: jsonb('deduction_items').notNull().$type<DeductionItem[]>(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: instant('created_at').notNull(),
    issuedAt: instant('issued_at'),
    signedAt: instant('signed_at'),
    signedBy: uuid('signed_by').references(() => users.id),
    finalizedAt: instant('finalized_at'),
    finalizedBy: uuid('finalized_by').references(() => users.id),
    /** The assessment as finalised, breakdown and all; never recomputed afterwards. */
    assessment: jsonb('assessment').$type<Assessment>(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('letters_one_per_unit_year').on(t.conferenceId, t.year, t.unitId),
    index().on(t.conferenceId, t.year),
  ],
);

/** Hand-scored indicators: the latest score of each (the audit chain keeps earlier ones). */
export const letterScores = pgTable(
  'letter_scores',
  {
    letterId: uuid('letter_id')
      .notNull()
      .references(() => letters.id),
    indicatorId: uuid('indicator_id').notNull(),
    score: numeric('score', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    note: text('note'),
    scoredBy: uuid('scored_by').references(() => users.id),
    at: instant('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.letterId, t.indicatorId] })],
);

/** Each deduction recorded against a letter, with what happened. */
export const letterDeductions = pgTable(
  'letter_deductions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    letterId: uuid('letter_id')
      .notNull()
      .references(() => letters.id),
    itemId: uuid('item_id').notNull(),
    count: integer('count').notNull(),
    note: text('note').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    at: instant('at').notNull(),
  },
  (t) => [index().on(t.letterId, t.at)],
);
