import type { QueueSet } from '@lianxi/queue';

/** The recurring jobs, as BullMQ job schedulers: the one scheduling mechanism. */
export async function upsertSchedulers(queues: QueueSet, reconcileEveryMs: number) {
  await queues
    .get('maintenance')
    .upsertJobScheduler(
      'purge-sessions',
      { every: 3600_000 },
      { name: 'purge-sessions', data: {} },
    );
  await queues
    .get('maintenance')
    .upsertJobScheduler('purge-outbox', { every: 3600_000 }, { name: 'purge-outbox', data: {} });
  await queues
    .get('deadlines')
    .upsertJobScheduler('reconcile', { every: reconcileEveryMs }, { name: 'reconcile', data: {} });
}

/**
 * Redis can lose everything (a flush, a restart without persistence), schedulers included.
 * The watchdog notices the reconcile scheduler is gone, puts the schedulers back and runs a
 * sweep at once, so deadlines are late by at most one watchdog period, never lost.
 */
export function startSchedulerWatchdog(
  queues: QueueSet,
  reconcileEveryMs: number,
  onError: (e: unknown) => void,
): () => void {
  const timer = setInterval(
    async () => {
      try {
        const scheduler = await queues.get('deadlines').getJobScheduler('reconcile');
        if (scheduler) return;
        await upsertSchedulers(queues, reconcileEveryMs);
        await queues.add('deadlines', 'reconcile', {});
      } catch (e) {
        onError(e);
      }
    },
    Math.max(250, Math.floor(reconcileEveryMs / 3)),
  );
  return () => clearInterval(timer);
}
