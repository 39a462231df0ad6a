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
  /** Where a kind can: lock every still-due row of `ids` in one statement, skipping held ones… */
  lockDue?(ctx: BaseCtx, ids: string[], now: Date): Promise<Row[]>;
  /** …and handle locked rows of one conference together; returns how many had events. */
  processMany?(ctx: Ctx, rows: Row[]): Promise<number>;
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

/** How many due rows one transaction of the sweep takes on: one commit and one chain lock for all. */
export const SWEEP_BATCH = 500;

/**
 * Handles the given due rows in one transaction, skipping rows another worker holds. Should
 * one row fail, the batch is undone and each row is tried in a transaction of its own, so a
 * row that cannot be processed never holds the others back.
 */
async function processBatch<Row extends { conferenceId: string }>(
  kind: ClockKind<Row>,
  base: BaseCtx,
  ids: string[],
): Promise<number> {
  try {
    return await withTransaction(base, async (tx) => {
      const { lockDue, processMany } = kind;
      if (!lockDue || !processMany) {
        let progressed = 0;
        for (const id of ids) {
          const row = await kind.lockIfDue(tx, id, tx.clock.now(), true);
          if (row && (await kind.process(asSystem(tx, row.conferenceId), row)) > 0) progressed++;
        }
        return progressed;
      }
      const byConference = new Map<string, Row[]>();
      for (const row of await lockDue(tx, ids, tx.clock.now())) {
        byConference.set(row.conferenceId, [...(byConference.get(row.conferenceId) ?? []), row]);
      }
      let progressed = 0;
      for (const [conferenceId, rows] of byConference) {
        progressed += await processMany(asSystem(tx, conferenceId), rows);
      }
      return progressed;
    });
  } catch (e) {
    if (ids.length === 1) throw e;
    base.log.warn({ err: e }, 'deadline batch failed; handling its rows one by one');
    let progressed = 0;
    for (const id of ids) {
      try {
        if ((await processIfDue(kind, base, id, true)) > 0) progressed++;
      } catch (err) {
        base.log.error({ err, id }, 'deadline row failed; the next sweep tries it again');
      }
    }
    return progressed;
  }
}

/**
 * The timer's handler. A timer that fires a moment early waits for the due time rather than
 * dropping the event until the next sweep. It then takes on the earliest due rows in one
 * batch — when thousands fall due in the same second, the first timers do the work in a few
 * commits and the rest find nothing left — and finally its own row, should that still be due
 * (held by another worker, it waits for it and then finds it done). Re-reading the locked row
 * is what makes a repeated or concurrent run harmless.
 */
export async function processClock<Row extends { conferenceId: string }>(
  kind: ClockKind<Row>,
  base: BaseCtx,
  id: string,
): Promise<number> {
  const at = await kind.nextCheckAt(base, id);
  const early = at ? at.getTime() - base.clock.now().getTime() : 0;
  if (early > 0 && early <= EARLY_TOLERANCE_MS) await new Promise((r) => setTimeout(r, early));
  const others = (await kind.dueIds(base, base.clock.now(), SWEEP_BATCH)).filter((d) => d !== id);
  const handled = others.length ? await processBatch(kind, base, others) : 0;
  return handled + (await processIfDue(kind, base, id, false));
}

/**
 * The sweep: finds due rows by index and handles them a batch per transaction. Costs what is
 * due, not what is open.
 */
export async function processDue<Row extends { conferenceId: string }>(
  kind: ClockKind<Row>,
  base: BaseCtx,
  batch = SWEEP_BATCH,
  maxPasses = 1000,
): Promise<number> {
  let handled = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const due = await kind.dueIds(base, base.clock.now(), batch);
    const progressed = due.length ? await processBatch(kind, base, due) : 0;
    handled += progressed;
    if (due.length < batch || progressed === 0) return handled;
  }
  return handled;
}
