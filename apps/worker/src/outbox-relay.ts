import type { Clock, Log } from '@lianxi/core';
import { OUTBOX_CHANNEL } from '@lianxi/core';
import { type Db, type Listener, listenFor, outbox } from '@lianxi/db';
import { InvalidJobError, type QueueSet } from '@lianxi/queue';
import { and, asc, inArray, isNull, lt, sql } from 'drizzle-orm';

/** A row that failed this often is left for a person to look at, not retried forever. */
const MAX_ATTEMPTS = 20;
const BATCH = 200;

/**
 * Moves one batch of committed outbox rows to BullMQ and answers how many it published.
 * Rows are claimed with SKIP LOCKED, so several relays share the work; a row is marked
 * published only after its job is added, and a deterministic job id makes a repeat after a
 * crash harmless. While Redis is away the batch stops and nothing is counted against the
 * rows; only an event the registry refuses uses up its attempts.
 */
export async function relayOutboxBatch(
  db: Db,
  queues: QueueSet,
  clock: Clock,
  batch = BATCH,
): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(outbox)
      .where(and(isNull(outbox.publishedAt), lt(outbox.attempts, MAX_ATTEMPTS)))
      .orderBy(asc(outbox.id))
      .limit(batch)
      .for('update', { skipLocked: true });
    const published: number[] = [];
    for (const row of rows) {
      try {
        // runAt was set by the conference's clock: the delay is measured on the same one
        const delay = row.runAt ? Math.max(0, row.runAt.getTime() - clock.now().getTime()) : 0;
        await queues.addUntyped(row.queue, row.jobName, row.payload, {
          ...(row.jobId ? { jobId: row.jobId } : {}),
          delay,
        });
        published.push(row.id);
      } catch (e) {
        if (!(e instanceof InvalidJobError)) break;
        await tx
          .update(outbox)
          .set({ attempts: sql`${outbox.attempts} + 1`, lastError: e.message })
          .where(inArray(outbox.id, [row.id]));
      }
    }
    if (published.length) {
      await tx
        .update(outbox)
        .set({ publishedAt: clock.now() })
        .where(inArray(outbox.id, published));
    }
    return published.length;
  });
}

export type OutboxRelay = Listener;

/**
 * Runs the relay until stopped: woken at once by the NOTIFY each outbox write sends, and
 * polling as well, so a lost notification only delays an event by one poll.
 */
export function startOutboxRelay(opts: {
  db: Db;
  databaseUrl: string;
  queues: QueueSet;
  clock: Clock;
  log: Log;
  pollMs?: number;
}): OutboxRelay {
  const pollMs = opts.pollMs ?? 1000;
  let stopped = false;
  // A notification that arrives while a batch runs is remembered, so the next sleep is
  // skipped: that batch may have read the table before the notifying commit.
  let notified = false;
  let wake: (() => void) | undefined;
  const poke = () => {
    notified = true;
    wake?.();
  };
  const sleep = () =>
    new Promise<void>((resolve) => {
      if (notified || stopped) return resolve();
      const timer = setTimeout(resolve, pollMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      wake = undefined;
    });

  const listener = listenFor({
    databaseUrl: opts.databaseUrl,
    channel: OUTBOX_CHANNEL,
    onNotify: poke,
    // rows committed before LISTEN took hold sent their notification to nobody
    onListening: poke,
    retryMs: pollMs,
  });

  const loop = (async () => {
    while (!stopped) {
      notified = false;
      try {
        const moved = await relayOutboxBatch(opts.db, opts.queues, opts.clock);
        if (moved >= BATCH) continue; // a full batch: more may be waiting
      } catch (e) {
        opts.log.warn({ err: e }, 'outbox relay: batch failed, will retry');
      }
      if (!stopped) await sleep();
    }
  })();

  return {
    listening: listener.listening,
    stop: async () => {
      stopped = true;
      wake?.();
      await loop;
      await listener.stop();
    },
  };
}
