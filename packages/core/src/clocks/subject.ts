import { unnestRows } from '@lianxi/db';
import { TIMER_WINDOW_MS } from '@lianxi/domain';
import { and, asc, eq, gt, isNotNull, lte, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { BaseCtx, Ctx } from '../context.js';
import { type AnyOutboxEvent, writeOutboxMany } from '../outbox/write.js';
import type { ClockKind } from './runner.js';

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

type Subject = ClockSubject<ClockRow, unknown>;

const versionOf = (s: Subject, row: ClockRow) =>
  (row as unknown as Record<string, number>)[versionKey(s)];

function versionKey(s: Subject): string {
  const key = Object.keys(s.columns).find((k) => s.columns[k] === s.version);
  if (!key) throw new Error('a clock subject must read its version column');
  return key;
}

/**
 * Stores when each row must next be looked at — with `withState`, for every row given, also
 * its clock state as given — in one UPDATE, and asks through the outbox for a timer for each
 * next check within the timer window, in one INSERT. PostgreSQL keeps the time; the timer
 * only makes it punctual, and the reconciler arms later ones as they come near.
 */
export async function scheduleRows<Row extends ClockRow>(
  ctx: Ctx,
  subject: ClockSubject<Row, unknown>,
  rows: Row[],
  opts: { withState?: boolean } = {},
): Promise<(Date | null)[]> {
  const s = subject as unknown as Subject;
  const nexts = rows.map((row) => subject.pending(row)[0]?.at ?? null);
  const moved = rows
    .map((row, i) => ({ row, next: nexts[i] }))
    .filter(({ row, next }) => opts.withState || next?.getTime() !== row.nextCheckAt?.getTime());
  if (moved.length) {
    const columns = { id: s.id, nextCheckAt: s.nextCheckAt, ...(opts.withState ? s.state : {}) };
    const all = unnestRows(
      columns,
      moved.map(({ row, next }) => ({ ...row, nextCheckAt: next })) as never,
    );
    const set = Object.values(columns)
      .filter((c) => c !== s.id)
      .map((c) => sql.raw(`"${c.name}" = v."${c.name}"`));
    await ctx.db.execute(sql`
      UPDATE ${s.table} AS t SET ${sql.join(set, sql`, `)}
        FROM (${all.rows}) AS v
       WHERE t."${sql.raw(s.id.name)}" = v."${sql.raw(s.id.name)}"`);
  }
  const armUntil = ctx.clock.now().getTime() + TIMER_WINDOW_MS;
  await writeOutboxMany(
    ctx,
    rows.flatMap((row, i) => {
      const next = nexts[i];
      return next && next.getTime() <= armUntil
        ? [
            s.timer(
              { id: row.id, conferenceId: row.conferenceId, version: versionOf(s, row) },
              next,
            ),
          ]
        : [];
    }),
  );
  return nexts;
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

/**
 * Timers PostgreSQL says are due within `horizonMs`, as the outbox would have asked for
 * them: the reconciler re-adds them with the same ids, so a Redis that lost its delayed jobs
 * is punctual again, not just eventually right.
 */
export async function upcomingTimers(
  ctx: BaseCtx,
  { subject }: { subject: ClockSubject<ClockRow, unknown> },
  horizonMs: number,
  limit = 10_000,
): Promise<AnyOutboxEvent[]> {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select({
      id: subject.id,
      conferenceId: subject.columns.conferenceId,
      version: subject.version,
      at: subject.nextCheckAt,
    })
    .from(subject.table)
    .where(
      and(
        isNotNull(subject.nextCheckAt),
        gt(subject.nextCheckAt, now),
        lte(subject.nextCheckAt, new Date(now.getTime() + horizonMs)),
      ),
    )
    .limit(limit);
  return rows.map((r) =>
    subject.timer(
      { id: r.id as string, conferenceId: r.conferenceId as string, version: r.version as number },
      r.at as Date,
    ),
  );
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
