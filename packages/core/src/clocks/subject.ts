import { and, asc, eq, isNotNull, lte, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Ctx } from '../context.js';
import type { AnyOutboxEvent } from '../outbox/write.js';
import type { ClockKind } from './runner.js';
import { scheduleRows } from './schedule-rows.js';

/** What every item with clocks has: who it belongs to and when it must next be looked at. */
export interface ClockRow {
  id: string;
  conferenceId: string;
  nextCheckAt: Date | null;
}

/** One due event of a row the engine holds locked. */
export interface DueEvent<Row, Event> {
  row: Row;
  event: Event;
  /** When it fell due (its deadline), not when it was handled. */
  at: Date;
}

/**
 * What the deadline engine must be told of a kind of item (a task, a hand-off): where its
 * rows are, which events its clock has (the domain decides), how its clock state is stored,
 * what a due event does, and which timer wakes it. Everything else — locking, batches,
 * timers within the hour, the sweep, the reconciler — is the engine's, the same for all.
 */
export interface ClockSubject<Row extends ClockRow, Event> {
  table: PgTable;
  id: AnyPgColumn;
  nextCheckAt: AnyPgColumn;
  /** The columns the engine reads of a row. */
  columns: Record<string, AnyPgColumn>;
  /** The clock state an event changes, by row field, written back in one statement. */
  state: Record<string, AnyPgColumn>;
  /** The clock's version: a timer asked for an older version finds nothing to do. */
  version: AnyPgColumn;
  /** Every event still to come for the row, earliest first. */
  pending(row: Row): { at: Date; event: Event }[];
  /** The row's clock state once `event` has been handled. */
  after(row: Row, event: Event): Row;
  /** What due events do (escalations once, notices, cases), for locked rows of one conference. */
  apply(ctx: Ctx, due: DueEvent<Row, Event>[]): Promise<void>;
  /** The timer that wakes the engine for the row at `at`, with a deterministic id. */
  timer(row: { id: string; conferenceId: string; version: number }, at: Date): AnyOutboxEvent;
}

/**
 * Applies everything due on locked rows of one conference: each row's due events in order,
 * its new clock state and next check in one UPDATE with the timers in one outbox INSERT,
 * then the events' effects (which take the audit chain's lock, so they go last).
 */
async function processLocked<Row extends ClockRow, Event>(
  ctx: Ctx,
  subject: ClockSubject<Row, Event>,
  rows: Row[],
): Promise<number> {
  const now = ctx.clock.now().getTime();
  const due: DueEvent<Row, Event>[] = [];
  const changed: Row[] = [];
  let handled = 0;
  for (const row of rows) {
    let current = row;
    const events = subject.pending(row).filter((e) => e.at.getTime() <= now);
    for (const { at, event } of events) {
      due.push({ row, event, at });
      current = subject.after(current, event);
    }
    if (events.length) handled++;
    changed.push(current);
  }
  await scheduleRows(ctx, subject, changed, { withState: true });
  await subject.apply(ctx, due);
  return handled;
}

/** The row queries every subject answers the same way, over its own table. */
export function clockKindOf<Row extends ClockRow, Event>(
  subject: ClockSubject<Row, Event>,
): ClockKind<Row> {
  const { table, id, nextCheckAt, columns } = subject;
  const due = (now: Date): SQL => and(isNotNull(nextCheckAt), lte(nextCheckAt, now))!;
  return {
    async nextCheckAt(ctx, rowId) {
      const [row] = await ctx.db.select({ at: nextCheckAt }).from(table).where(eq(id, rowId));
      return (row?.at as Date | null | undefined) ?? null;
    },
    async lockIfDue(ctx, rowId, now, skipLocked) {
      const [row] = await ctx.db
        .select(columns)
        .from(table)
        .where(and(eq(id, rowId), lte(nextCheckAt, now)))
        .for('update', skipLocked ? { skipLocked: true } : undefined);
      return row as Row | undefined;
    },
    async dueIds(ctx, now, limit) {
      const rows = await ctx.db
        .select({ id })
        .from(table)
        .where(due(now))
        .orderBy(asc(nextCheckAt))
        .limit(limit);
      return rows.map((r) => r.id as string);
    },
    async lockDue(ctx, now, limit) {
      const rows = await ctx.db
        .select(columns)
        .from(table)
        .where(due(now))
        .orderBy(asc(nextCheckAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      return rows as Row[];
    },
    process: (ctx, rows) => processLocked(ctx, subject, rows),
  };
}

/** A subject with the engine's row queries over it: what the runner, sweep and timers take. */
export interface Clocks<Row extends ClockRow> extends ClockKind<Row> {
  subject: ClockSubject<Row, unknown>;
}

export function defineClocks<Row extends ClockRow, Event>(
  subject: ClockSubject<Row, Event>,
): Clocks<Row> {
  return { subject: subject as ClockSubject<Row, unknown>, ...clockKindOf(subject) };
}
