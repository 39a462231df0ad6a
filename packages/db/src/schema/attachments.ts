import { bigint, check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './accounts.js';
import { clues } from './clues.js';
import { units } from './conference.js';
import { conferenceRef, instant } from './columns.js';
import { taskEvents, tasks, workOrders } from './tasks.js';

/**
 * What every attachment records of its file, whatever it is attached to: the bytes live
 * once under the data directory, named by their sha256, and are typed by their content.
 */
const fileColumns = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  conferenceId: conferenceRef(),
  sha256: text('sha256').notNull(),
  size: integer('size').notNull(),
  mediaType: text('media_type').notNull(),
  fileName: text('file_name').notNull(),
  uploadedBy: uuid('uploaded_by').references(() => users.id),
  uploadedByUnitId: uuid('uploaded_by_unit_id').references(() => units.id),
  createdAt: instant('created_at').notNull(),
});

/** A clue's evidence. */
export const clueAttachments = pgTable(
  'clue_attachments',
  {
    ...fileColumns(),
    clueId: uuid('clue_id')
      .notNull()
      .references(() => clues.id),
  },
  (t) => [index().on(t.clueId, t.createdAt)],
);

/**
 * A work order's files: the order's own (the notice, a list of addresses; no task), or a
 * unit's evidence on its task, optionally tied to the progress or result entry it came with.
 * The order is always set, so "every file of this order" is one index scan.
 */
export const workOrderAttachments = pgTable(
  'work_order_attachments',
  {
    ...fileColumns(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    taskId: uuid('task_id').references(() => tasks.id),
    taskEventId: bigint('task_event_id', { mode: 'number' }).references(() => taskEvents.id),
  },
  (t) => [
    index().on(t.workOrderId, t.createdAt),
    index()
      .on(t.taskId, t.createdAt)
      .where(sql`${t.taskId} IS NOT NULL`),
    check(
      'work_order_attachments_event_has_task',
      sql`${t.taskEventId} IS NULL OR ${t.taskId} IS NOT NULL`,
    ),
  ],
);
