import { z } from 'zod';
import { Instant } from '../common/schemas.js';

/** What each queue is for, as an operator reads it. */
export const QUEUE_LABELS: Record<string, string> = {
  deadlines: '时限与督办',
  notifications: '通知推送（企业微信 / 钉钉）',
  clues: '线索分流',
  maintenance: '日常维护',
};

export const FailedJob = z.object({
  id: z.string(),
  job: z.string(),
  reason: z.string(),
  attempts: z.number().int(),
  failedAt: Instant.nullable(),
});
export type FailedJob = z.infer<typeof FailedJob>;

export const QueueStatus = z.object({
  name: z.string(),
  label: z.string(),
  waiting: z.number().int(),
  active: z.number().int(),
  delayed: z.number().int(),
  failed: z.number().int(),
  /** The latest failures, newest first. */
  recentFailures: z.array(FailedJob),
});
export type QueueStatus = z.infer<typeof QueueStatus>;

/**
 * 队列监控: each queue's jobs by state, and the outbox rows not yet handed to Redis — a
 * growing backlog there with an old first row is a stuck relay.
 */
export const QueuesOverview = z.object({
  queues: z.array(QueueStatus),
  outbox: z.object({
    pending: z.number().int(),
    oldestAt: Instant.nullable(),
    /** Rows the relay tried and could not hand over, with the last error. */
    retrying: z.number().int(),
    lastError: z.string().nullable(),
  }),
});
export type QueuesOverview = z.infer<typeof QueuesOverview>;
