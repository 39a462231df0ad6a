import { handoffClocks, processClock, reconcileClocks, taskClocks } from '@lianxi/core';
import type { Processors } from './types.js';

/** How far ahead the sweep re-adds timers: past the next sweep, so none falls between. */
export const RECONCILE_HORIZON_FACTOR = 2;

export const deadlineProcessors = (reconcileEveryMs: number): Processors<'deadlines'> => ({
  'task-clock': async ({ taskId }, ctx) => {
    await processClock(taskClocks, ctx, taskId);
  },
  'handoff-clock': async ({ handoffId }, ctx) => {
    await processClock(handoffClocks, ctx, handoffId);
  },
  reconcile: async (_payload, ctx) => {
    const deadlines = ctx.queues.get('deadlines');
    const { handled, rearmed } = await reconcileClocks(
      ctx,
      reconcileEveryMs * RECONCILE_HORIZON_FACTOR,
      (timers) => deadlines.addBulk(timers as Parameters<typeof deadlines.addBulk>[0]),
    );
    if (handled) ctx.log.info({ handled, rearmed }, 'reconciled due clocks');
  },
});
