import { upcomingTimers } from '../clocks/upcoming-timers.js';
import type { BaseCtx } from '../context.js';
import type { AnyOutboxEvent } from '../outbox/write.js';
import { CLOCK_SUBJECTS } from './subjects.js';
import { processDueClocks } from './sweep.js';

/** A timer as the deadline queue takes it: the job, its data, its id and how long to wait. */
export interface TimerJob {
  name: AnyOutboxEvent['job'];
  data: AnyOutboxEvent['payload'];
  opts: { jobId: string; delay: number };
}

/** Timers re-added per Redis round trip. */
const REARM_CHUNK = 500;

/**
 * The reconciler, so Redis is never the only copy of a deadline: handles whatever is due
 * now, then re-adds every timer due within `horizonMs` with the ids the outbox gave them
 * (where Redis still has them, a no-op), `addTimers` taking them a chunk at a time.
 */
export async function reconcileClocks(
  base: BaseCtx,
  horizonMs: number,
  addTimers: (timers: TimerJob[]) => Promise<unknown>,
): Promise<{ handled: number; rearmed: number }> {
  const handled = await processDueClocks(base);
  const now = base.clock.now().getTime();
  const timers: TimerJob[] = [];
  for (const clocks of CLOCK_SUBJECTS) {
    for (const t of await upcomingTimers(base, clocks, horizonMs)) {
      timers.push({
        name: t.job,
        data: t.payload,
        opts: { jobId: t.jobId!, delay: Math.max(0, (t.runAt?.getTime() ?? now) - now) },
      });
    }
  }
  // thousands falling due together would otherwise make one Redis pipeline of them all
  for (let i = 0; i < timers.length; i += REARM_CHUNK) {
    await addTimers(timers.slice(i, i + REARM_CHUNK));
  }
  return { handled, rearmed: timers.length };
}
