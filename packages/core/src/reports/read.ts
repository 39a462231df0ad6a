import type { StatReport, StatReportDetail, StatReportListQuery } from '@lianxi/domain';
import { statReportRevisions, statReports } from '@lianxi/db';
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { findReport, reportScope, toReport } from './view.js';

export async function listStatReports(
  ctx: Ctx,
  query: StatReportListQuery,
): Promise<{ items: StatReport[] }> {
  const where: SQL[] = [reportScope(ctx)];
  if (query.month) where.push(eq(statReports.month, query.month));
  if (query.unitId) where.push(eq(statReports.unitId, query.unitId));
  if (query.status) where.push(eq(statReports.status, query.status));
  const rows = await ctx.db
    .select()
    .from(statReports)
    .where(and(...where))
    .orderBy(desc(statReports.month), asc(statReports.unitId))
    .limit(1000);
  return { items: rows.map(toReport) };
}

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
