import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { conferences } from './conference.js';

/** A moment to the millisecond, as the platform's clock gives it. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** The tenant a row belongs to: every query is scoped by it. */
export const conferenceRef = () =>
  uuid('conference_id')
    .notNull()
    .references(() => conferences.id);
