import { outbox, unnestRows } from '@lianxi/db';
import type { JobName, JobPayload, QueueName } from '@lianxi/queue';
import { sql } from 'drizzle-orm';
import type { BaseCtx } from '../context.js';

export const OUTBOX_CHANNEL = 'lianxi_outbox';

export interface OutboxEvent<Q extends QueueName, J extends JobName<Q>> {
  conferenceId?: string | null;
  queue: Q;
  job: J;
  payload: JobPayload<Q, J>;
  /** Deterministic, so a re-published event cannot become a second job. */
  jobId?: string;
  runAt?: Date;
}

/** Any event the registry knows: each queue with one of its own jobs and that job's payload. */
export type AnyOutboxEvent = {
  [Q in QueueName]: { [J in JobName<Q>]: OutboxEvent<Q, J> }[JobName<Q>];
}[QueueName];

/**
 * Records a job to run once the caller's transaction commits. The NOTIFY is delivered at
 * commit too, which wakes the relay without waiting for its next poll.
 */
export async function writeOutbox<Q extends QueueName, J extends JobName<Q>>(
  ctx: BaseCtx,
  event: OutboxEvent<Q, J>,
): Promise<void> {
  await writeOutboxMany(ctx, [event as unknown as AnyOutboxEvent]);
}

/** Several jobs in one statement and one NOTIFY, as a batch of escalations writes them. */
export async function writeOutboxMany(ctx: BaseCtx, events: AnyOutboxEvent[]): Promise<void> {
  if (!ctx.inTransaction) throw new Error('writeOutbox must run inside withTransaction');
  if (!events.length) return;
  const all = unnestRows(
    {
      conferenceId: outbox.conferenceId,
      queue: outbox.queue,
      jobName: outbox.jobName,
      jobId: outbox.jobId,
      payload: outbox.payload,
      runAt: outbox.runAt,
    },
    events.map((event) => ({
      conferenceId: event.conferenceId ?? null,
      queue: event.queue,
      jobName: event.job,
      jobId: event.jobId ?? null,
      payload: event.payload as Record<string, unknown>,
      runAt: event.runAt ?? null,
    })),
  );
  await ctx.db.execute(sql`INSERT INTO ${outbox} ${all.names} ${all.rows}`);
  await ctx.db.execute(sql`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`);
}
