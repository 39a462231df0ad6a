import { DutyArea, JurisdictionLevel, UnitKind, UnitRole } from '@lianxi/domain';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { enumValues } from './enum-values.js';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const jurisdictionLevel = pgEnum('jurisdiction_level', enumValues(JurisdictionLevel));

export const jurisdictions = pgTable(
  'jurisdictions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => jurisdictions.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: jurisdictionLevel('level').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('jurisdictions_code_key').on(t.code), index().on(t.parentId)],
);

export const conferences = pgTable(
  'conferences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The conference directly above (a city's above a district's); null at the top. */
    parentId: uuid('parent_id').references((): AnyPgColumn => conferences.id),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    name: text('name').notNull(),
    /** The office's document prefix, e.g. 打传交 in 打传交〔2026〕12号. */
    serialPrefix: text('serial_prefix').notNull(),
    timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('conferences_name_key').on(t.name), index().on(t.parentId)],
);

export const unitRole = pgEnum('unit_role', enumValues(UnitRole));
export const unitKind = pgEnum('unit_kind', enumValues(UnitKind));
export const dutyArea = pgEnum('duty_area', enumValues(DutyArea));

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conferenceId: uuid('conference_id')
      .notNull()
      .references(() => conferences.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    role: unitRole('role').notNull().default('member'),
    kind: unitKind('kind').notNull().default('department'),
    jurisdictionId: uuid('jurisdiction_id').references(() => jurisdictions.id),
    /** Hosts the coordination office (打传办). */
    hostsOffice: boolean('hosts_office').notNull().default(false),
    webhookUrl: text('webhook_url'),
    sort: integer('sort').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_conference_code_key').on(t.conferenceId, t.code),
    uniqueIndex('units_conference_name_key').on(t.conferenceId, t.name),
    uniqueIndex('units_one_office_host')
      .on(t.conferenceId)
      .where(sql`${t.hostsOffice}`),
  ],
);

export const duties = pgTable(
  'duties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    area: dutyArea('area').notNull(),
    text: text('text').notNull(),
    sort: integer('sort').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.unitId, t.sort)],
);
