import { and, gt, isNotNull, lte } from 'drizzle-orm';
import type { BaseCtx } from '../context.js';
import type { AnyOutboxEvent } from '../outbox/write.js';
import type { ClockRow, ClockSubject } from './subject.js';

/**
 * Timers PostgreSQL says are due within `horizonMs`, as the outbox would have asked for
 * them: the reconciler re-adds them with the same ids, so a Redis that lost its delayed jobs
 * is punctual again, not just eventually right.
 */
export async function upcomingTimers(
  ctx: BaseCtx,
  { subject }: { subject: ClockSubject<ClockRow, unknown> },
  horizonMs: number,
  limit = 10_000,
): Promise<AnyOutboxEvent[]> {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select({
      id: subject.id,
      conferenceId: subject.columns.conferenceId,
      version: subject.version,
      at: subject.nextCheckAt,
    })
    .from(subject.table)
    .where(
      and(
        isNotNull(subject.nextCheckAt),
        gt(subject.nextCheckAt, now),
        lte(subject.nextCheckAt, new Date(now.getTime() + horizonMs)),
      ),
    )
    .limit(limit);
  return rows.map((r) =>
    subject.timer(
      { id: r.id as string, conferenceId: r.conferenceId as string, version: r.version as number },
      r.at as Date,
    ),
  );
}
