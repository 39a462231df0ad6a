import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { conferenceRef } from './columns.js';

/**
 * The operation log. Each row's hash chains to the previous row of the same conference, so
 * an edited or deleted row breaks every hash after it.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conferenceId: conferenceRef(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    payload: jsonb('payload').notNull().$type<Record<string, unknown>>(),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index().on(t.conferenceId, t.id),
    index().on(t.conferenceId, t.subjectType, t.subjectId, t.id),
  ],
);

/** Events written in the same transaction as the change; the relay moves them to BullMQ. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    // no foreign key: events are transient, and the conference is only a label on them
    conferenceId: uuid('conference_id'),
    queue: text('queue').notNull(),
    jobName: text('job_name').notNull(),
    jobId: text('job_id'),
    payload: jsonb('payload').notNull().$type<Record<string, unknown>>(),
    /** Not before: the relay turns it into a BullMQ delay. */
    runAt: timestamp('run_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    index('outbox_unpublished_idx')
      .on(t.id)
      .where(sql`${t.publishedAt} IS NULL`),
  ],
);
