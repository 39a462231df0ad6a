import { type Attendee, MeetingKind } from '@lianxi/domain';
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

export const meetingKind = pgEnum('meeting_kind', enumValues(MeetingKind));

/** 联席会议: plenary, regular or special, with who attended and the minutes. */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conferenceId: conferenceRef(),
    kind: meetingKind('kind').notNull(),
    title: text('title').notNull(),
    heldAt: instant('held_at').notNull(),
    place: text('place'),
    chair: text('chair'),
    attendees: jsonb('attendees').notNull().$type<Attendee[]>(),
    minutes: text('minutes'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: instant('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index().on(t.conferenceId, t.heldAt)],
);

/** 议定事项: what a meeting decided; work orders issued for it point back here. */
export const resolutions = pgTable(
  'resolutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conferenceId: conferenceRef(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    seq: integer('seq').notNull(),
    text: text('text').notNull(),
    leadUnitId: uuid('lead_unit_id').references(() => units.id),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [uniqueIndex('resolutions_seq_key').on(t.meetingId, t.seq)],
);
