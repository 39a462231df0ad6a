import { type BaseCtx, type Ctx, systemActor } from '../context.js';
import { withTransaction } from '../transaction.js';

/** What the deadline engine needs of a kind of clock (a task's, a hand-off's). */
export interface ClockKind<Row extends { conferenceId: string }> {
  /** When the row must next be looked at (no lock). */
  nextCheckAt(ctx: BaseCtx, id: string): Promise<Date | null>;
  /** The row, locked, when it is due at `now`; undefined otherwise or when skipped. */
  lockIfDue(ctx: BaseCtx, id: string, now: Date, skipLocked: boolean): Promise<Row | undefined>;
  /** Due rows by index, earliest first. */
  dueIds(ctx: BaseCtx, now: Date, limit: number): Promise<string[]>;
  /** Applies what is due on the locked row and sets its next check; returns events applied. */
  process(ctx: Ctx, row: Row): Promise<number>;
}

/** How early a timer may fire (clocks of different hosts differ a little) and still be served. */
const EARLY_TOLERANCE_MS = 5000;

const asSystem = (ctx: BaseCtx, conferenceId: string): Ctx => ({
  ...ctx,
  actor: systemActor,
  conferenceId,
});

async function processIfDue<Row extends { conferenceId: string }>(
  kind: ClockKind<Row>,
  base: BaseCtx,
  id: string,
  skipLocked: boolean,
): Promise<number> {
  return withTransaction(base, async (tx) => {
    const row = await kind.lockIfDue(tx, id, tx.clock.now(), skipLocked);
    return row ? kind.process(asSystem(tx, row.conferenceId), row) : 0;
  });
}

/**
 * The timer's handler: one row, in one short transaction. A timer that fires a moment early
 * waits for the due time rather than dropping the event until the next sweep. Re-reading
 * the locked row is what makes a repeated or concurrent run harmless.
 */
export async function processClock<Row extends { conferenceId: string }>(
  kind: ClockKind<Row>,
  base: BaseCtx,
  id: string,
): Promise<number> {
  const at = await kind.nextCheckAt(base, id);
  const early = at ? at.getTime() - base.clock.now().getTime() : 0;
  if (early > 0 && early <= EARLY_TOLERANCE_MS) await new Promise((r) => setTimeout(r, early));
  return processIfDue(kind, base, id, false);
}

/**
 * The sweep: finds due rows by index, then handles each in its own transaction, skipping
 * rows another worker holds. Costs what is due, not what is open, and never holds one
 * row's lock while waiting on another conference's audit chain.
 */
export async function processDue<Row extends { conferenceId: string }>(
  kind: ClockKind<Row>,
  base: BaseCtx,
  batch = 200,
  maxPasses = 1000,
): Promise<number> {
  let handled = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const due = await kind.dueIds(base, base.clock.now(), batch);
    let progressed = 0;
    for (const id of due) {
      if ((await processIfDue(kind, base, id, true)) > 0) progressed++;
    }
    handled += progressed;
    if (due.length < batch || progressed === 0) return handled;
  }
  return handled;
}
