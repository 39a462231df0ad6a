import { QUEUE_LABELS, type QueuesOverview } from '@lianxi/domain';
import { outbox } from '@lianxi/db';
import type { QueueInspector } from '@lianxi/queue';
import { count, gt, isNull, min, sql } from 'drizzle-orm';
import { type Ctx, requireRole } from '../context.js';

const RECENT_FAILURES = 10;

/**
 * 队列监控 for administrators: each queue's waiting, running, delayed and failed jobs with
 * the latest failures, and the outbox rows PostgreSQL still holds for Redis. Read live from
 * both: an operator looks here when escalations seem late.
 */
export async function readQueuesOverview(
  ctx: Ctx,
  queues: QueueInspector,
): Promise<QueuesOverview> {
  requireRole(ctx, ['admin']);
  const statuses = await Promise.all(
    queues.names.map(async (name) => ({
      name,
      label: QUEUE_LABELS[name] ?? name,
      ...(await queues.counts(name)),
      recentFailures: (await queues.failures(name, RECENT_FAILURES)).map((f) => ({
        ...f,
        failedAt: f.failedAt?.toISOString() ?? null,
      })),
    })),
  );
  // the outbox is the platform's own table, not the conference's: it is read whole
  const [pending] = await ctx.db
    .select({
      n: count(),
      oldest: min(outbox.createdAt),
      retrying: sql<number>`count(*) filter (where ${gt(outbox.attempts, 0)})`.mapWith(Number),
      lastError: sql<string | null>`(array_agg(${outbox.lastError} order by ${outbox.id} desc)
        filter (where ${outbox.lastError} is not null))[1]`,
    })
    .from(outbox)
    .where(isNull(outbox.publishedAt));
  return {
    queues: statuses,
    outbox: {
      pending: pending.n,
      oldestAt: pending.oldest ? new Date(pending.oldest).toISOString() : null,
      retrying: pending.retrying,
      lastError: pending.lastError,
    },
  };
}
