import { processDueClocks, processTaskClock, upcomingClocks } from '@lianxi/core';
import type { Processors } from './types.js';

/** How far ahead the sweep re-adds timers: past the next sweep, so none falls between. */
export const RECONCILE_HORIZON_FACTOR = 2;

export const deadlineProcessors = (reconcileEveryMs: number): Processors<'deadlines'> => ({
  'task-clock': async ({ taskId }, ctx) => {
    await processTaskClock(ctx, taskId);
  },
  reconcile: async (_payload, ctx) => {
    const handled = await processDueClocks(ctx);
    const upcoming = await upcomingClocks(ctx, reconcileEveryMs * RECONCILE_HORIZON_FACTOR);
    const queue = ctx.queues.get('deadlines');
    const now = Date.now();
    // Same ids as the ones the outbox asked for: where Redis still has them, this is a no-op.
    await queue.addBulk(
      upcoming.map((u) => ({
        name: 'task-clock',
        data: { taskId: u.taskId, deadlineVersion: u.deadlineVersion },
        opts: { jobId: u.jobId, delay: Math.max(0, u.at.getTime() - now) },
      })),
    );
    if (handled) ctx.log.info({ handled, rearmed: upcoming.length }, 'reconciled due clocks');
  },
});
