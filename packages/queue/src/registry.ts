import { z } from 'zod';

/**
 * Every queue the platform uses, its job names and their payloads. Producers and processors
 * are typed from this one table: enqueueing a job it does not name is a type error, and a
 * payload that does not match is refused before it reaches Redis.
 */
export const QUEUES = {
  maintenance: {
    'purge-sessions': z.object({}),
    /** Published outbox rows are kept a day for inspection, then removed. */
    'purge-outbox': z.object({}),
  },
  deadlines: {
    /** Look at one task's clock: whatever is due is applied, then the next event is set. */
    'task-clock': z.object({ taskId: z.uuid(), deadlineVersion: z.number().int() }),
    /** Look at one hand-off's clock (sign-for, result or statutory limits, seized items). */
    'handoff-clock': z.object({ handoffId: z.uuid(), clockVersion: z.number().int() }),
    /** Sweep PostgreSQL for due clocks, so Redis is never the only copy of a deadline. */
    reconcile: z.object({}),
  },
  clues: {
    /** Send a new clue on by the first matching routing rule. */
    route: z.object({ clueId: z.uuid() }),
  },
  notifications: {
    /** A unit's 企业微信 / 钉钉 robot; retried by BullMQ, never in the escalation's way. */
    webhook: z.object({ unitId: z.uuid(), text: z.string().max(4000) }),
  },
} as const;

export type Registry = typeof QUEUES;
export type QueueName = keyof Registry;
export type JobName<Q extends QueueName> = keyof Registry[Q] & string;
export type JobPayload<Q extends QueueName, J extends JobName<Q>> = z.infer<
  Registry[Q][J] extends z.ZodType ? Registry[Q][J] : never
>;

export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];

/**
 * How many jobs of each queue one worker process runs at once. A deadline job is a database
 * transaction over a batch of due rows, so more of them than about twice the database's
 * cores only adds lock waits and memory (`npm run bench`, 10,000 deadlines due in one second
 * on two cores: lateness p99 2.4–3.3 s at 20, 1.7–2.4 s at 4). Routing and webhooks
 * spend their time waiting on others, so many may wait at once.
 */
export const QUEUE_CONCURRENCY: Record<QueueName, number> = {
  maintenance: 20,
  deadlines: 4,
  clues: 20,
  notifications: 20,
};

export function isQueueName(name: string): name is QueueName {
  return Object.hasOwn(QUEUES, name);
}

export function payloadSchema(queue: string, job: string): z.ZodType | undefined {
  if (!isQueueName(queue)) return undefined;
  const jobs = QUEUES[queue] as Record<string, z.ZodType>;
  return Object.hasOwn(jobs, job) ? jobs[job] : undefined;
}

/** BullMQ refuses `:` in custom ids and treats integer-looking ids as its own; keep ids safe. */
export function jobId(...parts: (string | number)[]): string {
  return parts.map((p) => String(p).replaceAll(':', '-')).join('-');
}
