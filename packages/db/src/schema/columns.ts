import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { conferences } from './conference.js';

/** A moment to the millisecond, as the platform's clock gives it. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** The tenant a row belongs to: every query is scoped by it. */
export const conferenceRef = () =>
  uuid('conference_id')
    .notNull()
    .references(() => conferences.id);

/**
 * The tenant of a row on a table written in bulk whose conference already follows from
 * another reference (a notice's user, an escalation's task): a second foreign key would
 * only add a lookup per row to the platform's most written tables.
 */
export const conferenceOf = () => uuid('conference_id').notNull();
