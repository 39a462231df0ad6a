import { type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  type JobName,
  type JobPayload,
  payloadSchema,
  QUEUE_NAMES,
  type QueueName,
} from './registry.js';

/** An event no retry can help: its queue or job is unknown, or its payload does not fit. */
export class InvalidJobError extends Error {
  override name = 'InvalidJobError';
}

export interface QueueSet {
  prefix: string;
  get(name: QueueName): Queue;
  add<Q extends QueueName, J extends JobName<Q>>(
    queue: Q,
    job: J,
    payload: JobPayload<Q, J>,
    options?: JobsOptions,
  ): Promise<void>;
  /** For the outbox relay, whose rows name queue and job as text. */
  addUntyped(queue: string, job: string, payload: unknown, options?: JobsOptions): Promise<void>;
  close(): Promise<void>;
}

const ADD_TIMEOUT_MS = 3000;

const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export function createQueues(connection: Redis, prefix: string): QueueSet {
  const queues = new Map<QueueName, Queue>();
  const get = (name: QueueName): Queue => {
    let queue = queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
      queue.on('error', () => {});
      queues.set(name, queue);
    }
    return queue;
  };
  const addUntyped = async (
    queue: string,
    job: string,
    payload: unknown,
    options?: JobsOptions,
  ) => {
    const schema = payloadSchema(queue, job);
    if (!schema)
      throw new InvalidJobError(`unknown job ${queue}/${job}: add it to the queue registry`);
    const parsed = schema.safeParse(payload);
    if (!parsed.success)
      throw new InvalidJobError(`bad payload for ${queue}/${job}: ${parsed.error.message}`);
    const data = parsed.data;
    // BullMQ waits for a lost connection indefinitely; a producer must not wait with it.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`redis: no answer in ${ADD_TIMEOUT_MS} ms`)),
        ADD_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([get(queue as QueueName).add(job, data, options), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    prefix,
    get,
    add: (queue, job, payload, options) => addUntyped(queue, job, payload, options),
    addUntyped,
    close: async () => {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}

export { QUEUE_NAMES };
