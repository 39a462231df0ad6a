import { notFound, type StatReport } from '@lianxi/domain';
import { statReports } from '@lianxi/db';
import { and, eq, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context.js';

export type StatReportRow = typeof statReports.$inferSelect;

/** A unit sees its own reports; the office, supervisors and leaders see all. */
export function reportScope(ctx: Ctx): SQL {
  const conference = eq(statReports.conferenceId, ctx.conferenceId);
  if (ctx.actor.role !== 'unit') return conference;
  return and(conference, eq(statReports.unitId, ctx.actor.unitId ?? ''))!;
}

export async function findReport(ctx: Ctx, id: string, lock = false): Promise<StatReportRow> {
  const query = ctx.db
    .select()
    .from(statReports)
    .where(and(eq(statReports.id, id), reportScope(ctx)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('统计报表');
  return row;
}

export const toReport = (r: StatReportRow): StatReport => ({
  id: r.id,
  unitId: r.unitId,
  month: r.month,
  figures: r.figures,
  note: r.note,
  status: r.status,
  submittedAt: r.submittedAt?.toISOString() ?? null,
  approvedAt: r.approvedAt?.toISOString() ?? null,
  corrections: r.corrections,
  returnReason: r.returnReason,
  version: r.version,
});
