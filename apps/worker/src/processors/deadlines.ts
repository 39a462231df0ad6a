import {
  handoffClocks,
  processClock,
  processDue,
  processDueClocks,
  processTaskClock,
  upcomingClocks,
  upcomingHandoffClocks,
} from '@lianxi/core';
import type { Processors } from './types.js';

/** How far ahead the sweep re-adds timers: past the next sweep, so none falls between. */
export const RECONCILE_HORIZON_FACTOR = 2;

/** Timers re-added per Redis round trip. */
const REARM_CHUNK = 500;

export const deadlineProcessors = (reconcileEveryMs: number): Processors<'deadlines'> => ({
  'task-clock': async ({ taskId }, ctx) => {
    await processTaskClock(ctx, taskId);
  },
  'handoff-clock': async ({ handoffId }, ctx) => {
    await processClock(handoffClocks, ctx, handoffId);
  },
  reconcile: async (_payload, ctx) => {
    const handled = (await processDueClocks(ctx)) + (await processDue(handoffClocks, ctx));
    const horizon = reconcileEveryMs * RECONCILE_HORIZON_FACTOR;
    const tasks = await upcomingClocks(ctx, horizon);
    const handoffs = await upcomingHandoffClocks(ctx, horizon);
    const now = ctx.clock.now().getTime();
    const delay = (at: Date) => Math.max(0, at.getTime() - now);
    // Same ids as the ones the outbox asked for: where Redis still has them, this is a no-op.
    const timers = [
      ...tasks.map((u) => ({
        name: 'task-clock' as const,
        data: { taskId: u.taskId, deadlineVersion: u.deadlineVersion },
        opts: { jobId: u.jobId, delay: delay(u.at) },
      })),
      ...handoffs.map((u) => ({
        name: 'handoff-clock' as const,
        data: { handoffId: u.handoffId, clockVersion: u.clockVersion },
        opts: { jobId: u.jobId, delay: delay(u.at) },
      })),
    ];
    // thousands falling due together would otherwise make one Redis pipeline of them all
    for (let i = 0; i < timers.length; i += REARM_CHUNK) {
      await ctx.queues.get('deadlines').addBulk(timers.slice(i, i + REARM_CHUNK));
    }
    if (handled) {
      ctx.log.info({ handled, rearmed: tasks.length + handoffs.length }, 'reconciled due clocks');
    }
  },
});
