import type { Figures } from '@lianxi/domain';
import { statReportRevisions } from '@lianxi/db';
import { eq, max } from 'drizzle-orm';
import type { Ctx } from '../context.js';

/** Keeps the figures a report now holds as its next revision. */
export async function keepRevision(
  ctx: Ctx,
  reportId: string,
  figures: Figures,
  reason: string | null,
): Promise<number> {
  const [{ last }] = await ctx.db
    .select({ last: max(statReportRevisions.revision) })
    .from(statReportRevisions)
    .where(eq(statReportRevisions.reportId, reportId));
  const revision = (last ?? 0) + 1;
  await ctx.db.insert(statReportRevisions).values({
    reportId,
    revision,
    figures,
    reason,
    by: ctx.actor.userId,
    at: ctx.clock.now(),
  });
  return revision;
}
