import type { Clock, Config, Log } from '@lianxi/core';
import type { Database } from '@lianxi/db';
import {
  createQueues,
  createRedis,
  payloadSchema,
  QUEUE_CONCURRENCY,
  QUEUE_NAMES,
} from '@lianxi/queue';
import { Worker } from 'bullmq';
import { startOutboxRelay } from './outbox-relay.js';
import { processors } from './processors/index.js';
import { startSchedulerWatchdog, upsertSchedulers } from './schedulers.js';
import type { WorkerCtx } from './processors/types.js';

export interface WorkerDeps {
  config: Pick<Config, 'databaseUrl' | 'redisUrl' | 'queuePrefix'> & { reconcileEveryMs?: number };
  database: Database;
  clock: Clock;
  log: Log;
  /** Jobs of each queue run at once, for all queues alike (by default each queue's own). */
  concurrency?: number;
  outboxPollMs?: number;
  /** How often the sweep looks for due clocks that no timer handled (30 s by default). */
  reconcileEveryMs?: number;
}

export interface RunningWorker {
  close(): Promise<void>;
}

/**
 * Starts the processors of every queue in the registry, the outbox relay and the job
 * schedulers. Any number may run at once: no job assumes it is the only worker.
 */
export async function startWorker(deps: WorkerDeps): Promise<RunningWorker> {
  const { config, database, log } = deps;
  const producer = createRedis(config.redisUrl, 'producer');
  const blocking = createRedis(config.redisUrl, 'worker');
  const queues = createQueues(producer, config.queuePrefix);
  const ctx: WorkerCtx = { db: database.db, clock: deps.clock, log, queues };
  const reconcileEveryMs = deps.reconcileEveryMs ?? config.reconcileEveryMs ?? 30_000;
  const PROCESSORS = processors({ reconcileEveryMs });

  const workers = QUEUE_NAMES.map((name) => {
    const handlers = PROCESSORS[name] as Record<
      string,
      (p: unknown, c: WorkerCtx) => Promise<void>
    >;
    const worker = new Worker(
      name,
      async (job) => {
        const schema = payloadSchema(name, job.name);
        const handler = Object.hasOwn(handlers, job.name) ? handlers[job.name] : undefined;
        if (!schema || !handler) throw new Error(`no processor for ${name}/${job.name}`);
        await handler(schema.parse(job.data), ctx);
      },
      {
        connection: blocking,
        prefix: config.queuePrefix,
        concurrency: deps.concurrency ?? QUEUE_CONCURRENCY[name],
      },
    );
    worker.on('failed', (job, err) =>
      log.warn({ queue: name, job: job?.name, jobId: job?.id, err }, 'job failed'),
    );
    worker.on('error', (err) => log.warn({ queue: name, err }, 'worker connection error'));
    return worker;
  });

  await upsertSchedulers(queues, reconcileEveryMs);
  // A sweep at start: whatever fell due while no worker ran is handled now.
  await queues.add('deadlines', 'reconcile', {});
  const stopWatchdog = startSchedulerWatchdog(queues, reconcileEveryMs, (e) =>
    log.warn({ err: e }, 'scheduler watchdog failed'),
  );
  const relay = startOutboxRelay({
    db: database.db,
    databaseUrl: config.databaseUrl,
    queues,
    clock: deps.clock,
    log,
    pollMs: deps.outboxPollMs,
  });
  await relay.listening;

  return {
    close: async () => {
      stopWatchdog();
      await relay.stop();
      await Promise.all(workers.map((w) => w.close()));
      await queues.close();
      blocking.disconnect();
      producer.disconnect();
    },
  };
}
