import { boolean, date, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A year whose official schedule is held: deadlines in it are exact, not provisional. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  source: text('source').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Only the exceptions are stored: statutory holidays and make-up workdays (调休). */
export const calendarDays = pgTable('calendar_days', {
  date: date('date', { mode: 'string' }).primaryKey(),
  year: integer('year')
    .notNull()
    .references(() => calendarYears.year, { onDelete: 'cascade' }),
  workday: boolean('workday').notNull(),
  name: text('name'),
});
