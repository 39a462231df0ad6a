import type { StatReportDetail } from '@lianxi/domain';
import { statReportRevisions } from '@lianxi/db';
import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { findReport, toReport } from './view.js';

/** One report with every set of figures it has held. */
export async function getStatReport(ctx: Ctx, id: string): Promise<StatReportDetail> {
  const row = await findReport(ctx, id);
  const revisions = await ctx.db
    .select()
    .from(statReportRevisions)
    .where(eq(statReportRevisions.reportId, id))
    .orderBy(asc(statReportRevisions.revision));
  return {
    ...toReport(row),
    revisions: revisions.map((r) => ({
      revision: r.revision,
      figures: r.figures,
      reason: r.reason,
      at: r.at.toISOString(),
    })),
  };
}
