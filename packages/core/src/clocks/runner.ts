import { type BaseCtx, type Ctx, systemActor } from '../context.js';
import { withTransaction } from '../transaction.js';

/** What the deadline engine needs of a kind of clock (a task's, a hand-off's). */
export interface ClockKind<Row extends { conferenceId: string }> {
  /** When the row must next be looked at (no lock). */
  nextCheckAt(ctx: BaseCtx, id: string): Promise<Date | null>;
  /** The row, locked, when it is due at `now`; undefined otherwise or when skipped. */
  lockIfDue(ctx: BaseCtx, id: string, now: Date, skipLocked: boolean): Promise<Row | undefined>;
  /** Up to `limit` due rows, earliest first, locked, skipping rows another worker holds. */
  lockDue(ctx: BaseCtx, now: Date, limit: number): Promise<Row[]>;
  /** Due rows by index, earliest first (no lock). */
  dueIds(ctx: BaseCtx, now: Date, limit: number): Promise<string[]>;
  /**
   * Applies what is due on locked rows of one conference and sets each one's next check;
   * returns how many rows had something due.
   */
  process(ctx: Ctx, rows: Row[]): Promise<number>;
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
    return row ? kind.process(asSystem(tx, row.conferenceId), [row]) : 0;
  });
}

/** How many due rows one transaction takes on: one commit and one chain lock for them all. */
export const SWEEP_BATCH = 500;

/**
 * Takes the earliest due rows no other worker holds and handles them in one transaction.
 * Should that fail, each due row is tried in a transaction of its own, so a row that cannot
 * be processed never holds the others back.
 */
async function processBatch<Row extends { conferenceId: string }>(
  kind: ClockKind<Row>,
  base: BaseCtx,
  limit: number,
): Promise<{ taken: number; progressed: number }> {
  try {
    return await withTransaction(base, async (tx) => {
      const rows = await kind.lockDue(tx, tx.clock.now(), limit);
      const byConference = new Map<string, Row[]>();
      for (const row of rows) {
        const group = byConference.get(row.conferenceId);
        if (group) group.push(row);
        else byConference.set(row.conferenceId, [row]);
      }
      let progressed = 0;
      for (const [conferenceId, group] of byConference) {
        progressed += await kind.process(asSystem(tx, conferenceId), group);
      }
      return { taken: rows.length, progressed };
    });
  } catch (e) {
    base.log.warn({ err: e }, 'deadline batch failed; handling its rows one by one');
    const ids = await kind.dueIds(base, base.clock.now(), limit);
    let progressed = 0;
    for (const id of ids) {
      try {
        if ((await processIfDue(kind, base, id, true)) > 0) progressed++;
      } catch (err) {
        base.log.error({ err, id }, 'deadline row failed; the next sweep tries it again');
      }
    }
    return { taken: ids.length, progressed };
  }
}

/**
 * The timer's handler. A timer that fires a moment early waits for the due time rather than
 * dropping the event until the next sweep. It then takes on a batch of the earliest due rows
 * no one else holds — when thousands fall due in the same second, concurrent timers each take
 * a different batch, and the later ones find nothing left — and finally its own row, should
 * that still be due (held by another worker, it waits for it and then finds it done).
 * Re-reading the locked row is what makes a repeated or concurrent run harmless.
 */
export async function processClock<Row extends { conferenceId: string }>(
  kind: ClockKind<Row>,
  base: BaseCtx,
  id: string,
): Promise<number> {
  const at = await kind.nextCheckAt(base, id);
  const early = at ? at.getTime() - base.clock.now().getTime() : 0;
  if (early > 0 && early <= EARLY_TOLERANCE_MS) await new Promise((r) => setTimeout(r, early));
  const { progressed } = await processBatch(kind, base, SWEEP_BATCH);
  return progressed + (await processIfDue(kind, base, id, false));
}

/**
 * How many batches the sweep works on at once. A batch spends most of its time in the
 * database, one backend each; two keep both of a small host's cores busy, and the lanes
 * only wait for each other at the audit chain's lock, taken last in each batch.
 */
export const SWEEP_LANES = 2;

/**
 * The sweep: takes due rows a batch per transaction, `lanes` batches at a time, until none
 * is left. Costs what is due, not what is open. Lanes never take the same row (SKIP LOCKED);
 * one that finds less than a full batch left ends the sweep once the others are done.
 */
export async function processDue<Row extends { conferenceId: string }>(
  kind: ClockKind<Row>,
  base: BaseCtx,
  batch = SWEEP_BATCH,
  maxPasses = 1000,
  lanes = SWEEP_LANES,
): Promise<number> {
  let handled = 0;
  let passes = 0;
  let drained = false;
  const lane = async () => {
    while (!drained && passes < maxPasses) {
      passes++;
      const { taken, progressed } = await processBatch(kind, base, batch);
      handled += progressed;
      if (taken < batch || progressed === 0) drained = true;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, lanes) }, lane));
  return handled;
}
