import type { Redis } from 'ioredis';
import { QUEUE_NAMES, type QueueName } from './registry.js';

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export interface FailedJobView {
  id: string;
  job: string;
  reason: string;
  attempts: number;
  failedAt: Date | null;
}

/** What an operator reads of the queues: counts by state and the latest failures. */
export interface QueueInspector {
  names: readonly QueueName[];
  counts(name: QueueName): Promise<QueueCounts>;
  failures(name: QueueName, latest: number): Promise<FailedJobView[]>;
  close(): Promise<void>;
}

/**
 * Reads the queues without producing to them. BullMQ is loaded here, on first use, so a
 * process that only writes the outbox (the API) does not load it at start for a page an
 * administrator opens now and then.
 */
export async function openQueueInspector(
  connection: Redis,
  prefix: string,
): Promise<QueueInspector> {
  const { Queue } = await import('bullmq');
  const queues = new Map(
    QUEUE_NAMES.map((name) => {
      const queue = new Queue(name, { connection, prefix });
      queue.on('error', () => {});
      return [name, queue] as const;
    }),
  );
  const queueOf = (name: QueueName) => queues.get(name)!;
  return {
    names: QUEUE_NAMES,
    async counts(name) {
      const c = await queueOf(name).getJobCounts('waiting', 'active', 'delayed', 'failed');
      return {
        waiting: c.waiting ?? 0,
        active: c.active ?? 0,
        delayed: c.delayed ?? 0,
        failed: c.failed ?? 0,
      };
    },
    async failures(name, latest) {
      const jobs = await queueOf(name).getFailed(0, latest - 1);
      return jobs
        .filter((job) => job !== undefined)
        .map((job) => ({
          id: String(job.id),
          job: job.name,
          reason: job.failedReason ?? '',
          attempts: job.attemptsMade,
          failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
        }));
    },
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}
